/**
 * The search plans (`search-plan.ts`) on a small index of 2,000 conversations with three messages
 * each: a rare word is answered from its candidates, a common one by scanning once the planner's
 * statistics say it is common, an estimate proven wrong falls back to scanning, and whichever
 * plan runs, the rows and their order are those of the plain predicate. The list's first page can
 * be read from the order index, never by sorting every row, and its count from the facts index. On PGlite, or PostgreSQL with
 * TEST_DATABASE_URL.
 */
import { sql, type SQL } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { connections } from "@/lib/db/schema";
import { listQuerySchema, type ListQuery } from "@/lib/model/list-query";
import { insertFakeConnection, openTestDatabase } from "../test-database";
import { wherePredicates } from "./filter-sql";
import { fromIndexedConversations, listOrder, listedColumns, overlayColumns } from "./list";
import { queryRows } from "./rows";
import { planSearch } from "./search-plan";

let database: DatabaseHandle;
const run = `plan-${Date.now().toString(36)}`;
const A = `${run}-a`;
const B = `${run}-b`;
const ids = [A, B];
const ROWS = 2_000;

beforeAll(async () => {
  database = await openTestDatabase();
  await insertFakeConnection(database, A, "zaia");
  await insertFakeConnection(database, B, "chatling");
  const { db } = database;
  // Conversation g: a title, and three messages; "refund" is in every message of every 2nd
  // conversation, "zeppelin" in the 3rd message of conversations 7 and 1,507 only.
  await db.execute(sql`insert into indexed_conversations (connection_id, id, title, sort_at, last_activity_at,
      search_text, confirmed_at, transcript_state)
    select case when g % 2 = 0 then ${A} else ${B} end, 'c' || g, 'Conversation ' || g,
      timestamptz '2026-11-01' + g * interval '1 minute', timestamptz '2026-11-01' + g * interval '1 minute',
      'Conversation ' || g, now(), 'indexed'
    from generate_series(1, ${ROWS}) g`);
  await db.execute(sql`insert into indexed_messages (connection_id, conversation_id, position, message_id, role, text, created_at)
    select c.connection_id, c.id, p, c.id || '-m' || p, 'user',
      case when substr(c.id, 2)::int % 2 = 0 then 'I want a refund for order ' else 'Where is order ' end
        || c.id || case when p = 2 and substr(c.id, 2)::int in (7, 1507) then ' zeppelin' else '' end,
      c.sort_at
    from indexed_conversations c, generate_series(0, 2) p
    where c.connection_id in (${A}, ${B})`);
  // Statistics as the sync's refresh (PGlite) or autovacuum (PostgreSQL) leaves them.
  await db.execute(sql`vacuum (analyze) indexed_conversations`);
  await db.execute(sql`analyze indexed_messages`);
});

afterAll(async () => {
  await database.db.delete(connections).where(sql`${connections.id} in (${A}, ${B})`);
  await database.close();
});

const query = (params: Record<string, string>): ListQuery =>
  listQuerySchema.parse({ connection: ids.join(","), view: "all", limit: "100", ...params });

async function listed(listQuery: ListQuery, search?: SQL): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    database.db,
    sql`select ${listedColumns}, ${overlayColumns} ${fromIndexedConversations(ids, wherePredicates(listQuery, { search }))}
      ${listOrder(listQuery.sort)} limit ${listQuery.limit}`,
  );
  return rows.map((row) => row.id);
}

describe("search plans", () => {
  it("answers a rare word from its candidates, with the rows of the plain predicate", async () => {
    const plan = await planSearch(database.db, "zeppelin", ids);
    expect(plan.kind).toBe("candidates");
    const rows = await listed(query({ q: "zeppelin" }), plan.predicate);
    expect(rows).toEqual(["c1507", "c7"]);
    expect(rows).toEqual(await listed(query({ q: "zeppelin" })));
  });

  it("scans for a word the statistics say is common, with the same rows in the same order", async () => {
    const plan = await planSearch(database.db, "refund", ids, { estimate: 1_000 });
    expect(plan.kind).toBe("scan");
    for (const sort of ["recent", "oldest"]) {
      const rows = await listed(query({ q: "refund", sort }), plan.predicate);
      expect(rows).toHaveLength(100);
      expect(rows.every((id) => Number(id.slice(1)) % 2 === 0)).toBe(true);
      expect(rows).toEqual(await listed(query({ q: "refund", sort })));
    }
  });

  it("scans when the candidates outnumber the limit although the estimate was low", async () => {
    const plan = await planSearch(database.db, "refund", ids, { estimate: 10_000_000, candidates: 50 });
    expect(plan.kind).toBe("scan");
    const exact = await planSearch(database.db, "refund", ids, { estimate: 10_000_000, candidates: 5_000 });
    expect(exact).toMatchObject({ kind: "candidates", candidates: ROWS / 2 });
  });

  it("finds nothing, without error, for a word no row has", async () => {
    const plan = await planSearch(database.db, "nowhere-word", ids);
    expect(plan).toMatchObject({ kind: "candidates", candidates: 0 });
    expect(await listed(query({ q: "nowhere-word" }), plan.predicate)).toEqual([]);
  });
});

describe("the list's plans", () => {
  it("counts from the facts index alone (index-only), for the view and the filter fields", async () => {
    const listQuery = query({ view: "inbox", channelType: "web", status: "completed,active" });
    const text = await database.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      await tx.execute(sql`set local enable_bitmapscan = off`);
      const plan = (await tx.execute(
        sql`explain select count(*) from (select 1 ${fromIndexedConversations(ids, wherePredicates(listQuery))} limit 10001) capped`,
      )) as unknown as { rows: Record<string, string>[] };
      return plan.rows.map((row) => Object.values(row)[0]).join("\n");
    });
    expect(text).toMatch(/Index Only Scan using indexed_conversations_facts_idx on indexed_conversations/);
  });

  it("can be read from the order index, newest and oldest first, without sorting", async () => {
    // With sorting switched off, a plan still sorts (marked disabled) when no index gives the order.
    for (const sort of ["recent", "oldest"] as const) {
      const listQuery = query({ sort, limit: "25", view: "inbox" });
      const text = await database.db.transaction(async (tx) => {
        await tx.execute(sql`set local enable_sort = off`);
        const plan = (await tx.execute(
          sql`explain select ${listedColumns}, ${overlayColumns} ${fromIndexedConversations(ids, wherePredicates(listQuery))}
            ${listOrder(sort)} limit 26`,
        )) as unknown as { rows: Record<string, string>[] };
        return plan.rows.map((row) => Object.values(row)[0]).join("\n");
      });
      expect(text).toContain("indexed_conversations_order_idx");
      expect(text).not.toMatch(/\bSort\b/);
    }
  });
});
