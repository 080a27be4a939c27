/**
 * The simulator killed and restarted: every provider goes down at once. Every connection must
 * yield a notice (the list still answers), a moderation fails visibly with nothing applied, and
 * Parley recovers on its own once the simulator is back, without a restart of its own.
 */
import { providerIds, providerLabels } from "@/lib/model/conversation";
import { conversationPath, type ApiAnswer } from "@/bench/lib/parley-api";
import { startSimulatorProcess } from "@/bench/lib/stack";
import { expectThat } from "./checks";
import {
  describeAnswer,
  failedNotices,
  gatedCall,
  listCost,
  listPath,
  parseList,
  readState,
  type ResilienceContext,
  type Target,
} from "./context";
import { checkModeration, faultChange, noUnhandledRejection, waitForRecovery } from "./faults";

const RESTART_RECOVERY_LIMIT_MS = 20_000;

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
  const [allAnswer, singleAnswers, moderationAnswer] = await Promise.all([
    safely(gatedCall(context, listCost(context, null), context.staff, "GET", listPath(null))),
    Promise.all(
      providerIds.map((provider) =>
        safely(context.staff.call("GET", listPath(context.connections[provider], 10))),
      ),
    ),
    safely(context.staff.call("PATCH", conversationPath(target.connectionId, target.id), change)),
  ]);

  await context.checks.attempt(`${label}: every connection yields a notice`, async () => {
    const all = parseList(allAnswer);
    expectThat(all !== null, `the merged list: ${describeAnswer(allAnswer)}`);
    const failed = new Set(failedNotices(all).map((notice) => notice.provider));
    const missing = providerIds.filter((provider) => !failed.has(provider));
    expectThat(missing.length === 0, `no notice for ${missing.join(", ")}`);
    providerIds.forEach((provider, index) => {
      const page = parseList(singleAnswers[index] ?? null);
      expectThat(
        failedNotices(page, provider).length === 1,
        `${providerLabels[provider]} alone: ${describeAnswer(singleAnswers[index] ?? null)}`,
      );
    });
    expectThat(
      moderationAnswer !== null && moderationAnswer.status >= 500,
      `a moderation while every provider is down: ${describeAnswer(moderationAnswer)}`,
    );
    return `the merged list answered in ${Math.round(allAnswer?.ms ?? 0)} ms with ${failed.size} failed notices, e.g. "${failedNotices(all)[0]?.message ?? ""}"`;
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
