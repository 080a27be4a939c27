/** Reading rows from `db.execute` on both drivers (PGlite and node-postgres answer `{ rows }`). */
import type { SQL } from "drizzle-orm";
import type { Database } from "@/lib/db/client";

export async function queryRows<T>(db: Database, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
