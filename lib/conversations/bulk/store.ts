/**
 * Bulk jobs and their rows in the database: created in one transaction, each row's outcome kept,
 * progress counted from the rows (so any instance answers it), the failures listed with reasons.
 */
import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { bulkJobItems, bulkJobs } from "@/lib/db/schema";
import type { BulkAction, BulkJob } from "@/lib/conversations/api-schemas";

export type BulkJobRow = typeof bulkJobs.$inferSelect;
export type BulkItemRow = typeof bulkJobItems.$inferSelect;
export type BulkItemInsert = typeof bulkJobItems.$inferInsert;
export type BulkItemState = "pending" | "done" | "failed" | "skipped";

/** Failures listed in a job's progress (the counts are exact whatever their number). */
const MAX_LISTED_FAILURES = 200;

export async function insertJob(
  db: Database,
  job: typeof bulkJobs.$inferInsert,
  items: readonly BulkItemInsert[],
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(bulkJobs).values(job);
    for (let start = 0; start < items.length; start += 500)
      await tx.insert(bulkJobItems).values(items.slice(start, start + 500));
  });
}

export async function getJobRow(db: Database, id: string): Promise<BulkJobRow | undefined> {
  const [row] = await db.select().from(bulkJobs).where(eq(bulkJobs.id, id));
  return row;
}

export async function setJobState(db: Database, id: string, state: "running" | "done"): Promise<void> {
  await db
    .update(bulkJobs)
    .set({ state, ...(state === "done" ? { finishedAt: new Date() } : {}) })
    .where(eq(bulkJobs.id, id));
}

export async function itemsOf(
  db: Database,
  jobId: string,
  state: BulkItemState,
  home?: "provider" | "parley",
): Promise<BulkItemRow[]> {
  return db
    .select()
    .from(bulkJobItems)
    .where(
      and(
        eq(bulkJobItems.jobId, jobId),
        eq(bulkJobItems.state, state),
        home ? eq(bulkJobItems.home, home) : undefined,
      ),
    )
    .orderBy(asc(bulkJobItems.connectionId), asc(bulkJobItems.conversationId));
}

export async function setItemOutcome(
  db: Database,
  jobId: string,
  item: { connectionId: string; conversationId: string },
  outcome: { state: BulkItemState; attempts: number; error?: string | null; detail?: unknown },
): Promise<void> {
  await db
    .update(bulkJobItems)
    .set({
      state: outcome.state,
      attempts: outcome.attempts,
      error: outcome.error ?? null,
      detail: outcome.detail ?? null,
      updatedAt: new Date(),
    })
    .where(
      and(
        eq(bulkJobItems.jobId, jobId),
        eq(bulkJobItems.connectionId, item.connectionId),
        eq(bulkJobItems.conversationId, item.conversationId),
      ),
    );
}

export interface JobCounts {
  total: number;
  succeeded: number;
  skipped: number;
  failed: number;
  pending: number;
}

export async function countItems(db: Database, jobId: string): Promise<JobCounts> {
  const rows = await db
    .select({ state: bulkJobItems.state, count: sql<number | string>`count(*)` })
    .from(bulkJobItems)
    .where(eq(bulkJobItems.jobId, jobId))
    .groupBy(bulkJobItems.state);
  const by = (state: BulkItemState) => Number(rows.find((row) => row.state === state)?.count ?? 0);
  const counts = {
    succeeded: by("done"),
    skipped: by("skipped"),
    failed: by("failed"),
    pending: by("pending"),
  };
  return { ...counts, total: counts.succeeded + counts.skipped + counts.failed + counts.pending };
}

/** A job's progress, as the API answers it; undefined when there is no such job. */
export async function readJob(db: Database, id: string): Promise<BulkJob | undefined> {
  const job = await getJobRow(db, id);
  if (!job) return undefined;
  const counts = await countItems(db, id);
  const failures = await db
    .select()
    .from(bulkJobItems)
    .where(and(eq(bulkJobItems.jobId, id), eq(bulkJobItems.state, "failed")))
    .orderBy(asc(bulkJobItems.connectionId), asc(bulkJobItems.conversationId))
    .limit(MAX_LISTED_FAILURES);
  return {
    id: job.id,
    action: job.action as BulkAction,
    state: job.state as BulkJob["state"],
    total: counts.total,
    done: counts.succeeded + counts.skipped + counts.failed,
    succeeded: counts.succeeded,
    skipped: counts.skipped,
    failed: counts.failed,
    failures: failures.map((item) => ({
      connectionId: item.connectionId,
      conversationId: item.conversationId,
      title: item.title,
      reason: item.error ?? "failed",
    })),
    undoOf: job.undoOf,
    retryOf: job.retryOf,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}

/** The job that undoes `jobId`, if one was started. */
export async function undoJobOf(db: Database, jobId: string): Promise<BulkJobRow | undefined> {
  const [row] = await db.select().from(bulkJobs).where(eq(bulkJobs.undoOf, jobId)).limit(1);
  return row;
}
