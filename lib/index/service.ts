/**
 * The index's running part: at server start it installs the shared request budgets, starts the
 * job queue's workers and queues a sync of every connection every `PARLEY_SYNC_INTERVAL_S`.
 * `requestSync` asks for a sync now; without a running queue (tests, scripts) the sync runs in
 * this process, one at a time per connection.
 */
import "server-only";
import { getConfig } from "@/lib/config";
import { installRequestBudgets, getHandle } from "@/lib/connections/runtime";
import { getConnectionRow, listConnectionRows } from "@/lib/connections/repository";
import { getDatabaseHandle, type Database } from "@/lib/db/client";
import { processState } from "@/lib/process-state";
import { databaseBudgets } from "./budget";
import { startJobQueue, type JobQueue, type SyncJobData, type SyncJobOutcome } from "./jobs";
import { refreshPlannerStatistics } from "./store/statistics";
import { runSync } from "./sync/run-sync";

interface Jobs {
  queue: JobQueue | null;
  timer: NodeJS.Timeout | null;
  /** Syncs run in this process when no queue runs, by connection id. */
  running: Map<string, Promise<void>>;
}

const jobs = () => processState<Jobs>("jobs", () => ({ queue: null, timer: null, running: new Map() }));

/**
 * Runs one sync job: what the queue's worker calls. A Refresh (`refresh`) runs the incremental
 * pass only, so what is new is listed within seconds, and asks for its reconciling listing (which
 * pages through everything to notice deletions) as the next job.
 */
export async function runSyncJob(db: Database, data: SyncJobData): Promise<SyncJobOutcome> {
  const row = await getConnectionRow(db, data.connectionId);
  if (!row) return { again: false }; // removed since it was queued
  const handle = await getHandle(db, data.connectionId);
  const refresh = data.refresh === true;
  const outcome = await runSync(db, handle, row.indexTranscripts, {
    budgetMs: 20_000,
    reconcile: data.reconcile === true && !refresh,
  });
  await refreshPlannerStatistics(db);
  const afterSeconds = outcome.retryAfterMs ? outcome.retryAfterMs / 1000 : undefined;
  // Only after an incremental pass: a backfill or a reconciliation listed everything already.
  if (refresh && data.reconcile && outcome.phase === "incremental")
    return { again: true, afterSeconds, next: { connectionId: data.connectionId, reconcile: true } };
  return { again: outcome.more, afterSeconds };
}

/** Starts sync at server start (never during `next build`). Safe to call twice. */
export async function startIndexing(): Promise<void> {
  const state = jobs();
  if (state.queue) return;
  const database = await getDatabaseHandle();
  installRequestBudgets(databaseBudgets(database.db));
  state.queue = await startJobQueue(database, (data) => runSyncJob(database.db, data), {
    concurrency: 2,
    pollingIntervalSeconds: database.kind === "pglite" ? 2 : 1,
  });
  const queue = state.queue;
  const tick = async () => {
    try {
      for (const row of await listConnectionRows(database.db)) await queue.enqueue({ connectionId: row.id });
    } catch (error) {
      console.error("[index] could not queue syncs:", error instanceof Error ? error.message : error);
    }
  };
  state.timer = setInterval(() => void tick(), getConfig().syncIntervalSeconds * 1000);
  state.timer.unref();
  void tick();
}

/** The running job queue (its pg-boss instance serves bulk jobs too), or null. */
export function runningJobQueue(): JobQueue | null {
  return jobs().queue;
}

export async function stopIndexing(): Promise<void> {
  const state = jobs();
  if (state.timer) clearInterval(state.timer);
  state.timer = null;
  const queue = state.queue;
  state.queue = null;
  await queue?.stop();
}

/**
 * Asks for a sync of these connections now: an incremental pass at once, then a reconciling one
 * (it also notices deletions).
 */
export async function requestSync(db: Database, connectionIds: readonly string[]): Promise<void> {
  const state = jobs();
  for (const connectionId of connectionIds) {
    if (state.queue) {
      await state.queue.requestNow({ connectionId, refresh: true, reconcile: true });
      continue;
    }
    if (state.running.has(connectionId)) continue;
    const run = (async () => {
      let data: SyncJobData = { connectionId, refresh: true, reconcile: true };
      for (let runs = 0; runs < 100; runs++) {
        const outcome = await runSyncJob(db, data);
        if (!outcome.again) return;
        if (outcome.afterSeconds)
          await new Promise((resolve) => setTimeout(resolve, outcome.afterSeconds! * 1000));
        data = outcome.next ?? { connectionId };
      }
    })()
      .catch((error: unknown) =>
        console.error(
          `[index] sync of ${connectionId} failed:`,
          error instanceof Error ? error.message : error,
        ),
      )
      .finally(() => state.running.delete(connectionId));
    state.running.set(connectionId, run);
  }
}

/** Waits for the in-process syncs `requestSync` started (tests). */
export async function settleInProcessSyncs(): Promise<void> {
  await Promise.all(jobs().running.values());
}
