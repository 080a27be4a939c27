/**
 * Bulk moderation, as the API offers it: start a job for picked rows or every row a list query
 * matches, read its progress, retry its failed rows, undo it. Retry and undo are jobs of their own
 * (the same action for the failed rows; the inverse action for the rows that changed), so they go
 * on when the person leaves the page. Roles are those of the single change: every signed-in
 * person may archive, mark important, trash and restore.
 */
import "server-only";
import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { listConnectionRows } from "@/lib/connections/repository";
import type { Database } from "@/lib/db/client";
import { conflict, forbidden, invalid, notFound } from "@/lib/model/errors";
import { providerIdSchema } from "@/lib/model/conversation";
import { getAdapter } from "@/lib/providers/registry";
import type { BulkAction, BulkJob, BulkRequest, BulkTarget } from "@/lib/conversations/api-schemas";
import { bulkChanges, homeOf } from "./actions";
import { dispatchBulkJob } from "./queue";
import { getJobRow, insertJob, itemsOf, readJob, undoJobOf, type BulkItemInsert } from "./store";
import { resolveTarget } from "./targets";

async function createJob(
  db: Database,
  actor: Actor,
  action: BulkAction,
  target: BulkTarget,
  links: { undoOf?: string; retryOf?: string } = {},
): Promise<BulkJob> {
  const rows = await resolveTarget(db, target, actor.id);
  if (rows.length === 0) throw invalid("No conversations to change: the selection or filter matches none.");
  const connections = new Map((await listConnectionRows(db)).map((row) => [row.id, row]));
  const { field, value } = bulkChanges[action];
  const id = randomUUID();
  const items: BulkItemInsert[] = rows.map((row) => {
    const base = {
      jobId: id,
      connectionId: row.connectionId,
      conversationId: row.conversationId,
      title: row.title,
    };
    const connection = connections.get(row.connectionId);
    if (!connection)
      return { ...base, home: "parley", state: "failed", error: "No such connection (removed?)." };
    const home = homeOf(action, getAdapter(providerIdSchema.parse(connection.provider)).capabilities);
    const already = row.flags !== null && row.flags[field] === value;
    return { ...base, home, state: already ? "skipped" : "pending" };
  });
  await insertJob(
    db,
    {
      id,
      action,
      // A selection's rows are the job's items; the record keeps only its kind and size.
      target:
        "selection" in target
          ? { kind: "selection", size: target.selection.length }
          : { kind: "filter", filter: target.filter },
      actorId: actor.id,
      actorEmail: actor.email,
      undoOf: links.undoOf ?? null,
      retryOf: links.retryOf ?? null,
    },
    items,
  );
  await dispatchBulkJob(db, id);
  return (await readJob(db, id)) as BulkJob;
}

export function startBulkJob(db: Database, actor: Actor, request: BulkRequest): Promise<BulkJob> {
  return createJob(db, actor, request.action, request.target);
}

/**
 * A job is its starter's: they (or an admin) follow its progress, retry or undo it; another staff
 * member's undo would silently revert changes they never saw.
 */
async function ownJob(db: Database, actor: Actor, id: string) {
  const job = await getJobRow(db, id);
  if (!job) throw notFound(`No bulk job with id "${id.slice(0, 60)}".`);
  if (job.actorId !== actor.id && actor.role !== "admin")
    throw forbidden("Only the person who started this bulk job, or an admin, may follow, retry or undo it.");
  return job;
}

export async function getBulkJob(db: Database, actor: Actor, id: string): Promise<BulkJob> {
  await ownJob(db, actor, id);
  const job = await readJob(db, id);
  if (!job) throw notFound(`No bulk job with id "${id.slice(0, 60)}".`);
  return job;
}

async function finishedJob(db: Database, actor: Actor, id: string) {
  const job = await ownJob(db, actor, id);
  if (job.state !== "done") throw conflict("This job is still running; wait for it to finish.");
  return job;
}

/** A new job with the same action for the rows that failed. */
export async function retryBulkJob(db: Database, actor: Actor, id: string): Promise<BulkJob> {
  const job = await finishedJob(db, actor, id);
  const failed = await itemsOf(db, id, "failed");
  if (failed.length === 0) throw conflict("No rows of this job failed; there is nothing to retry.");
  return createJob(
    db,
    actor,
    job.action as BulkAction,
    { selection: failed.map(({ connectionId, conversationId }) => ({ connectionId, conversationId })) },
    { retryOf: id },
  );
}

/** A new job with the inverse action for the rows this job changed (not those it skipped). */
export async function undoBulkJob(db: Database, actor: Actor, id: string): Promise<BulkJob> {
  const job = await finishedJob(db, actor, id);
  if (await undoJobOf(db, id)) throw conflict("This job has already been undone.");
  const changed = await itemsOf(db, id, "done");
  if (changed.length === 0) throw conflict("This job changed no conversation; there is nothing to undo.");
  try {
    return await createJob(
      db,
      actor,
      bulkChanges[job.action as BulkAction].inverse,
      { selection: changed.map(({ connectionId, conversationId }) => ({ connectionId, conversationId })) },
      { undoOf: id },
    );
  } catch (error) {
    // Two undos at once: the unique index on `undo_of` lets one through.
    if (await undoJobOf(db, id)) throw conflict("This job has already been undone.");
    throw error;
  }
}
