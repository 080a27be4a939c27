/**
 * The labels of a page of list rows (Parley's own rows, keyed like the overlay), in one query.
 */
import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import type { Conversation } from "@/lib/model/conversation";
import { queryRows } from "./rows";

export async function attachLabels(db: Database, items: Conversation[]): Promise<Conversation[]> {
  if (items.length === 0) return items;
  const keys = sql.join(
    items.map((item) => sql`(${item.connectionId}, ${item.id})`),
    sql`, `,
  );
  const rows = await queryRows<{ connection_id: string; conversation_id: string; label_id: string }>(
    db,
    sql`select cl.connection_id, cl.conversation_id, cl.label_id from conversation_labels cl
      join labels lb on lb.id = cl.label_id
      where (cl.connection_id, cl.conversation_id) in (${keys})
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
