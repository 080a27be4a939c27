/**
 * The labels of a page of list rows (Parley's own rows, keyed like the overlay), in one query.
 */
import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import type { Conversation } from "@/lib/model/conversation";
import { inConversationKeys, queryRows } from "./rows";

export async function attachLabels(db: Database, items: Conversation[]): Promise<Conversation[]> {
  if (items.length === 0) return items;
  const rows = await queryRows<{ connection_id: string; conversation_id: string; label_id: string }>(
    db,
    sql`select cl.connection_id, cl.conversation_id, cl.label_id from conversation_labels cl
      join labels lb on lb.id = cl.label_id
      where ${inConversationKeys(
        sql`(cl.connection_id, cl.conversation_id)`,
        items.map((item) => ({ connectionId: item.connectionId, conversationId: item.id })),
      )}
      order by lb.name_key`,
  );
  const byKey = new Map<string, string[]>();
  for (const row of rows) {
    const key = `${row.connection_id}\u0000${row.conversation_id}`;
    byKey.set(key, [...(byKey.get(key) ?? []), row.label_id]);
  }
  return items.map((item) => ({
    ...item,
    labelIds: byKey.get(`${item.connectionId}\u0000${item.id}`) ?? [],
  }));
}

/** Every label's current name by id (an export names labels as they are called now). */
export async function labelNamesById(db: Database): Promise<Map<string, string>> {
  const rows = await queryRows<{ id: string; name: string }>(db, sql`select id, name from labels`);
  return new Map(rows.map((row) => [row.id, row.name]));
}
