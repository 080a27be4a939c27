/**
 * The export's reads from the index: every conversation of a list query, one keyset page at a
 * time (the list's own predicates and order, so an export holds exactly what the list shows), and
 * the indexed messages of a page's conversations. Nothing here holds more than one page.
 */
import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import type { Conversation } from "@/lib/model/conversation";
import type { ListQuery } from "@/lib/model/list-query";
import { rowKey } from "@/lib/model/row-key";
import { toConversationFromRow, type ListedRow, type RowConnection } from "../store/conversation-rows";
import type { KeysetPosition } from "./cursor";
import { wherePredicates } from "./filter-sql";
import { fromIndexedConversations, keysetAfter, listedColumns, listOrder, overlayColumns } from "./list";
import { inConversationKeys, queryRows } from "./rows";

export interface ExportedConversation {
  conversation: Conversation;
  /** Where its transcript stands in the index (`pending`, `indexed`, `skipped`, …). */
  transcriptState: string;
}

export interface ExportPage {
  items: ExportedConversation[];
  /** Where the next page starts; null after the last page. */
  next: KeysetPosition | null;
}

/** One page of the query's conversations after `after` (from the start when null). */
export async function readExportPage(
  db: Database,
  query: ListQuery,
  connections: readonly RowConnection[],
  after: KeysetPosition | null,
  limit: number,
): Promise<ExportPage> {
  if (connections.length === 0) return { items: [], next: null };
  const where = wherePredicates(query);
  const from = fromIndexedConversations(
    connections.map((connection) => connection.id),
    after ? [...where, keysetAfter(after, query.sort)] : where,
  );
  const rows = await queryRows<ListedRow & { transcript_state: string }>(
    db,
    sql`select ${listedColumns}, c.transcript_state, ${overlayColumns} ${from} ${listOrder(query.sort)}
      limit ${limit}`,
  );
  const byId = new Map(connections.map((connection) => [connection.id, connection]));
  const items = rows.flatMap((row) => {
    const connection = byId.get(row.connection_id);
    return connection
      ? [{ conversation: toConversationFromRow(connection, row), transcriptState: row.transcript_state }]
      : [];
  });
  const last = rows.at(-1);
  return {
    items,
    next: rows.length === limit && last ? [last.sort_key, last.connection_id, last.id] : null,
  };
}

export interface IndexedMessage {
  id: string;
  role: string;
  text: string;
  createdAt: string | null;
}

/** The indexed messages of these conversations, in thread order, by row key (`lib/model/row-key.ts`). */
export async function readIndexedMessages(
  db: Database,
  conversations: readonly Pick<Conversation, "connectionId" | "id">[],
): Promise<Map<string, IndexedMessage[]>> {
  const byKey = new Map<string, IndexedMessage[]>();
  if (conversations.length === 0) return byKey;
  const rows = await queryRows<{
    connection_id: string;
    conversation_id: string;
    message_id: string;
    role: string;
    text: string;
    created_at: string | Date | null;
  }>(
    db,
    sql`select connection_id, conversation_id, message_id, role, text, created_at from indexed_messages
      where ${inConversationKeys(
        sql`(connection_id, conversation_id)`,
        conversations.map((conversation) => ({
          connectionId: conversation.connectionId,
          conversationId: conversation.id,
        })),
      )}
      order by connection_id, conversation_id, position`,
  );
  for (const row of rows) {
    const key = rowKey(row.connection_id, row.conversation_id);
    const list = byKey.get(key) ?? [];
    list.push({
      id: row.message_id,
      role: row.role,
      text: row.text,
      createdAt:
        row.created_at === null
          ? null
          : (row.created_at instanceof Date ? row.created_at : new Date(row.created_at)).toISOString(),
    });
    byKey.set(key, list);
  }
  return byKey;
}
