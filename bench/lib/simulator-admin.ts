/**
 * The provider simulator's admin endpoints (`simulator/core/server.ts`): faults per provider,
 * clearing them, the per-provider request counters the bench uses to count wire calls, the calls
 * per key with their busiest minute, each provider's size and fewest backfill calls, and live adds.
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

const keyCallsSchema = z
  .object({
    total: z.number(),
    peakPerMinute: z.number(),
    byStatus: z.record(z.string(), z.number()).optional(),
  })
  .loose();
const callsSchema = z.object({
  since: z.string(),
  providers: z.record(
    z.string(),
    z.object({
      total: z.number(),
      budgetPerMinute: z.number().optional(),
      keys: z.record(z.string(), keyCallsSchema),
    }),
  ),
});
export type CallReport = z.infer<typeof callsSchema>;

/** `GET /__admin/calls`: calls per provider and key since the start, with each key's busiest minute. */
export async function callReport(simulatorUrl: string): Promise<CallReport> {
  return callsSchema.parse(await admin(simulatorUrl, "GET", "/calls"));
}

const scaleSchema = z.object({
  scale: z.number().nullable(),
  providers: z.record(
    z.string(),
    z
      .object({
        conversations: z.number().optional(),
        messages: z.number().optional(),
        backfillFloor: z.object({ calls: z.number(), detail: z.string() }).optional(),
      })
      .loose(),
  ),
});
export type ScaleReport = z.infer<typeof scaleSchema>;

/** `GET /__admin/scale`: each provider's size and the fewest calls a full read of it needs. */
export async function scaleReport(simulatorUrl: string): Promise<ScaleReport> {
  return scaleSchema.parse(await admin(simulatorUrl, "GET", "/scale"));
}

/** `GET /__admin/stats`: per provider its sizes (chats, sessions, …) and requests. */
export async function providerStats(simulatorUrl: string): Promise<Record<string, Record<string, unknown>>> {
  return z
    .record(z.string(), z.record(z.string(), z.unknown()))
    .parse(await admin(simulatorUrl, "GET", "/stats"));
}

const liveAnswerSchema = z.object({
  provider: z.string(),
  added: z.array(z.object({ id: z.string(), lastActivityAt: z.string().nullable().optional() }).loose()),
});

/** `POST /__admin/conversations/:provider {add}`: new conversations, newer than every other; their ids. */
export async function addConversations(
  simulatorUrl: string,
  provider: ProviderId,
  count: number,
  messages = 2,
): Promise<string[]> {
  const answer = liveAnswerSchema.parse(
    await admin(simulatorUrl, "POST", `/conversations/${provider}`, { add: count, messages }),
  );
  return answer.added.map((conversation) => conversation.id);
}
