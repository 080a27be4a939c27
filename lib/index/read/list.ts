/**
 * The conversation list from the index: any filter combination and view over the selected
 * connections, ordered by last activity (then connection and conversation id, so the order is
 * total), paged by keyset. A failing or still-backfilling connection keeps its indexed rows listed;
 * the notices say so and how fresh its rows are.
 */
import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import type { ConversationPage } from "@/lib/model/conversation";
import type { ListQuery } from "@/lib/model/list-query";
import { toConversationFromRow, type ListedRow, type RowConnection } from "../store/conversation-rows";
import { decodeCursor, encodeCursor, queryHash, type KeysetPosition } from "./cursor";
import { wherePredicates } from "./filter-sql";
import { attachLabels } from "./labels";
import { attachMatches } from "./matches";
import { connectionNotices } from "./notices";
import { queryRows } from "./rows";
import { planSearch } from "./search-plan";

/** Totals are counted up to this many rows; past it the total is marked as an estimate. */
export const TOTAL_COUNT_CAP = 10_000;
/**
 * A search answered by scanning (a common word: `search-plan.ts`) counts up to this many: each
 * counted row costs a check of its messages, and "200+" says what a person needs from a search.
 */
export const SCANNED_SEARCH_COUNT_CAP = 200;

export function keysetAfter(position: KeysetPosition, sort: ListQuery["sort"]): SQL {
  const [sortKey, connectionId, id] = position;
  const at = sql`${sortKey}::timestamptz`;
  return sort === "recent"
    ? sql`(c.sort_at < ${at} or (c.sort_at = ${at} and (c.connection_id, c.id) > (${connectionId}, ${id})))`
    : sql`(c.sort_at > ${at} or (c.sort_at = ${at} and (c.connection_id, c.id) < (${connectionId}, ${id})))`;
}

/** The columns a list row needs (not the search columns). */
export const listedColumns = sql.raw(
  [
    "connection_id",
    "id",
    "title",
    "preview",
    "contact_id",
    "contact_name",
    "contact_identifier",
    "channel_id",
    "channel_type",
    "channel_name",
    "responder_id",
    "responder_name",
    "responder_kind",
    "version_id",
    "version_number",
    "status",
    "created_at",
    "last_activity_at",
    "cost_currency",
    "cost_amount",
    "cost_prompt_tokens",
    "cost_completion_tokens",
    "native_important",
    "native_archived",
    "native_removed",
    "message_count",
    "confirmed_at",
  ]
    .map((column) => `c.${column}`)
    .join(", "),
);

/**
 * The list's total order (keyset paging relies on it being total). `sort_at` is never null; the
 * nulls clause is written out because only an order that names the index's own (`desc nulls
 * last`, read backwards for "oldest") lets PostgreSQL read the first page from the index instead
 * of sorting every row.
 */
export function listOrder(sort: ListQuery["sort"]): SQL {
  return sort === "recent"
    ? sql`order by c.sort_at desc nulls last, c.connection_id asc, c.id asc`
    : sql`order by c.sort_at asc nulls first, c.connection_id desc, c.id desc`;
}

/** The overlay's columns and the keyset position of a listed row. */
export const overlayColumns = sql`o.title as o_title, o.important as o_important, o.archived as o_archived,
  o.trashed as o_trashed, o.deleted_at_provider as o_deleted,
  to_char(c.sort_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as sort_key`;

/** Rows matching `where`, counted up to `TOTAL_COUNT_CAP + 1` (the list's total and saved views' counts). */
export async function cappedCount(
  db: Database,
  connectionIds: readonly string[],
  where: readonly SQL[],
  cap = TOTAL_COUNT_CAP,
): Promise<number> {
  if (connectionIds.length === 0) return 0;
  const counted = await queryRows<{ count: number | string }>(
    db,
    sql`select count(*) as count from (select 1 ${fromIndexedConversations(connectionIds, where)} limit ${
      cap + 1
    }) capped`,
  );
  return Number(counted[0]?.count ?? 0);
}

export function fromIndexedConversations(connectionIds: readonly string[], where: readonly SQL[]): SQL {
  const ids = sql.join(
    connectionIds.map((id) => sql`${id}`),
    sql`, `,
  );
  return sql`from indexed_conversations c
    left join moderation_overlay o on o.connection_id = c.connection_id and o.conversation_id = c.id
    where c.connection_id in (${ids}) and ${sql.join([...where], sql` and `)}`;
}

export async function listFromIndex(
  db: Database,
  query: ListQuery,
  connections: readonly RowConnection[],
): Promise<ConversationPage> {
  const hash = queryHash(
    query,
    connections.map((connection) => connection.id),
  );
  const after = query.cursor ? decodeCursor(query.cursor, hash) : null;
  const notices = await connectionNotices(db, connections, { searched: Boolean(query.q) });
  if (connections.length === 0)
    return { items: [], nextCursor: null, total: 0, totalIsEstimate: false, notices };

  const connectionIds = connections.map((connection) => connection.id);
  const search = query.q ? await planSearch(db, query.q, connectionIds) : null;
  const where = wherePredicates(query, { search: search?.predicate });
  const from = fromIndexedConversations(
    connectionIds,
    after ? [...where, keysetAfter(after, query.sort)] : where,
  );
  const rows = await queryRows<ListedRow>(
    db,
    sql`select ${listedColumns}, ${overlayColumns} ${from} ${listOrder(query.sort)} limit ${query.limit + 1}`,
  );
  // A first page that holds every match is its own exact count.
  const countCap = search?.kind === "scan" ? SCANNED_SEARCH_COUNT_CAP : TOTAL_COUNT_CAP;
  const count =
    !after && rows.length <= query.limit
      ? rows.length
      : await cappedCount(db, connectionIds, where, countCap);
  const byId = new Map(connections.map((connection) => [connection.id, connection]));
  const page = rows.slice(0, query.limit);
  let items = page.flatMap((row) => {
    const connection = byId.get(row.connection_id);
    return connection ? [toConversationFromRow(connection, row)] : [];
  });
  if (query.q) items = await attachMatches(db, query.q, items);
  items = await attachLabels(db, items);
  const last = page.at(-1);
  const stillFilling = notices.some((notice) => notice.kind === "backfilling");
  return {
    items,
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor(hash, [last.sort_key, last.connection_id, last.id])
        : null,
    total: Math.min(count, countCap),
    totalIsEstimate: count > countCap || stillFilling,
    notices,
  };
}
