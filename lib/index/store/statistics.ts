/**
 * The planner's statistics for the index's tables (and the conversations' visibility map), kept as
 * PostgreSQL's autovacuum keeps them: a table is analyzed once the rows changed since its last
 * analyze exceed 50 + 10 % of its rows.
 * PGlite runs no autovacuum, so without this its planner would never learn how many rows the
 * index holds or how common a word is, and a search would be planned blind (`search-plan.ts`).
 * Where autovacuum runs (PostgreSQL), this leaves the work to it and does nothing.
 */
import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { queryRows } from "../read/rows";

/** The tables whose statistics the list's and the search's plans depend on. */
const TABLES = [
  "indexed_conversations",
  "indexed_messages",
  "moderation_overlay",
  "conversation_notes",
] as const;

const autovacuumRuns = new WeakMap<Database, Promise<boolean>>();

/**
 * Whether autovacuum serves this database: PostgreSQL with its `autovacuum` setting on; never
 * PGlite, a single backend with no launcher (its `version()` names it).
 */
export function hasAutovacuum(db: Database): Promise<boolean> {
  let known = autovacuumRuns.get(db);
  if (!known) {
    known = queryRows<{ runs: boolean }>(
      db,
      sql`select (version() not like '%PGlite%' and current_setting('autovacuum') = 'on') as runs`,
    ).then((rows) => rows[0]?.runs === true);
    autovacuumRuns.set(db, known);
  }
  return known;
}

/**
 * Analyzes each index table whose changes since its last analyze passed autovacuum's threshold
 * (or that was never analyzed), unless autovacuum runs; returns the tables analyzed.
 */
export async function refreshPlannerStatistics(db: Database): Promise<string[]> {
  if (await hasAutovacuum(db)) return [];
  // This session's counts reach the statistics view when they are flushed, at most once a second.
  await db.execute(sql`select pg_stat_force_next_flush()`);
  const rows = await queryRows<{
    relname: string;
    live: number | string;
    changed: number | string;
    analyzed: boolean;
  }>(
    db,
    sql`select relname, n_live_tup as live, n_mod_since_analyze as changed,
        (last_analyze is not null or last_autoanalyze is not null) as analyzed
      from pg_stat_user_tables
      where relname in (${sql.join(
        TABLES.map((table) => sql`${table}`),
        sql`, `,
      )})`,
  );
  const stale = rows
    .filter(
      (row) => Number(row.changed) > 50 + 0.1 * Number(row.live) || (!row.analyzed && Number(row.live) > 0),
    )
    .map((row) => row.relname)
    .filter((name): name is (typeof TABLES)[number] => (TABLES as readonly string[]).includes(name));
  // The conversations are vacuumed too: its visibility map lets counts read the facts index alone
  // (an index-only scan); the other tables are only read through their indexes and the heap.
  for (const table of stale)
    await db.execute(
      sql.raw(table === "indexed_conversations" ? `vacuum (analyze) ${table}` : `analyze ${table}`),
    );
  return stale;
}
