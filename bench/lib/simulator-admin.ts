/**
 * The provider simulator's admin endpoints (`simulator/core/server.ts`): faults per provider,
 * clearing them, and the per-provider request counters the bench uses to count wire calls.
 */
import { z } from "zod";
import { providerIds, type ProviderId } from "@/lib/model/conversation";

/** What `PUT /__admin/faults/:provider` accepts; omitted fields are off. */
export interface FaultSettings {
  latencyMs?: number;
  errorRate?: number;
  rateLimitRetryAfterSeconds?: number | null;
  malformedJson?: boolean;
  hang?: boolean;
}

const statsSchema = z.record(z.string(), z.object({ requests: z.number() }).loose());

async function admin(simulatorUrl: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${simulatorUrl}/__admin${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  if (!response.ok)
    throw new Error(`simulator ${method} /__admin${path} answered ${response.status}: ${text.slice(0, 200)}`);
  return text === "" ? null : JSON.parse(text);
}

/** Sets one provider's faults (the others keep theirs). */
export async function setFaults(
  simulatorUrl: string,
  provider: ProviderId,
  faults: FaultSettings,
): Promise<void> {
  await admin(simulatorUrl, "PUT", `/faults/${provider}`, faults);
}

/** The same faults on every provider. */
export async function setFaultsEverywhere(simulatorUrl: string, faults: FaultSettings): Promise<void> {
  await Promise.all(providerIds.map((provider) => setFaults(simulatorUrl, provider, faults)));
}

/** Clears every provider's faults and releases hung requests. */
export async function clearFaults(simulatorUrl: string): Promise<void> {
  await admin(simulatorUrl, "DELETE", "/faults");
}

/** Requests each simulated provider has received since the simulator started. */
export async function requestCounts(simulatorUrl: string): Promise<Record<ProviderId, number>> {
  const stats = statsSchema.parse(await admin(simulatorUrl, "GET", "/stats"));
  const count = (provider: ProviderId) => stats[provider]?.requests ?? 0;
  return {
    sigmamind: count("sigmamind"),
    cozmox: count("cozmox"),
    zaia: count("zaia"),
    chatling: count("chatling"),
  };
}
