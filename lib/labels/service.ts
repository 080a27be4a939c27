/**
 * Labels: the admin-managed set and the labels on each conversation. Parley's own data, never
 * sent to providers. Every change (and every refused change) is one audit row. Names are unique
 * regardless of case; conversations store label ids, so a rename shows everywhere.
 */
import "server-only";
import { randomUUID } from "node:crypto";
import { and, asc, count, eq, inArray, ne, sql } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/audit-log";
import { requireIndexedConversation } from "@/lib/index/read/indexed-conversation";
import type { Actor } from "@/lib/auth/actor";
import type { Database } from "@/lib/db/client";
import { conversationLabels, labels } from "@/lib/db/schema";
import { DomainError, conflict, invalid, notFound } from "@/lib/model/errors";
import {
  MAX_LABELS_PER_CONVERSATION,
  type ChangeConversationLabelsInput,
  type CreateLabelInput,
  type Label,
  type LabelColour,
  type UpdateLabelInput,
} from "@/lib/model/labels";

type LabelRow = typeof labels.$inferSelect;

function toLabel(row: LabelRow, conversationCount: number): Label {
  return {
    id: row.id,
    name: row.name,
    colour: row.colour as LabelColour,
    description: row.description,
    conversationCount,
  };
}

export const auditActor = (actor: Actor) => ({ id: actor.id, email: actor.email });

/** Runs a change; a refused one (a domain error) leaves a failure row before it is rethrown. */
export async function audited<T>(
  db: Database,
  actor: Actor,
  entry: { action: string; targetId?: string | null; connectionId?: string; conversationId?: string },
  change: () => Promise<T>,
): Promise<T> {
  try {
    return await change();
  } catch (error) {
    if (error instanceof DomainError)
      await recordAudit(db, { ...entry, actor: auditActor(actor), outcome: "failure", error: error.message });
    throw error;
  }
}

async function usage(db: Database, labelId?: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ labelId: conversationLabels.labelId, count: count() })
    .from(conversationLabels)
    .where(labelId ? eq(conversationLabels.labelId, labelId) : undefined)
    .groupBy(conversationLabels.labelId);
  return new Map(rows.map((row) => [row.labelId, Number(row.count)]));
}

export async function listLabels(db: Database): Promise<Label[]> {
  const [rows, counts] = await Promise.all([
    db.select().from(labels).orderBy(asc(labels.nameKey)),
    usage(db),
  ]);
  return rows.map((row) => toLabel(row, counts.get(row.id) ?? 0));
}

export async function requireLabel(db: Database, id: string): Promise<LabelRow> {
  const [row] = await db.select().from(labels).where(eq(labels.id, id));
  if (!row) throw notFound("This label does not exist (it may have been deleted).");
  return row;
}

async function refuseTakenName(db: Database, name: string, exceptId?: string): Promise<void> {
  const key = name.toLowerCase();
  const [taken] = await db
    .select({ id: labels.id })
    .from(labels)
    .where(exceptId ? and(eq(labels.nameKey, key), ne(labels.id, exceptId)) : eq(labels.nameKey, key));
  if (taken) throw conflict(`A label named "${name}" already exists.`);
}

const isUniqueViolation = (error: unknown) =>
  typeof error === "object" &&
  error !== null &&
  ((error as { code?: string }).code === "23505" ||
    (error as { cause?: { code?: string } }).cause?.code === "23505");

export async function createLabel(db: Database, actor: Actor, input: CreateLabelInput): Promise<Label> {
  const id = randomUUID();
  return audited(db, actor, { action: "label.create", targetId: id }, async () => {
    await refuseTakenName(db, input.name);
    const values = { id, name: input.name, nameKey: input.name.toLowerCase(), colour: input.colour };
    try {
      await db.insert(labels).values({ ...values, description: input.description, createdBy: actor.id });
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict(`A label named "${input.name}" already exists.`);
      throw error;
    }
    const label = toLabel({ ...(await requireLabel(db, id)) }, 0);
    await recordAudit(db, {
      actor: auditActor(actor),
      action: "label.create",
      targetId: id,
      after: { name: label.name, colour: label.colour, description: label.description },
      outcome: "success",
    });
    return label;
  });
}

export async function updateLabel(
  db: Database,
  actor: Actor,
  id: string,
  input: UpdateLabelInput,
): Promise<Label> {
  return audited(db, actor, { action: "label.update", targetId: id }, async () => {
    const before = await requireLabel(db, id);
    if (input.name !== undefined) await refuseTakenName(db, input.name, id);
    try {
      await db
        .update(labels)
        .set({
          ...(input.name === undefined ? {} : { name: input.name, nameKey: input.name.toLowerCase() }),
          ...(input.colour === undefined ? {} : { colour: input.colour }),
          ...(input.description === undefined ? {} : { description: input.description }),
          updatedAt: new Date(),
        })
        .where(eq(labels.id, id));
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict(`A label named "${input.name}" already exists.`);
      throw error;
    }
    const after = await requireLabel(db, id);
    await recordAudit(db, {
      actor: auditActor(actor),
      action: "label.update",
      targetId: id,
      before: { name: before.name, colour: before.colour, description: before.description },
      after: { name: after.name, colour: after.colour, description: after.description },
      outcome: "success",
    });
    return toLabel(after, (await usage(db, id)).get(id) ?? 0);
  });
}

/** Deletes a label and takes it off every conversation; answers how many carried it. */
export async function deleteLabel(
  db: Database,
  actor: Actor,
  id: string,
): Promise<{ id: string; removedFrom: number }> {
  return audited(db, actor, { action: "label.delete", targetId: id }, async () => {
    const before = await requireLabel(db, id);
    const removedFrom = await db.transaction(async (tx) => {
      const removed = await tx
        .delete(conversationLabels)
        .where(eq(conversationLabels.labelId, id))
        .returning({ connectionId: conversationLabels.connectionId });
      await tx.delete(labels).where(eq(labels.id, id));
      return removed.length;
    });
    await recordAudit(db, {
      actor: auditActor(actor),
      action: "label.delete",
      targetId: id,
      before: { name: before.name, colour: before.colour, description: before.description, removedFrom },
      outcome: "success",
    });
    return { id, removedFrom };
  });
}

export async function conversationLabelIds(
  db: Database,
  connectionId: string,
  conversationId: string,
): Promise<string[]> {
  const rows = await db
    .select({ labelId: conversationLabels.labelId })
    .from(conversationLabels)
    .innerJoin(labels, eq(labels.id, conversationLabels.labelId))
    .where(
      and(
        eq(conversationLabels.connectionId, connectionId),
        eq(conversationLabels.conversationId, conversationId),
      ),
    )
    .orderBy(asc(labels.nameKey));
  return rows.map((row) => row.labelId);
}

/** Serialises label changes of one conversation (across instances on PostgreSQL) for a transaction. */
async function lockConversation(tx: Database, connectionId: string, conversationId: string) {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtext(${`labels:${connectionId}:${conversationId}`}))`,
  );
}

async function requireKnownLabels(db: Database, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const known = await db
    .select({ id: labels.id })
    .from(labels)
    .where(inArray(labels.id, [...ids]));
  if (known.length !== new Set(ids).size)
    throw notFound("One of these labels does not exist (it may have been deleted). Reload and try again.");
}

const sameSet = (left: readonly string[], right: readonly string[]) =>
  left.length === right.length && [...left].sort().join("\u0000") === [...right].sort().join("\u0000");

/**
 * Sets a conversation's labels to exactly `labelIds` (what the picker shows), in one transaction:
 * unknown ids refuse the whole change, so nothing is half-written.
 */
export async function setConversationLabels(
  db: Database,
  actor: Actor,
  connectionId: string,
  conversationId: string,
  labelIds: readonly string[],
  expected?: readonly string[],
): Promise<{ labelIds: string[] }> {
  const wanted = [...new Set(labelIds)];
  const entry = { action: "conversation.labels", connectionId, conversationId };
  return audited(db, actor, entry, async () => {
    await requireIndexedConversation(db, connectionId, conversationId);
    await requireKnownLabels(db, wanted);
    const where = and(
      eq(conversationLabels.connectionId, connectionId),
      eq(conversationLabels.conversationId, conversationId),
    );
    const before = await db.transaction(async (tx) => {
      const writer = tx as unknown as Database;
      await lockConversation(writer, connectionId, conversationId);
      const current = await conversationLabelIds(writer, connectionId, conversationId);
      if (expected && !sameSet(current, [...new Set(expected)]))
        throw conflict(
          "Someone else changed this conversation's labels meanwhile; nothing was changed. Reload and try again.",
        );
      const removed = current.filter((id) => !wanted.includes(id));
      if (removed.length > 0)
        await tx.delete(conversationLabels).where(and(where, inArray(conversationLabels.labelId, removed)));
      const added = wanted.filter((id) => !current.includes(id));
      if (added.length > 0)
        await tx
          .insert(conversationLabels)
          .values(added.map((labelId) => ({ connectionId, conversationId, labelId, addedBy: actor.id })))
          .onConflictDoNothing();
      return current;
    });
    return recordLabelChange(db, actor, entry, before);
  });
}

/**
 * Puts labels on a conversation and takes others off, in one transaction. Changes, not a whole set:
 * two people labelling the same conversation at once both keep what they did.
 */
export async function changeConversationLabels(
  db: Database,
  actor: Actor,
  connectionId: string,
  conversationId: string,
  change: ChangeConversationLabelsInput,
): Promise<{ labelIds: string[] }> {
  const entry = { action: "conversation.labels", connectionId, conversationId };
  return audited(db, actor, entry, async () => {
    await requireIndexedConversation(db, connectionId, conversationId);
    await requireKnownLabels(db, change.add);
    const before = await db.transaction(async (tx) => {
      const writer = tx as unknown as Database;
      await lockConversation(writer, connectionId, conversationId);
      const current = await conversationLabelIds(writer, connectionId, conversationId);
      const next = new Set([...current, ...change.add].filter((id) => !change.remove.includes(id)));
      if (next.size > MAX_LABELS_PER_CONVERSATION)
        throw invalid(`A conversation carries at most ${MAX_LABELS_PER_CONVERSATION} labels.`);
      if (change.remove.length > 0)
        await tx
          .delete(conversationLabels)
          .where(
            and(
              eq(conversationLabels.connectionId, connectionId),
              eq(conversationLabels.conversationId, conversationId),
              inArray(conversationLabels.labelId, change.remove),
            ),
          );
      if (change.add.length > 0)
        await tx
          .insert(conversationLabels)
          .values(change.add.map((labelId) => ({ connectionId, conversationId, labelId, addedBy: actor.id })))
          .onConflictDoNothing();
      return current;
    });
    return recordLabelChange(db, actor, entry, before);
  });
}

async function recordLabelChange(
  db: Database,
  actor: Actor,
  entry: { action: string; connectionId: string; conversationId: string },
  before: string[],
): Promise<{ labelIds: string[] }> {
  const after = await conversationLabelIds(db, entry.connectionId, entry.conversationId);
  await recordAudit(db, {
    actor: auditActor(actor),
    ...entry,
    before: { labelIds: before },
    after: { labelIds: after },
    outcome: "success",
  });
  return { labelIds: after };
}
