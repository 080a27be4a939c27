/**
 * Running a bulk job, resumably: what is left is read from its rows each time, so a run cut short
 * (its time budget, a restart) goes on where it stopped.
 * - Parley's own flags (trash everywhere; important and archive outside Chatling): every row of
 *   the job in one transaction, no provider call.
 * - Flags the provider holds: one call per row on the connection's `background` context, so the
 *   request budget paces them behind people's requests; connections side by side, each one row at
 *   a time; a row the provider refuses for a passing reason (unavailable, rate-limited) is tried
 *   again, then kept as failed with the reason. Each row gets its audit row and updates the index.
 * - At the end, one audit row for the job with its counts.
 */
import "server-only";
import { and, eq } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/audit-log";
import type { ConnectionHandle } from "@/lib/connections/connection-handle";
import { getHandle } from "@/lib/connections/runtime";
import type { Database } from "@/lib/db/client";
import { bulkJobItems } from "@/lib/db/schema";
import { updateIndexAfterModeration } from "@/lib/index/refresh";
import { DomainError, isProviderError, unsupported } from "@/lib/model/errors";
import type { BulkAction } from "@/lib/conversations/api-schemas";
import { upsertOverlayRows } from "../overlay";
import { bulkChanges, rowAuditAction } from "./actions";
import { countItems, getJobRow, itemsOf, setItemOutcome, setJobState, type BulkItemRow } from "./store";

export type HandleOf = (db: Database, connectionId: string) => Promise<ConnectionHandle>;

export interface RunOptions {
  /** How long this run may go on before it hands over to the next (the job is then queued again). */
  budgetMs?: number;
  /** Tries per row before it is kept as failed. */
  maxAttempts?: number;
  /** Base of the wait between tries (doubled each time; a provider's Retry-After wins). */
  retryDelayMs?: number;
  handleOf?: HandleOf;
}

function reasonOf(error: unknown): string {
  if (isProviderError(error) || error instanceof DomainError) return error.message;
  return "unexpected error";
}

const passing = (error: unknown) =>
  isProviderError(error) && (error.code === "unavailable" || error.code === "rate_limited");

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every pending overlay row of the job, in one transaction. */
async function applyOverlayRows(db: Database, jobId: string, action: BulkAction, actorId: string) {
  const rows = await itemsOf(db, jobId, "pending", "parley");
  if (rows.length === 0) return;
  const { field, value } = bulkChanges[action];
  const byConnection = new Map<string, string[]>();
  for (const row of rows)
    byConnection.set(row.connectionId, [...(byConnection.get(row.connectionId) ?? []), row.conversationId]);
  await db.transaction(async (tx) => {
    for (const [connectionId, ids] of byConnection)
      await upsertOverlayRows(db, tx, connectionId, ids, { [field]: value }, actorId);
    await tx
      .update(bulkJobItems)
      .set({ state: "done", attempts: 1, detail: { before: !value }, updatedAt: new Date() })
      .where(
        and(
          eq(bulkJobItems.jobId, jobId),
          eq(bulkJobItems.state, "pending"),
          eq(bulkJobItems.home, "parley"),
        ),
      );
  });
}

interface NativeRun {
  db: Database;
  jobId: string;
  action: BulkAction;
  actor: { id: string; email: string | null };
  deadline: number;
  options: Required<Omit<RunOptions, "budgetMs">>;
}

async function writeAtProvider(handle: ConnectionHandle, action: BulkAction, conversationId: string) {
  const { field, value } = bulkChanges[action];
  const { adapter, background } = handle;
  const write =
    field === "important" ? adapter.setImportant : field === "archived" ? adapter.setArchived : null;
  if (!write) throw unsupported(`${handle.name}: the provider cannot change ${field}.`);
  await write.call(adapter, background, conversationId, value);
}

/** One connection's provider rows, one at a time; stops at the deadline (rows stay pending). */
async function applyConnectionRows(run: NativeRun, connectionId: string, rows: readonly BulkItemRow[]) {
  const { db, jobId, action, actor, options } = run;
  const { field, value } = bulkChanges[action];
  let handle: ConnectionHandle | null = null;
  let handleError: unknown = null;
  try {
    handle = await options.handleOf(db, connectionId);
  } catch (error) {
    handleError = error;
  }
  for (const row of rows) {
    if (Date.now() >= run.deadline) return;
    let attempts = row.attempts;
    let failure: unknown = handleError;
    while (handle) {
      attempts += 1;
      try {
        await writeAtProvider(handle, action, row.conversationId);
        failure = null;
        break;
      } catch (error) {
        failure = error;
        if (!passing(error) || attempts >= options.maxAttempts) break;
        const retryAfterMs = isProviderError(error) ? (error.details.retryAfterSeconds ?? 0) * 1000 : 0;
        await sleep(Math.max(retryAfterMs, options.retryDelayMs * 2 ** (attempts - 1)));
      }
    }
    const audit = {
      actor: { id: actor.id, email: actor.email },
      action: rowAuditAction(action),
      connectionId,
      connectionName: handle?.name ?? null,
      conversationId: row.conversationId,
      before: { [field]: !value },
    };
    if (failure === null && handle) {
      await setItemOutcome(db, jobId, row, { state: "done", attempts, detail: { before: !value } });
      await recordAudit(db, { ...audit, after: { [field]: value, bulkJob: jobId }, outcome: "success" });
      await updateIndexAfterModeration(db, handle, row.conversationId, { [field]: value }).catch(
        (error: unknown) => console.error("[bulk] index update failed:", reasonOf(error)),
      );
    } else {
      const reason = reasonOf(failure);
      await setItemOutcome(db, jobId, row, { state: "failed", attempts, error: reason });
      await recordAudit(db, {
        ...audit,
        after: { [field]: value, bulkJob: jobId },
        outcome: "failure",
        error: reason,
      });
    }
  }
}

/**
 * Runs a job until it is done or its time budget is spent; `more` says whether rows are left.
 * A job already done is left alone.
 */
export async function runBulkJob(
  db: Database,
  jobId: string,
  options: RunOptions = {},
): Promise<{ more: boolean }> {
  const job = await getJobRow(db, jobId);
  if (!job || job.state === "done") return { more: false };
  const action = job.action as BulkAction;
  const actor = { id: job.actorId, email: job.actorEmail };
  if (job.state === "queued") await setJobState(db, jobId, "running");

  await applyOverlayRows(db, jobId, action, actor.id);

  const native = await itemsOf(db, jobId, "pending", "provider");
  const byConnection = new Map<string, BulkItemRow[]>();
  for (const row of native)
    byConnection.set(row.connectionId, [...(byConnection.get(row.connectionId) ?? []), row]);
  const run: NativeRun = {
    db,
    jobId,
    action,
    actor,
    deadline: Date.now() + (options.budgetMs ?? 25_000),
    options: {
      maxAttempts: options.maxAttempts ?? 3,
      retryDelayMs: options.retryDelayMs ?? 1_000,
      handleOf: options.handleOf ?? getHandle,
    },
  };
  await Promise.all(
    [...byConnection].map(([connectionId, rows]) => applyConnectionRows(run, connectionId, rows)),
  );

  const counts = await countItems(db, jobId);
  if (counts.pending > 0) return { more: true };
  await setJobState(db, jobId, "done");
  await recordAudit(db, {
    actor,
    action: `bulk.${action}`,
    targetId: jobId,
    before: null,
    after: {
      total: counts.total,
      succeeded: counts.succeeded,
      skipped: counts.skipped,
      failed: counts.failed,
      ...(job.undoOf ? { undoOf: job.undoOf } : {}),
      ...(job.retryOf ? { retryOf: job.retryOf } : {}),
    },
    outcome: counts.failed > 0 ? "failure" : "success",
    error: counts.failed > 0 ? `${counts.failed} of ${counts.total} conversations failed` : null,
  });
  return { more: false };
}
