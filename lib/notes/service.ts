/**
 * Internal notes on conversations: Parley's own data, never sent to a provider. Any signed-in
 * user reads and writes them; only the author edits a note; the author or an admin deletes it.
 * Every change (and every refused change) is one audit row; audit rows keep lengths, mentions and
 * the message a note is about, never the body (a deleted note leaves no text behind).
 */
import "server-only";
import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/audit-log";
import { requireIndexedConversation } from "@/lib/index/read/indexed-conversation";
import type { Actor } from "@/lib/auth/actor";
import type { Database } from "@/lib/db/client";
import { conversationNotes, user } from "@/lib/db/schema";
import { DomainError, forbidden, invalid, notFound } from "@/lib/model/errors";
import {
  mentionIdsOf,
  type CreateNoteInput,
  type DirectoryUser,
  type Note,
  type NoteMention,
  type UpdateNoteInput,
} from "@/lib/model/notes";

type NoteRow = typeof conversationNotes.$inferSelect;
interface UserRow {
  id: string;
  name: string;
  banned: boolean | null;
  banExpires: Date | null;
}

const auditActor = (actor: Actor) => ({ id: actor.id, email: actor.email });

/** Deactivated (banned) users stay deactivated until a ban's expiry, if it has one. */
const isActive = (row: UserRow, now = Date.now()) =>
  row.banned !== true || (row.banExpires !== null && row.banExpires.getTime() <= now);

async function usersByIds(db: Database, ids: readonly string[]): Promise<Map<string, UserRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: user.id, name: user.name, banned: user.banned, banExpires: user.banExpires })
    .from(user)
    .where(inArray(user.id, [...new Set(ids)]));
  return new Map(rows.map((row) => [row.id, row]));
}

/** Active users, id and display name only: what staff may see to complete a mention. */
export async function listDirectoryUsers(db: Database): Promise<DirectoryUser[]> {
  const rows = await db
    .select({ id: user.id, name: user.name, banned: user.banned, banExpires: user.banExpires })
    .from(user)
    .orderBy(asc(user.name), asc(user.id));
  return rows.filter((row) => isActive(row)).map((row) => ({ id: row.id, name: row.name }));
}

function toNote(row: NoteRow, users: Map<string, UserRow>, actor: Actor): Note {
  const mentions: NoteMention[] = row.mentionIds.map((id) => {
    const found = users.get(id);
    return { id, name: found?.name ?? null, active: found ? isActive(found) : false };
  });
  const mine = row.authorId === actor.id;
  return {
    id: row.id,
    connectionId: row.connectionId,
    conversationId: row.conversationId,
    author: { id: row.authorId, name: users.get(row.authorId)?.name ?? null },
    body: row.body,
    mentions,
    messageId: row.messageId,
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt ? row.editedAt.toISOString() : null,
    canEdit: mine,
    canDelete: mine || actor.role === "admin",
  };
}

async function toNotes(db: Database, rows: readonly NoteRow[], actor: Actor): Promise<Note[]> {
  const users = await usersByIds(
    db,
    rows.flatMap((row) => [row.authorId, ...row.mentionIds]),
  );
  return rows.map((row) => toNote(row, users, actor));
}

/** Runs a change; a refused one (a domain error) leaves a failure row before it is rethrown. */
async function audited<T>(
  db: Database,
  actor: Actor,
  entry: { action: string; targetId?: string | null; connectionId: string; conversationId: string },
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

async function requireNote(db: Database, connectionId: string, conversationId: string, noteId: string) {
  const [row] = await db
    .select()
    .from(conversationNotes)
    .where(
      and(
        eq(conversationNotes.id, noteId),
        eq(conversationNotes.connectionId, connectionId),
        eq(conversationNotes.conversationId, conversationId),
      ),
    );
  if (!row) throw notFound("This note does not exist (it may have been deleted).");
  return row;
}

/** Newly mentioned users must exist and be active (older mentions may have been deactivated since). */
async function checkMentions(db: Database, mentionIds: readonly string[], already: readonly string[] = []) {
  const added = mentionIds.filter((id) => !already.includes(id));
  const users = await usersByIds(db, added);
  for (const id of added) {
    const found = users.get(id);
    if (!found) throw invalid("This note mentions someone who is not a Parley user.");
    if (!isActive(found)) throw invalid(`${found.name} is deactivated and cannot be mentioned.`);
  }
}

const summary = (row: Pick<NoteRow, "body" | "mentionIds" | "messageId">) => ({
  length: row.body.length,
  mentionIds: row.mentionIds,
  messageId: row.messageId,
});

export async function listNotes(
  db: Database,
  actor: Actor,
  connectionId: string,
  conversationId: string,
): Promise<Note[]> {
  const rows = await db
    .select()
    .from(conversationNotes)
    .where(
      and(
        eq(conversationNotes.connectionId, connectionId),
        eq(conversationNotes.conversationId, conversationId),
      ),
    )
    .orderBy(asc(conversationNotes.createdAt), asc(conversationNotes.id));
  return toNotes(db, rows, actor);
}

export async function createNote(
  db: Database,
  actor: Actor,
  connectionId: string,
  conversationId: string,
  input: CreateNoteInput,
): Promise<Note> {
  const id = randomUUID();
  const entry = { action: "note.create", targetId: id, connectionId, conversationId };
  return audited(db, actor, entry, async () => {
    await requireIndexedConversation(db, connectionId, conversationId);
    const mentionIds = mentionIdsOf(input.body);
    await checkMentions(db, mentionIds);
    const [row] = await db
      .insert(conversationNotes)
      .values({
        id,
        connectionId,
        conversationId,
        authorId: actor.id,
        body: input.body,
        mentionIds,
        messageId: input.messageId,
      })
      .returning();
    if (!row) throw new Error("note insert returned no row");
    await recordAudit(db, { ...entry, actor: auditActor(actor), after: summary(row), outcome: "success" });
    const [note] = await toNotes(db, [row], actor);
    return note as Note;
  });
}

export async function updateNote(
  db: Database,
  actor: Actor,
  connectionId: string,
  conversationId: string,
  noteId: string,
  input: UpdateNoteInput,
): Promise<Note> {
  const entry = { action: "note.update", targetId: noteId, connectionId, conversationId };
  return audited(db, actor, entry, async () => {
    const before = await requireNote(db, connectionId, conversationId, noteId);
    if (before.authorId !== actor.id) throw forbidden("Only the author of a note can edit it.");
    const mentionIds = mentionIdsOf(input.body);
    await checkMentions(db, mentionIds, before.mentionIds);
    const [row] = await db
      .update(conversationNotes)
      .set({ body: input.body, mentionIds, editedAt: new Date() })
      .where(eq(conversationNotes.id, noteId))
      .returning();
    if (!row) throw notFound("This note does not exist (it may have been deleted).");
    await recordAudit(db, {
      ...entry,
      actor: auditActor(actor),
      before: summary(before),
      after: summary(row),
      outcome: "success",
    });
    const [note] = await toNotes(db, [row], actor);
    return note as Note;
  });
}

export async function deleteNote(
  db: Database,
  actor: Actor,
  connectionId: string,
  conversationId: string,
  noteId: string,
): Promise<{ id: string }> {
  const entry = { action: "note.delete", targetId: noteId, connectionId, conversationId };
  return audited(db, actor, entry, async () => {
    const before = await requireNote(db, connectionId, conversationId, noteId);
    if (before.authorId !== actor.id && actor.role !== "admin")
      throw forbidden("Only the author of a note or an administrator can delete it.");
    await db.delete(conversationNotes).where(eq(conversationNotes.id, noteId));
    await recordAudit(db, {
      ...entry,
      actor: auditActor(actor),
      before: { ...summary(before), authorId: before.authorId },
      outcome: "success",
    });
    return { id: noteId };
  });
}
