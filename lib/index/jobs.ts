/**
 * Sync jobs on pg-boss (10.4.2: the newest release whose declared engines include Node 20, and
 * CommonJS, so Next.js bundles it as-is). One queue, `index-sync`, with the `stately` policy keyed
 * by connection id: at most one job of a connection queued and one running, so a connection is
 * never synced twice at once, across every instance. Failed runs are retried with backoff; jobs
 * live in the database, so they survive a restart.
 *
 * On PostgreSQL pg-boss has its own pool. On PGlite (one connection, one process) it goes through
 * the embedded client: parameterless SQL may hold several statements, which only `exec` runs, and
 * pg-boss needs the rows of every statement (toolchain-3.md).
 */
import "server-only";
import PgBoss from "pg-boss";
import type { PGlite } from "@electric-sql/pglite";
import type { DatabaseHandle } from "@/lib/db/client";

export const SYNC_QUEUE = "index-sync";

export interface SyncJobData {
  connectionId: string;
  /** Force a reconciling listing. */
  reconcile?: boolean;
  /**
   * A person asked for a sync (Refresh): a quick incremental pass first, so new conversations
   * are listed within seconds, then a reconciling listing as the next job.
   */
  refresh?: boolean;
}

/** What a run tells the queue: run again (after a wait), with these data or plain ones. */
export interface SyncJobOutcome {
  again: boolean;
  afterSeconds?: number;
  next?: SyncJobData;
}

function pgliteAdapter(client: PGlite): PgBoss.Db {
  return {
    async executeSql(text: string, values: unknown[]) {
      if (values && values.length > 0) return { rows: (await client.query(text, values)).rows };
      const results = await client.exec(text);
      return { rows: results.flatMap((result) => result.rows) };
    },
  };
}

export interface JobQueue {
  boss: PgBoss;
  /**
   * Queues a sync of one connection; a no-op when one is already queued, so a job waiting out a
   * provider's Retry-After (or a budget wait) keeps waiting: the interval's tick uses this.
   */
  enqueue(data: SyncJobData, startAfterSeconds?: number): Promise<void>;
  /**
   * A sync a person asked for: queued, or the queued one moved to now and given this request;
   * then this process's idle workers fetch at once instead of at their next poll.
   */
  requestNow(data: SyncJobData): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Creates a queue with the `stately` policy (at most one job per singleton key queued and one
 * running), retried with backoff, unless it exists; safe when several instances start at once.
 */
export async function ensureStatelyQueue(
  boss: PgBoss,
  queueName: string,
  retryDelaySeconds = 5,
): Promise<void> {
  if (await boss.getQueue(queueName)) return;
  await boss
    .createQueue(queueName, {
      name: queueName,
      policy: "stately",
      retryLimit: 8,
      retryDelay: retryDelaySeconds,
      retryBackoff: true,
      expireInSeconds: 15 * 60,
    })
    .catch(async (error: unknown) => {
      // Another instance created it between the check and here.
      if (!(await boss.getQueue(queueName))) throw error;
    });
}

export async function startJobQueue(
  database: DatabaseHandle,
  work: (data: SyncJobData) => Promise<SyncJobOutcome>,
  options: {
    concurrency: number;
    pollingIntervalSeconds: number;
    /** Tests use their own queue and shorter retries. */
    queue?: string;
    retryDelaySeconds?: number;
  },
): Promise<JobQueue> {
  const queueName = options.queue ?? SYNC_QUEUE;
  const common = { schema: "pgboss", schedule: false, supervise: true } as const;
  const boss = database.pglite
    ? new PgBoss({ ...common, db: pgliteAdapter(database.pglite) })
    : new PgBoss({ ...common, connectionString: database.url ?? undefined, max: 4 });
  boss.on("error", (error) => console.error("[index] job queue:", error.message));
  await boss.start();
  await ensureStatelyQueue(boss, queueName, options.retryDelaySeconds);

  const enqueue = async (data: SyncJobData, startAfterSeconds?: number) => {
    const id = await boss.send(queueName, data, {
      singletonKey: data.connectionId,
      ...(startAfterSeconds ? { startAfter: Math.ceil(startAfterSeconds) } : {}),
    });
    if (id !== null) return;
    // A job is queued already (the interval's tick): it carries this one's request (a Refresh's
    // reconciliation) instead of dropping it.
    if (Object.keys(data).some((key) => key !== "connectionId"))
      await boss
        .getDb()
        .executeSql(
          `UPDATE pgboss.job SET data = data || $3::jsonb WHERE name = $1 AND singleton_key = $2 AND state = 'created'`,
          [queueName, data.connectionId, JSON.stringify(data)],
        );
    if (!startAfterSeconds) return;
    // A run that ended on a rate limit asks for a wait, but the interval's tick may have queued the
    // next job (due now) while it ran: that job waits too, or the provider's Retry-After is ignored.
    await boss.getDb().executeSql(
      `UPDATE pgboss.job SET start_after = greatest(start_after, now() + make_interval(secs => $3))
          WHERE name = $1 AND singleton_key = $2 AND state = 'created'`,
      [queueName, data.connectionId, Math.ceil(startAfterSeconds)],
    );
  };

  const workers: string[] = [];
  const requestNow = async (data: SyncJobData) => {
    await queueNow(data);
    // Workers poll every `pollingIntervalSeconds`; the person is waiting, so ours fetch now (pg-boss's
    // `notifyWorker`). Other instances' workers find it at their next poll.
    for (const worker of workers) boss.notifyWorker(worker);
  };
  const queueNow = async (data: SyncJobData) => {
    if ((await boss.send(queueName, data, { singletonKey: data.connectionId })) !== null) return;
    // The stately policy keeps one queued job per connection, and there nearly always is one: the
    // next interval's, or a run waiting out a rate limit. A sync asked for now (Refresh) moves that
    // job to now instead of being dropped, and carries its request (a reconciling listing) with it.
    // pg-boss has no call for this; its job table (v10: name, singleton_key, state, start_after,
    // data) is stable. The request budget still paces the calls the run makes.
    await boss.getDb().executeSql(
      `UPDATE pgboss.job SET start_after = now(), data = data || $3::jsonb
          WHERE name = $1 AND singleton_key = $2 AND state = 'created'`,
      [queueName, data.connectionId, JSON.stringify(data)],
    );
  };

  for (let worker = 0; worker < options.concurrency; worker++)
    workers.push(
      await boss.work<SyncJobData>(
        queueName,
        { batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds },
        async ([job]) => {
          if (!job) return;
          const outcome = await work(job.data);
          // More work (backfill, transcripts, a rate limit, a Refresh's reconciliation): queued
          // behind this job, which stately allows.
          if (outcome.again)
            await enqueue(outcome.next ?? { connectionId: job.data.connectionId }, outcome.afterSeconds);
        },
      ),
    );

  return {
    boss,
    enqueue,
    requestNow,
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }),
  };
}
