/**
 * Bulk jobs on the sync queue's pg-boss instance (`lib/index/jobs.ts`), with its conventions: a
 * queue of their own, `bulk-moderation`, with the `stately` policy keyed by job id (one run of a
 * job at a time, one queued behind it, across every instance), retried with backoff, each run
 * bounded in time and queued again while rows are left. Without a running queue (tests, scripts)
 * a job runs in this process, one run at a time per job.
 */
import "server-only";
import type PgBoss from "pg-boss";
import type { Database } from "@/lib/db/client";
import { ensureStatelyQueue } from "@/lib/index/jobs";
import { processState } from "@/lib/process-state";
import { runBulkJob, type RunOptions } from "./run";

export const BULK_QUEUE = "bulk-moderation";

interface BulkQueueState {
  boss: PgBoss | null;
  queue: string;
  /** Jobs running in this process when no queue runs, by job id. */
  running: Map<string, Promise<void>>;
}

const state = () =>
  processState<BulkQueueState>("bulkJobs", () => ({ boss: null, queue: BULK_QUEUE, running: new Map() }));

/** Registers the bulk queue and its workers on a started pg-boss instance. */
export async function startBulkWorkers(
  boss: PgBoss,
  db: Database,
  options: {
    concurrency: number;
    pollingIntervalSeconds: number;
    queue?: string;
    retryDelaySeconds?: number;
    run?: RunOptions;
  },
): Promise<void> {
  const queueName = options.queue ?? BULK_QUEUE;
  await ensureStatelyQueue(boss, queueName, options.retryDelaySeconds);
  for (let worker = 0; worker < options.concurrency; worker++)
    await boss.work<{ jobId: string }>(
      queueName,
      { batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds },
      async ([job]) => {
        if (!job) return;
        const outcome = await runBulkJob(db, job.data.jobId, options.run);
        // Rows left after this run's time budget: queued behind it, which stately allows.
        if (outcome.more) await boss.send(queueName, job.data, { singletonKey: job.data.jobId });
      },
    );
  Object.assign(state(), { boss, queue: queueName });
}

/** Forgets the queue (it stops with its pg-boss instance). */
export function detachBulkWorkers(): void {
  Object.assign(state(), { boss: null, queue: BULK_QUEUE });
}

/** Starts a job: on the queue when one runs, else in this process. */
export async function dispatchBulkJob(db: Database, jobId: string, run?: RunOptions): Promise<void> {
  const current = state();
  if (current.boss) {
    await current.boss.send(current.queue, { jobId }, { singletonKey: jobId });
    return;
  }
  if (current.running.has(jobId)) return;
  const running = (async () => {
    for (let runs = 0; runs < 1_000; runs++) if (!(await runBulkJob(db, jobId, run)).more) return;
  })()
    .catch((error: unknown) =>
      console.error(`[bulk] job ${jobId} failed:`, error instanceof Error ? error.message : error),
    )
    .finally(() => current.running.delete(jobId));
  current.running.set(jobId, running);
}

/** Waits for the jobs running in this process (tests). */
export async function settleInProcessBulkJobs(): Promise<void> {
  await Promise.all(state().running.values());
}
