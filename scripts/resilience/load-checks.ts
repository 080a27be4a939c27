/**
 * The load phase around `load.ts`: who owns which conversations (picked from the lists at start,
 * distinct across clients), which are kept aside for the fault checks, and the verdicts afterwards:
 * no 5xx, every moderation's effect read back, one audit row per moderation request.
 */
import type { ModerationState } from "@/lib/conversations/api-schemas";
import { providerIds, type Conversation, type ProviderId } from "@/lib/model/conversation";
import {
  auditPageSchema,
  conversationPageSchema,
  conversationPath,
  historySchema,
  type ParleyApi,
} from "@/bench/lib/parley-api";
import { chatlingCost } from "./chatling-gate";
import { gatedCall, listPath, readState, type ResilienceContext, type Target } from "./context";
import { percentile, type LoadOutcome, type LoadSetup, type OwnedConversation } from "./load";
import {
  answerDisagrees,
  compareAudit,
  expectedState,
  isSuccess,
  stateDifferences,
  type ModerationRecord,
} from "./moderation-ledger";

/** Concurrent clients of the load. */
export const CLIENTS = 100;
const OWNED_PER_CLIENT = 3;
/** Clients that also own one Chatling conversation (its budget allows few moderations a minute). */
const CHATLING_OWNERS = 10;
const VERIFY_CONCURRENCY = 8;
const HISTORY_LIMIT = 100;

const stateOf = (conversation: Conversation): ModerationState => ({
  important: conversation.flags.important,
  archived: conversation.flags.archived,
  trashed: conversation.flags.trashed,
  title: conversation.title,
});

async function pool(
  context: ResilienceContext,
  provider: ProviderId,
  limit: number,
): Promise<Conversation[]> {
  const connectionId = context.connections[provider];
  const answer = await gatedCall(
    context,
    provider === "chatling" ? chatlingCost.list : 0,
    context.staff,
    "GET",
    listPath(connectionId, limit, "all"),
  );
  const page = conversationPageSchema.parse(answer.json);
  return page.items.filter((item) => !item.flags.removedAtProvider);
}

/** Who owns what, what anyone may open, and what the fault checks use. */
export interface LoadPlan {
  owned: OwnedConversation[][];
  browse: LoadSetup["browse"];
  /** One conversation per provider that no load client touches, for the fault checks. */
  reserved: Record<ProviderId, Target>;
}

/** Reads each provider's newest conversations and hands them out. */
export async function planLoad(context: ResilienceContext): Promise<LoadPlan> {
  const pools = new Map<ProviderId, Conversation[]>();
  for (const provider of providerIds)
    pools.set(provider, await pool(context, provider, provider === "chatling" ? 25 : 100));
  const reserve = (provider: ProviderId): Target => {
    const conversation = pools.get(provider)?.pop();
    if (!conversation) throw new Error(`no ${provider} conversation to keep for the fault checks`);
    return { provider, connectionId: conversation.connectionId, id: conversation.id };
  };
  const reserved = {
    sigmamind: reserve("sigmamind"),
    cozmox: reserve("cozmox"),
    zaia: reserve("zaia"),
    chatling: reserve("chatling"),
  };
  const toOwned = (conversation: Conversation): OwnedConversation => ({
    key: `${conversation.connectionId}/${conversation.id}`,
    connectionId: conversation.connectionId,
    provider: conversation.provider,
    id: conversation.id,
    initial: stateOf(conversation),
  });
  const chatling = [...(pools.get("chatling") ?? [])];
  const others: Conversation[] = [];
  const browsed = (["sigmamind", "zaia", "cozmox"] as const).map((provider) => [
    ...(pools.get(provider) ?? []),
  ]);
  for (let index = 0; browsed.some((list) => index < list.length); index++)
    for (const list of browsed) {
      const conversation = list[index];
      if (conversation) others.push(conversation);
    }
  const browse = others.map((conversation) => ({
    connectionId: conversation.connectionId,
    id: conversation.id,
  }));
  const owned: OwnedConversation[][] = [];
  for (let client = 0; client < CLIENTS; client++) {
    const mine: OwnedConversation[] = [];
    const fromChatling = client < CHATLING_OWNERS ? chatling.shift() : undefined;
    if (fromChatling) mine.push(toOwned(fromChatling));
    while (mine.length < OWNED_PER_CLIENT) {
      const next = others.shift();
      if (!next) break;
      mine.push(toOwned(next));
    }
    owned.push(mine);
  }
  return { owned, browse, reserved };
}

async function inBatches<T>(
  items: readonly T[],
  size: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next];
      next += 1;
      if (item !== undefined) await work(item);
    }
  };
  await Promise.all(Array.from({ length: size }, worker));
}

/** Every audit row of a conversation: `/history` (100 newest), or the admin audit API beyond that. */
async function auditRows(
  context: ResilienceContext,
  owned: OwnedConversation,
  expected: number,
  admin: ParleyApi,
) {
  const path = conversationPath(owned.connectionId, owned.id);
  const history = historySchema.parse((await context.staff.call("GET", `${path}/history`)).json).items;
  if (history.length < HISTORY_LIMIT && expected < HISTORY_LIMIT) return history;
  const rows: typeof history = [];
  let cursor: string | null = null;
  for (let page = 0; page < 50; page++) {
    const query = `connection=${encodeURIComponent(owned.connectionId)}&conversation=${encodeURIComponent(owned.id)}&limit=200${cursor ? `&cursor=${cursor}` : ""}`;
    const body = auditPageSchema.parse((await admin.call("GET", `/api/audit?${query}`)).json);
    rows.push(...body.items);
    cursor = body.nextCursor;
    if (!cursor) break;
  }
  return rows;
}

/** The load's verdicts: statuses, read-back state, audit rows. */
export async function verifyLoad(
  context: ResilienceContext,
  plan: LoadPlan,
  outcome: LoadOutcome,
): Promise<void> {
  const { checks } = context;
  const seconds = Math.round(outcome.durationMs / 1000);
  const latencies = outcome.requests
    .filter((request) => request.status !== null)
    .map((request) => request.ms);
  const statuses = new Map<string, number>();
  for (const request of outcome.requests)
    statuses.set(String(request.status ?? "none"), (statuses.get(String(request.status ?? "none")) ?? 0) + 1);
  const serverErrors = outcome.requests.filter((request) => (request.status ?? 0) >= 500);
  const byKind = [...new Set(serverErrors.map((request) => request.kind))].map(
    (kind) => `${kind}: ${serverErrors.filter((request) => request.kind === kind).length}`,
  );
  const rate = (outcome.requests.length / Math.max(1, outcome.durationMs / 1000)).toFixed(0);
  // A list that leaves a connection out (a provider timing out under load) still answers 200 with
  // a notice, which is Parley's designed degradation; it is reported here, not failed.
  const degraded = outcome.requests.filter((request) => request.degraded).length;
  const degradedText = degraded > 0 ? `; ${degraded} list answers left a connection out with a notice` : "";
  const summary = `${outcome.requests.length} requests (${rate}/s), p50 ${Math.round(percentile(latencies, 0.5))} ms, p99 ${Math.round(percentile(latencies, 0.99))} ms; statuses ${[...statuses].map(([status, count]) => `${status}×${count}`).join(", ")}${degradedText}`;
  const examples = (pattern: RegExp) => {
    const matching = outcome.problems.filter((problem) => pattern.test(problem)).slice(0, 2);
    return matching.length > 0
      ? `; e.g. ${matching.map((problem) => problem.slice(0, 300)).join(" | ")}`
      : "";
  };
  checks.add(
    `load: ${CLIENTS} clients for ${seconds} s, zero 5xx`,
    serverErrors.length === 0,
    serverErrors.length === 0
      ? summary
      : `${serverErrors.length} 5xx (${byKind.join(", ")}); ${summary}${examples(/→ 5\d\d /)}`,
  );
  const unanswered = outcome.requests.filter(
    (request) => request.status === null || (request.status >= 400 && request.status < 500),
  );
  checks.add(
    "load: every request answered without a client error",
    unanswered.length === 0,
    unanswered.length === 0
      ? "no network errors, timeouts or 4xx"
      : `${unanswered.length} failed${examples(/→ (4\d\d |no answer)/)}`,
  );
  const owned = plan.owned.flat();
  const all: ModerationRecord[] = owned.flatMap(
    (conversation) => outcome.moderation.get(conversation.key) ?? [],
  );
  const mismatches: string[] = [];
  const auditProblems: string[] = [];
  const readErrors: string[] = [];
  let rows = 0;
  await inBatches(owned, VERIFY_CONCURRENCY, async (conversation) => {
    const records = outcome.moderation.get(conversation.key) ?? [];
    try {
      const read = await readState(context, conversation);
      const differences = stateDifferences(expectedState(conversation.initial, records), read);
      if (differences.length > 0)
        mismatches.push(`${conversation.provider} ${conversation.id}: ${differences.join(", ")}`);
      const audit = compareAudit(
        records,
        await auditRows(context, conversation, records.length, context.admin),
      );
      rows += audit.rows;
      if (!audit.ok)
        auditProblems.push(`${conversation.provider} ${conversation.id}: ${JSON.stringify(audit)}`);
    } catch (error) {
      readErrors.push(
        `${conversation.provider} ${conversation.id}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  });
  const unread =
    readErrors.length > 0
      ? `; ${readErrors.length} could not be read: ${readErrors.slice(0, 2).join(" | ")}`
      : "";
  const byProvider = providerIds.map(
    (provider) =>
      `${provider} ${all.filter((record) => record.conversationKey.startsWith(`${context.connections[provider]}/`)).length}`,
  );
  checks.add(
    "load: moderation read back equals each client's last successful change",
    mismatches.length === 0 && readErrors.length === 0,
    mismatches.length === 0
      ? `${owned.length} conversations, ${all.length} moderation requests (${all.filter(isSuccess).length} succeeded; ${byProvider.join(", ")})${unread}`
      : `${mismatches.length} of ${owned.length} differ: ${mismatches.slice(0, 3).join(" | ")}${unread}`,
  );
  const disagreeing = all.map(answerDisagrees).filter((problem) => problem !== null);
  checks.add(
    "load: every 200 reported the requested state",
    disagreeing.length === 0,
    disagreeing.length === 0
      ? `${all.filter(isSuccess).length} answers`
      : disagreeing.slice(0, 3).join(" | "),
  );
  checks.add(
    "load: one audit row per moderation request",
    auditProblems.length === 0 && readErrors.length === 0,
    auditProblems.length === 0
      ? `${all.length} requests, ${rows} audit rows, outcomes matching${unread}`
      : `${auditProblems.length} conversations differ: ${auditProblems.slice(0, 3).join(" | ")}`,
  );
}
