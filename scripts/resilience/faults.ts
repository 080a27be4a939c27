/**
 * Faults, one provider at a time while the others stay healthy: 30 % 5xx, 429 with Retry-After,
 * 3 s latency (over the suite's 2.5 s provider timeout), malformed JSON and a request that never
 * answers. Each time: the healthy connections list and open threads normally, the faulty one gets
 * a clear notice, a moderation on it completes or fails visibly with nothing half-applied, the
 * server logs no unhandled rejection, and the connection recovers on its own once the fault ends.
 */
import type { ModerationBody, ModerationState } from "@/lib/conversations/api-schemas";
import { providerIds, providerLabels, type ProviderId } from "@/lib/model/conversation";
import {
  apiErrorSchema,
  conversationPath,
  historySchema,
  moderationAnswerSchema,
  threadPageSchema,
  type ApiAnswer,
} from "@/bench/lib/parley-api";
import { sleep } from "@/bench/lib/processes";
import { setFaults, type FaultSettings } from "@/bench/lib/simulator-admin";
import { expectThat } from "./checks";
import {
  describeAnswer,
  failedNotices,
  gatedCall,
  troubleNotices,
  listCost,
  listPath,
  moderationCost,
  parseList,
  readState,
  threadCost,
  type ResilienceContext,
  type Target,
} from "./context";

/** A fault to inject and what the faulty connection must show. */
export interface FaultKind {
  name: string;
  settings: FaultSettings;
  /** `required`: the faulty connection must show a failed notice; `allowed`: retries may hide it. */
  notice: "required" | "allowed";
  codes: readonly string[];
}

/** The faults every provider gets in turn. */
export const faultKinds: readonly FaultKind[] = [
  { name: "30 % 5xx", settings: { errorRate: 0.3 }, notice: "allowed", codes: ["unavailable"] },
  {
    // A provider's rate limit is honoured, not reported as a failing sync: the sync waits out
    // Retry-After and goes on from where it was, while the indexed rows stay listed.
    name: "429 with Retry-After",
    settings: { rateLimitRetryAfterSeconds: 30 },
    notice: "allowed",
    codes: ["rate_limited"],
  },
  { name: "3 s latency", settings: { latencyMs: 3_000 }, notice: "required", codes: ["unavailable"] },
  { name: "malformed JSON", settings: { malformedJson: true }, notice: "required", codes: ["bad_response"] },
  {
    name: "a request that never answers",
    settings: { hang: true },
    notice: "required",
    codes: ["unavailable"],
  },
];

const RECOVERY_LIMIT_MS = 45_000;
const RECOVERY_POLL_MS = 400;

/** The moderation each provider gets under a fault: where the provider holds the flag if it can. */
export function faultChange(provider: ProviderId, state: ModerationState, round: number): ModerationBody {
  switch (provider) {
    case "chatling":
      return { important: !state.important };
    case "zaia":
      return { title: `Fault round ${round}` };
    case "sigmamind":
    case "cozmox":
      return { archived: !state.archived };
    default: {
      const unreachable: never = provider;
      return unreachable;
    }
  }
}

/** The state a moderation must leave: the change when it succeeded, the state before otherwise. */
export function stateAfter(
  before: ModerationState,
  change: ModerationBody,
  succeeded: boolean,
): ModerationState {
  if (!succeeded) return before;
  return {
    important: change.important ?? before.important,
    archived: change.archived ?? before.archived,
    trashed: change.trashed ?? before.trashed,
    title: change.title ?? before.title,
  };
}

/**
 * Polls a connection's list until it answers with rows and no notice of trouble (a later sync
 * succeeded); the time it took, or null.
 */
export async function waitForRecovery(
  context: ResilienceContext,
  connectionId: string | null,
  limitMs = RECOVERY_LIMIT_MS,
): Promise<number | null> {
  const started = Date.now();
  while (Date.now() - started < limitMs) {
    const page = parseList(
      await gatedCall(
        context,
        listCost(context, connectionId),
        context.staff,
        "GET",
        listPath(connectionId, 5),
      ).catch(() => null),
    );
    if (page && page.items.length > 0 && troubleNotices(page).length === 0) return Date.now() - started;
    await sleep(RECOVERY_POLL_MS);
  }
  return null;
}

/**
 * How long a fault may take to show as a failing sync. The suite syncs every 5 s, but a sync that
 * waits out the previous scenario's Retry-After (30 s), or Chatling's request budget (a sliding
 * minute, which its backfill spends), only meets the fault once the wait is over.
 */
const SYNC_NOTICE_LIMIT_MS = 90_000;

/**
 * The list is the index: a fault shows once a sync has met it. Polls the faulty connection's list
 * (which keeps answering with its indexed rows) until it carries a notice for the provider; the
 * last answer either way.
 */
async function listUntilNotice(
  context: ResilienceContext,
  provider: ProviderId,
  connectionId: string,
): Promise<ApiAnswer | null> {
  const started = Date.now();
  let answer: ApiAnswer | null = null;
  while (Date.now() - started < SYNC_NOTICE_LIMIT_MS) {
    answer = await context.staff.call("GET", listPath(connectionId, 10)).catch(() => null);
    if (troubleNotices(parseList(answer), provider).length > 0) return answer;
    await sleep(RECOVERY_POLL_MS);
  }
  return answer;
}

/** Checks that a moderation completed or failed visibly and left exactly what it reported. */
export async function checkModeration(
  context: ResilienceContext,
  name: string,
  target: Target,
  before: ModerationState,
  change: ModerationBody,
  answer: ApiAnswer | null,
): Promise<ModerationState> {
  const succeeded = answer?.status === 200;
  const expected = stateAfter(before, change, succeeded);
  let read: ModerationState = before;
  await context.checks.attempt(name, async () => {
    expectThat(answer !== null, "the moderation request got no answer");
    if (succeeded) {
      const state = moderationAnswerSchema.parse(answer.json).state;
      expectThat(
        JSON.stringify(stateAfter(state, change, true)) === JSON.stringify(state),
        `200 with a state that is not the change: ${answer.text.slice(0, 200)}`,
      );
    } else {
      expectThat(answer.status >= 400, `answered ${answer.status}`);
      expectThat(
        apiErrorSchema.safeParse(answer.json).success,
        `a ${answer.status} without a JSON error body: ${answer.text.slice(0, 200)}`,
      );
    }
    read = await readState(context, target);
    expectThat(
      JSON.stringify(read) === JSON.stringify(expected),
      `read back ${JSON.stringify(read)}, expected ${JSON.stringify(expected)}`,
    );
    const history = historySchema.parse(
      (await context.staff.call("GET", `${conversationPath(target.connectionId, target.id)}/history`)).json,
    );
    const newest = history.items[0];
    expectThat(
      newest?.outcome === (succeeded ? "success" : "failure"),
      `the newest audit row is ${JSON.stringify(newest)}`,
    );
    const apiError = succeeded ? null : apiErrorSchema.safeParse(answer.json);
    return succeeded
      ? "completed and read back"
      : `failed visibly (${answer.status} ${apiError?.success ? apiError.data.error.code : ""}); nothing applied`;
  });
  return read;
}

/** Fails when the server logged an unhandled rejection since `mark`. */
export function noUnhandledRejection(context: ResilienceContext, name: string, mark: number): void {
  const lines = context.parley.process
    .outputSince(mark)
    .split("\n")
    .filter((line) => /unhandled rejection/i.test(line));
  context.checks.add(name, lines.length === 0, lines.length === 0 ? "none" : lines.slice(0, 3).join(" | "));
}

async function scenario(
  context: ResilienceContext,
  provider: ProviderId,
  kind: FaultKind,
  targets: Record<ProviderId, Target>,
  states: Map<ProviderId, ModerationState>,
  round: number,
) {
  const label = `fault ${providerLabels[provider]}, ${kind.name}`;
  context.log(`  ${label}`);
  const mark = context.parley.process.mark();
  const target = targets[provider];
  const before = states.get(provider) ?? (await readState(context, target));
  const change = faultChange(provider, before, round);
  const healthy = providerIds.filter((other) => other !== provider);
  const faultyConnection = context.connections[provider];

  await setFaults(context.simulator.url, provider, kind.settings);
  let answers: [
    ApiAnswer | null,
    (ApiAnswer | null)[],
    (ApiAnswer | null)[],
    ApiAnswer | null,
    ApiAnswer | null,
  ];
  try {
    const safely = (call: Promise<ApiAnswer>) => call.catch(() => null);
    answers = await Promise.all([
      safely(gatedCall(context, listCost(context, null), context.staff, "GET", listPath(null))),
      Promise.all(
        healthy.map((other) =>
          safely(
            gatedCall(
              context,
              listCost(context, context.connections[other]),
              context.staff,
              "GET",
              listPath(context.connections[other], 10),
            ),
          ),
        ),
      ),
      Promise.all(
        healthy.map((other) =>
          safely(
            gatedCall(
              context,
              threadCost(targets[other]),
              context.staff,
              "GET",
              `${conversationPath(targets[other].connectionId, targets[other].id)}?limit=20`,
            ),
          ),
        ),
      ),
      safely(
        gatedCall(
          context,
          listCost(context, faultyConnection),
          context.staff,
          "GET",
          listPath(faultyConnection, 10),
        ),
      ),
      safely(
        gatedCall(
          context,
          moderationCost(target),
          context.staff,
          "PATCH",
          conversationPath(target.connectionId, target.id),
          change,
        ),
      ),
    ]);
    if (kind.notice === "required") {
      answers[3] = await listUntilNotice(context, provider, faultyConnection);
      answers[0] = await context.staff.call("GET", listPath(null)).catch(() => null);
    }
  } finally {
    await setFaults(context.simulator.url, provider, {});
  }
  const [allAnswer, singleAnswers, threadAnswers, faultyAnswer, moderationAnswer] = answers;
  const recoveredMs = await waitForRecovery(context, faultyConnection);

  const all = parseList(allAnswer);
  await context.checks.attempt(`${label}: healthy connections list and open threads`, async () => {
    healthy.forEach((other, index) => {
      const page = parseList(singleAnswers[index] ?? null);
      expectThat(
        page !== null && page.items.length > 0 && failedNotices(page).length === 0,
        `${providerLabels[other]} list: ${describeAnswer(singleAnswers[index] ?? null)}`,
      );
      const thread = threadAnswers[index] ?? null;
      const parsed = thread?.status === 200 ? threadPageSchema.safeParse(thread.json) : null;
      expectThat(
        parsed?.success === true && parsed.data.messages.length > 0,
        `${providerLabels[other]} thread: ${describeAnswer(thread)}`,
      );
    });
    expectThat(all !== null, `all-connections list: ${describeAnswer(allAnswer)}`);
    const others = failedNotices(all).filter((notice) => notice.provider !== provider);
    expectThat(
      others.length === 0,
      `healthy connections failed in the merged list: ${others.map((notice) => notice.message).join("; ")}`,
    );
    return `${healthy.length} lists and threads fine; the merged list answered in ${Math.round(allAnswer?.ms ?? 0)} ms`;
  });

  await context.checks.attempt(`${label}: a clear notice for ${providerLabels[provider]}`, async () => {
    const page = parseList(faultyAnswer);
    expectThat(page !== null, `the list of the faulty connection: ${describeAnswer(faultyAnswer)}`);
    const notices = troubleNotices(page, provider);
    if (notices.length === 0 && kind.notice === "allowed") {
      expectThat(page.items.length > 0, "neither rows nor a notice");
      return "retries absorbed the failures: rows and no notice";
    }
    const notice = notices[0];
    expectThat(
      notices.length === 1 && notice !== undefined,
      `expected one notice, got ${JSON.stringify(page.notices)}`,
    );
    // Its indexed rows stay listed while it fails.
    expectThat(page.items.length > 0, "the faulty connection's indexed rows are gone from the list");
    if (notice.kind === "failed")
      expectThat(
        kind.codes.includes(notice.code ?? ""),
        `notice code ${notice.code}, expected ${kind.codes.join(" or ")}`,
      );
    expectThat(
      notice.message.includes(providerLabels[provider]),
      `the notice does not name ${providerLabels[provider]}: ${notice.message}`,
    );
    expectThat(troubleNotices(all, provider).length === 1, "the merged list has no notice for it");
    return `${page.items.length} rows still listed; "${notice.message}"`;
  });

  const read = await checkModeration(
    context,
    `${label}: moderation completes or fails visibly, nothing half-applied`,
    target,
    before,
    change,
    moderationAnswer,
  );
  states.set(provider, read);
  context.checks.add(
    `${label}: recovers on its own`,
    recoveredMs !== null,
    recoveredMs === null
      ? `still failing ${RECOVERY_LIMIT_MS / 1000} s after the fault ended`
      : `lists normally ${(recoveredMs / 1000).toFixed(1)} s after the fault ended`,
  );
  noUnhandledRejection(context, `${label}: no unhandled rejection in the server output`, mark);
}

/** Every fault kind on every provider in turn. */
export async function runFaults(
  context: ResilienceContext,
  targets: Record<ProviderId, Target>,
): Promise<void> {
  const states = new Map<ProviderId, ModerationState>();
  let round = 0;
  for (const provider of providerIds)
    for (const kind of faultKinds) {
      round += 1;
      await scenario(context, provider, kind, targets, states, round);
    }
}
