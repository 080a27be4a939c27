/** Reading rows from `db.execute` on both drivers (PGlite and node-postgres answer `{ rows }`). */
import { sql, type SQL } from "drizzle-orm";
import type { Database } from "@/lib/db/client";

export async function queryRows<T>(db: Database, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * `columns in (…these conversation keys…)`, the keys passed as one JSON parameter, any number of
 * them. A row-value `in ((a, b), (c, d), …)` list is not used: PGlite's planner gives up on one of a
 * few hundred pairs (no rows at ~300, a hung query beyond), while a set-returning function is a
 * plain semi-join on both databases.
 */
export function inConversationKeys(
  columns: SQL,
  keys: readonly { connectionId: string; conversationId: string }[],
): SQL {
  const json = JSON.stringify(keys.map((key) => ({ c: key.connectionId, v: key.conversationId })));
  return sql`${columns} in (select k.c, k.v from jsonb_to_recordset(${json}::jsonb) as k (c text, v text))`;
}
