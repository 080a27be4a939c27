/**
 * The index's planner statistics are refreshed as autovacuum would: a table that changed by more
 * than 50 rows + 10 % since its last analyze is analyzed, and then not again until it changes.
 * On PGlite, which runs no autovacuum; on PostgreSQL (TEST_DATABASE_URL) autovacuum does it and
 * the refresh does nothing.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { connections } from "@/lib/db/schema";
import { queryRows } from "../read/rows";
import { insertFakeConnection, openTestDatabase } from "../test-database";
import { hasAutovacuum, refreshPlannerStatistics } from "./statistics";

let database: DatabaseHandle;
const connectionId = `stats-${Date.now().toString(36)}`;

beforeAll(async () => {
  database = await openTestDatabase();
  await insertFakeConnection(database, connectionId, "zaia");
});

afterAll(async () => {
  await database.db.delete(connections).where(sql`${connections.id} = ${connectionId}`);
  await database.close();
});

const insertConversations = (from: number, to: number) =>
  database.db
    .execute(sql`insert into indexed_conversations (connection_id, id, sort_at, search_text, confirmed_at, transcript_state)
    select ${connectionId}, 'c' || g, now(), 'text', now(), 'indexed' from generate_series(${from}::int, ${to}::int) g`);

const plannerRows = async () =>
  Number(
    (
      await queryRows<{ rows: number }>(
        database.db,
        sql`select reltuples::int as rows from pg_class where relname = 'indexed_conversations'`,
      )
    )[0]?.rows,
  );

it("analyzes what changed enough where no autovacuum runs (PGlite), and leaves it to autovacuum where one does", async () => {
  const autovacuum = await hasAutovacuum(database.db);
  expect(autovacuum).toBe(Boolean(process.env.TEST_DATABASE_URL));
  await refreshPlannerStatistics(database.db); // whatever other rows the database holds
  await insertConversations(1, 400);
  if (autovacuum) {
    expect(await refreshPlannerStatistics(database.db)).toEqual([]);
    return;
  }
  expect(await refreshPlannerStatistics(database.db)).toContain("indexed_conversations");
  expect(await plannerRows()).toBeGreaterThanOrEqual(400);
  expect(await refreshPlannerStatistics(database.db)).not.toContain("indexed_conversations");
  await insertConversations(401, 405); // 5 rows: under the threshold
  expect(await refreshPlannerStatistics(database.db)).not.toContain("indexed_conversations");
});
