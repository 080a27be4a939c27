/**
 * The simulator's admin endpoints below `/__admin` (documented in `simulator/README.md`): health,
 * fault injection, reset, data sizes, call counts, and live changes to a provider's conversations.
 * They are not part of any provider's API and need no key; the simulator binds to loopback only.
 */
import type { CallCounter } from "./calls";
import { faultSettingsSchema, type FaultState, type FaultSettings } from "./faults";
import { json, matchPath, type SimResponse } from "./http";
import { applyLiveChange, liveChangeSchema } from "./live";
import type { SimulatedProvider, SimulatedProviderId } from "./provider";
import { createRandom, type Random } from "./random";
import { hashString } from "./scale";

/** What the server keeps per provider. */
export interface ProviderRuntime {
  provider: SimulatedProvider;
  faults: FaultState;
  /** Calls received since the start (never reset; `/__admin/calls` has resettable counts). */
  requests: number;
  /** Per-key request starts in the current minute window, for documented rate limits. */
  windows: Map<string, { startedAt: number; count: number }>;
  /** Picks the conversations of count-based live changes; restarted by `POST /__admin/reset`. */
  liveRandom: Random;
}

export function liveRandomFor(id: SimulatedProviderId): Random {
  return createRandom(hashString(`live-changes:${id}`));
}

export interface AdminContext {
  runtimes: ReadonlyMap<SimulatedProviderId, ProviderRuntime>;
  calls: CallCounter;
  /** The `SIMULATOR_SCALE` the providers were built with, or null for the demo data. */
  scale: number | null;
  releaseHung(): void;
}

export interface AdminRequest {
  method: string;
  /** Path below `/__admin`, such as `/faults/zaia`. */
  path: string;
  body: unknown;
  invalidJson: boolean;
}

function badRequest(problems: string[]): SimResponse {
  return json(400, { error: problems[0] ?? "bad request", problems });
}

function issuesOf(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string[] {
  return error.issues.map((issue) =>
    issue.path.length > 0 ? `${issue.path.map(String).join(".")}: ${issue.message}` : issue.message,
  );
}

function setFaults(runtime: ProviderRuntime, context: AdminContext, request: AdminRequest): SimResponse {
  if (request.invalidJson) return json(400, { error: "body is not valid JSON" });
  const parsed = faultSettingsSchema.safeParse(request.body ?? {});
  if (!parsed.success)
    return json(400, {
      error: parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`),
    });
  runtime.faults.set(parsed.data as FaultSettings);
  if (!parsed.data.hang) context.releaseHung();
  return json(200, { provider: runtime.provider.id, faults: runtime.faults.current });
}

function changeConversations(runtime: ProviderRuntime, request: AdminRequest): SimResponse {
  const { provider } = runtime;
  if (!provider.live)
    return json(501, { error: `${provider.id} does not take live changes yet (it has no \`live\` hooks)` });
  if (request.invalidJson) return badRequest(["body is not valid JSON"]);
  if (request.body === undefined)
    return badRequest(['a JSON body is required, such as {"add": 3, "change": 2, "remove": 1}']);
  const parsed = liveChangeSchema.safeParse(request.body);
  if (!parsed.success) return badRequest(issuesOf(parsed.error));
  const outcome = applyLiveChange(provider.live, parsed.data, runtime.liveRandom);
  if (!outcome.ok) return badRequest(outcome.problems);
  const { added, changed, removed } = outcome;
  return json(200, { provider: provider.id, added, changed, removed, ...provider.live.size() });
}

function scaleReport(context: AdminContext): SimResponse {
  const providers = Object.fromEntries(
    [...context.runtimes].map(([id, { provider }]) => [
      id,
      provider.live
        ? { live: true, ...provider.live.size(), backfillFloor: provider.live.backfillFloor() }
        : { live: false },
    ]),
  );
  return json(200, { scale: context.scale, providers });
}

/** The call counts, with each rate-limited provider's budget beside them (Chatling: 300 a minute). */
function callsReport(context: AdminContext): SimResponse {
  const { since, providers } = context.calls.snapshot([...context.runtimes.keys()]);
  for (const [id, { provider }] of context.runtimes) {
    const counts = providers[id];
    if (counts && provider.rateLimit)
      Object.assign(counts, { budgetPerMinute: provider.rateLimit.perMinute });
  }
  return json(200, { since, providers });
}

/** Answers one admin request. */
export function handleAdmin(context: AdminContext, request: AdminRequest): SimResponse {
  const { method, path } = request;
  const { runtimes } = context;
  if (method === "GET" && path === "/health") return json(200, { ok: true });
  if (method === "GET" && path === "/faults")
    return json(200, Object.fromEntries([...runtimes].map(([id, runtime]) => [id, runtime.faults.current])));
  if (method === "DELETE" && path === "/faults") {
    for (const runtime of runtimes.values()) runtime.faults.clear();
    context.releaseHung();
    return json(200, { ok: true });
  }
  const faultMatch = matchPath("/faults/:provider", path);
  if (faultMatch && (method === "PUT" || method === "POST")) {
    const runtime = runtimes.get(faultMatch.provider as SimulatedProviderId);
    if (!runtime) return json(404, { error: `unknown provider ${faultMatch.provider}` });
    return setFaults(runtime, context, request);
  }
  if (method === "POST" && path === "/reset") {
    for (const runtime of runtimes.values()) {
      runtime.provider.reset();
      runtime.faults.clear();
      runtime.windows.clear();
      runtime.liveRandom = liveRandomFor(runtime.provider.id);
    }
    context.releaseHung();
    return json(200, { ok: true });
  }
  if (method === "GET" && path === "/stats")
    return json(
      200,
      Object.fromEntries(
        [...runtimes].map(([id, runtime]) => [
          id,
          { requests: runtime.requests, ...runtime.provider.stats() },
        ]),
      ),
    );
  if (method === "GET" && path === "/scale") return scaleReport(context);
  if (method === "GET" && path === "/calls") return callsReport(context);
  if (method === "DELETE" && path === "/calls") {
    context.calls.reset();
    return json(200, { ok: true });
  }
  const conversationsMatch = matchPath("/conversations/:provider", path);
  if (conversationsMatch) {
    const runtime = runtimes.get(conversationsMatch.provider as SimulatedProviderId);
    if (!runtime) return json(404, { error: `unknown provider ${conversationsMatch.provider}` });
    if (method !== "POST") return json(405, { error: "use POST" });
    return changeConversations(runtime, request);
  }
  return json(404, { error: "unknown admin endpoint" });
}
