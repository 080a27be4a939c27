/**
 * How a search is answered, chosen per query. Both ways give the same rows; they differ in cost,
 * and each is hopeless where the other shines (100,000 conversations, 1,000,000 messages):
 *
 * - **candidates** — the conversations whose title, contact, responder, overlay title, messages or
 *   notes match are read from the full-text and trigram indexes first, then only those rows are
 *   filtered and ordered. A rare word (a few hundred messages) costs milliseconds; a word in one
 *   message of eight would read 125,000 index entries and rows before the first one is shown.
 * - **scan** — conversations are read newest first from the list's order index and each is
 *   checked (its own fields, then its messages and notes by primary key) until the page is full.
 *   A common word fills the page after a few dozen rows; a rare word would check every row.
 *
 * The choice is the planner's estimate of the matching rows (one `explain`, no execution): at most
 * `CANDIDATE_ESTIMATE_LIMIT` means candidates. If the estimate was wrong and the candidates
 * outnumber `CANDIDATE_LIMIT`, the query scans instead. Estimates need the tables' statistics,
 * which `refreshPlannerStatistics` (lib/index/store/statistics.ts) keeps on PGlite, where no
 * autovacuum runs.
 */
import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { searchPattern, searchPredicate, searchTsQuery } from "./filter-sql";
import { inConversationKeys, queryRows } from "./rows";

/** Above this many estimated matching rows (conversations, overlay, messages, notes), scan. */
export const CANDIDATE_ESTIMATE_LIMIT = 20_000;
/** At most this many candidate conversations are carried into the list's query. */
export const CANDIDATE_LIMIT = 10_000;

export type SearchPlan =
  { kind: "candidates"; predicate: SQL; candidates: number } | { kind: "scan"; predicate: SQL };

const idList = (connectionIds: readonly string[]) =>
  sql.join(
    connectionIds.map((id) => sql`${id}`),
    sql`, `,
  );

/** Every (connection, conversation) with a matching field, message or note; repeats possible. */
function matchingKeys(q: string, connectionIds: readonly string[]): SQL {
  const pattern = searchPattern(q);
  const tsquery = searchTsQuery(q);
  const ids = idList(connectionIds);
  return sql`select c.connection_id, c.id from indexed_conversations c
      where c.connection_id in (${ids}) and (c.search_vector @@ ${tsquery} or c.search_folded like ${pattern})
    union all
    select o.connection_id, o.conversation_id from moderation_overlay o
      where o.connection_id in (${ids}) and o.title is not null and f_unaccent(lower(o.title)) like ${pattern}
    union all
    select m.connection_id, m.conversation_id from indexed_messages m
      where m.connection_id in (${ids}) and (m.vector @@ ${tsquery} or m.folded like ${pattern})
    union all
    select n.connection_id, n.conversation_id from conversation_notes n
      where n.connection_id in (${ids}) and (n.vector @@ ${tsquery} or n.folded like ${pattern})`;
}

/** The planner's estimate of the rows `query` returns (`explain`, nothing executed). */
async function estimatedRows(db: Database, query: SQL): Promise<number> {
  const rows = await queryRows<Record<string, unknown>>(db, sql`explain (format json) ${query}`);
  const cell = rows[0] ? Object.values(rows[0])[0] : null;
  const plan: unknown = typeof cell === "string" ? JSON.parse(cell) : cell;
  const top = Array.isArray(plan) ? (plan[0] as { Plan?: { "Plan Rows"?: unknown } }) : null;
  const estimate = Number(top?.Plan?.["Plan Rows"]);
  return Number.isFinite(estimate) ? estimate : Number.POSITIVE_INFINITY;
}

/** Chooses how to answer the search `q` over `connectionIds` (see the file's comment). */
export async function planSearch(
  db: Database,
  q: string,
  connectionIds: readonly string[],
  limits: { estimate?: number; candidates?: number } = {},
): Promise<SearchPlan> {
  const estimateLimit = limits.estimate ?? CANDIDATE_ESTIMATE_LIMIT;
  const candidateLimit = limits.candidates ?? CANDIDATE_LIMIT;
  const scan: SearchPlan = { kind: "scan", predicate: searchPredicate(q, { checkEachRow: true }) };
  if (connectionIds.length === 0) return scan;
  const keys = matchingKeys(q, connectionIds);
  if ((await estimatedRows(db, keys)) > estimateLimit) return scan;
  const found = await queryRows<{ connection_id: string; id: string }>(
    db,
    sql`select distinct connection_id, id from (${keys}) matched limit ${candidateLimit + 1}`,
  );
  if (found.length > candidateLimit) return scan;
  const candidates = found.map((row) => ({ connectionId: row.connection_id, conversationId: row.id }));
  return {
    kind: "candidates",
    candidates: candidates.length,
    predicate: candidates.length ? inConversationKeys(sql`(c.connection_id, c.id)`, candidates) : sql`false`,
  };
}
