/**
 * The simulator killed and restarted: every provider goes down at once. Every connection must
 * yield a notice while its indexed rows stay listed, a moderation fails visibly with nothing
 * applied (a flag Parley keeps itself completes), and
 * Parley recovers on its own once the simulator is back, without a restart of its own.
 */
import { providerIds, providerLabels } from "@/lib/model/conversation";
import { conversationPath, type ApiAnswer } from "@/bench/lib/parley-api";
import { sleep } from "@/bench/lib/processes";
import { startSimulatorProcess } from "@/bench/lib/stack";
import { expectThat } from "./checks";
import {
  describeAnswer,
  gatedCall,
  listCost,
  listPath,
  parseList,
  readState,
  troubleNotices,
  type ResilienceContext,
  type Target,
} from "./context";
import { checkModeration, faultChange, noUnhandledRejection, waitForRecovery } from "./faults";

const RESTART_RECOVERY_LIMIT_MS = 45_000;
/** How long the outage may take to show as failing syncs (the suite syncs every 5 s). */
const OUTAGE_NOTICE_LIMIT_MS = 40_000;

/** Kills the simulator, checks the notices, restarts it and checks recovery. */
export async function simulatorRestart(
  context: ResilienceContext,
  target: Target,
  simulatorOptions: { chatlingRateLimit: number },
): Promise<void> {
  const label = "simulator killed and restarted";
  context.log(`  ${label}`);
  const before = await readState(context, target);
  const change = faultChange(target.provider, before, 0);
  const mark = context.parley.process.mark();
  await context.simulator.process.kill();

  const safely = (call: Promise<ApiAnswer>) => call.catch(() => null);
  const moderationAnswer = await safely(
    context.staff.call("PATCH", conversationPath(target.connectionId, target.id), change),
  );
  // The list is the index: every connection shows its trouble once a sync has met the outage.
  const started = Date.now();
  let allAnswer: ApiAnswer | null = null;
  while (Date.now() - started < OUTAGE_NOTICE_LIMIT_MS) {
    allAnswer = await safely(
      gatedCall(context, listCost(context, null), context.staff, "GET", listPath(null)),
    );
    const troubled = new Set(troubleNotices(parseList(allAnswer)).map((notice) => notice.provider));
    if (providerIds.every((provider) => troubled.has(provider))) break;
    await sleep(500);
  }
  const singleAnswers = await Promise.all(
    providerIds.map((provider) =>
      safely(context.staff.call("GET", listPath(context.connections[provider], 10))),
    ),
  );

  await context.checks.attempt(`${label}: every connection yields a notice and keeps its rows`, async () => {
    const all = parseList(allAnswer);
    expectThat(all !== null, `the merged list: ${describeAnswer(allAnswer)}`);
    const troubled = new Set(troubleNotices(all).map((notice) => notice.provider));
    const missing = providerIds.filter((provider) => !troubled.has(provider));
    expectThat(missing.length === 0, `no notice for ${missing.join(", ")}`);
    providerIds.forEach((provider, index) => {
      const page = parseList(singleAnswers[index] ?? null);
      expectThat(
        troubleNotices(page, provider).length === 1 && (page?.items.length ?? 0) > 0,
        `${providerLabels[provider]} alone: ${describeAnswer(singleAnswers[index] ?? null)}`,
      );
    });
    // A flag Parley keeps itself needs no provider (200); a native change fails visibly (5xx).
    // checkModeration below reads back that exactly what was answered was applied.
    expectThat(
      moderationAnswer !== null && (moderationAnswer.status === 200 || moderationAnswer.status >= 500),
      `a moderation while every provider is down: ${describeAnswer(moderationAnswer)}`,
    );
    return `${troubled.size} connections noticed in ${((Date.now() - started) / 1000).toFixed(1)} s, rows kept, e.g. "${troubleNotices(all)[0]?.message ?? ""}"`;
  });

  context.simulator = await startSimulatorProcess({
    root: context.root,
    port: context.simulator.port,
    chatlingRateLimit: simulatorOptions.chatlingRateLimit,
  });
  const recoveredMs = await waitForRecovery(context, null, RESTART_RECOVERY_LIMIT_MS);
  context.checks.add(
    `${label}: Parley recovers when the simulator is back`,
    recoveredMs !== null,
    recoveredMs === null
      ? `connections still failing ${RESTART_RECOVERY_LIMIT_MS / 1000} s after the restart`
      : `every connection lists again ${(recoveredMs / 1000).toFixed(1)} s after the restart`,
  );
  await checkModeration(
    context,
    `${label}: moderation fails visibly, nothing applied`,
    target,
    before,
    change,
    moderationAnswer,
  );
  noUnhandledRejection(context, `${label}: no unhandled rejection in the server output`, mark);
}
