/**
 * Keeping the index true between syncs: a thread opened live refreshes its row (and, when the
 * whole thread was read, its transcript); a change made through Parley is written to the index in
 * the same request; a conversation the provider no longer has leaves it.
 */
import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { ConnectionHandle } from "@/lib/connections/connection-handle";
import { getConnectionRow } from "@/lib/connections/repository";
import type { Database } from "@/lib/db/client";
import { indexedConversations } from "@/lib/db/schema";
import type { Message } from "@/lib/model/conversation";
import type { ProviderConversation } from "@/lib/providers/contract";
import { toIndexRow } from "./store/conversation-rows";
import { removeConversations, replaceTranscript, upsertConversations } from "./store/write";

async function transcriptsOn(db: Database, connectionId: string): Promise<boolean> {
  return (await getConnectionRow(db, connectionId))?.indexTranscripts ?? true;
}

/**
 * A conversation just read live from its provider. `thread` is its whole thread when the read
 * covered it (a first page that was also the last).
 */
export async function refreshIndexedConversation(
  db: Database,
  handle: ConnectionHandle,
  row: ProviderConversation,
  thread: readonly Message[] | null,
): Promise<void> {
  const indexTranscripts = await transcriptsOn(db, handle.id);
  const indexRow = toIndexRow(handle.id, handle.adapter.capabilities, row, new Date().toISOString());
  await upsertConversations(db, [indexRow], indexTranscripts ? "index" : "skip");
  if (indexTranscripts && thread)
    await replaceTranscript(db, { connectionId: handle.id, conversationId: row.id }, thread, {
      state: "indexed",
      sortAt: indexRow.sortAt,
    });
}

/** The provider answered that it has no such conversation. */
export async function forgetIndexedConversation(db: Database, connectionId: string, conversationId: string) {
  await removeConversations(db, connectionId, [conversationId]);
}

/** A change made through Parley, as the provider now holds it (overlay changes need nothing: the overlay is joined). */
export interface IndexedChange {
  important?: boolean;
  archived?: boolean;
  /** A title set at the provider (null: cleared). */
  title?: string | null;
  /** Deleted at the provider: `hard` removes the row, `soft` marks it removed. */
  deleted?: "hard" | "soft";
}

/** Writes a change made through Parley into the index, in the request that made it. */
export async function updateIndexAfterModeration(
  db: Database,
  handle: ConnectionHandle,
  conversationId: string,
  change: IndexedChange,
): Promise<void> {
  if (change.deleted === "hard") return removeConversations(db, handle.id, [conversationId]);
  const native = handle.adapter.capabilities.moderation;
  const set: Partial<typeof indexedConversations.$inferInsert> = {};
  if (change.important !== undefined && native.important) set.nativeImportant = change.important;
  if (change.archived !== undefined && native.archived) set.nativeArchived = change.archived;
  if (change.title !== undefined && native.title) set.title = change.title;
  if (change.deleted === "soft") set.nativeRemoved = true;
  if (Object.keys(set).length === 0) return;
  const where = and(
    eq(indexedConversations.connectionId, handle.id),
    eq(indexedConversations.id, conversationId),
  );
  await db.update(indexedConversations).set(set).where(where);
  if (set.title !== undefined)
    await db
      .update(indexedConversations)
      .set({
        searchText: sql`concat_ws(E'\\n', title, contact_name, contact_identifier, responder_name, channel_name, preview)`,
      })
      .where(where);
}
