/**
 * The rows a bulk job covers, read from the index with the overlay joined: the picked rows, or
 * every row the list query matches (the same view and filter predicates as the list, so "all N
 * matching" means the rows the list counted). Each row comes with its title and its current
 * flags, so rows already as asked are skipped rather than written twice.
 */
import "server-only";
import { sql } from "drizzle-orm";
import { listConnectionRows } from "@/lib/connections/repository";
import type { Database } from "@/lib/db/client";
import { wherePredicates } from "@/lib/index/read/filter-sql";
import { fromIndexedConversations, listOrder } from "@/lib/index/read/list";
import { inConversationKeys, queryRows } from "@/lib/index/read/rows";
import { invalid, notFound } from "@/lib/model/errors";
import { listQuerySchema } from "@/lib/model/list-query";
import { resolveAssigneeMe } from "@/lib/model/review";
import { BULK_MAX_ROWS, type BulkTarget } from "@/lib/conversations/api-schemas";

export interface TargetRow {
  connectionId: string;
  conversationId: string;
  title: string | null;
  /** Current flags from the index, or null when the index does not have the row. */
  flags: { important: boolean; archived: boolean; trashed: boolean } | null;
}

interface FlagRow {
  connection_id: string;
  id: string;
  title: string | null;
  important: boolean;
  archived: boolean;
  trashed: boolean;
}

const columns = sql`c.connection_id, c.id, coalesce(o.title, c.title) as title,
  coalesce(c.native_important, o.important, false) as important,
  coalesce(c.native_archived, o.archived, false) as archived,
  coalesce(o.trashed, false) as trashed`;

const toTarget = (row: FlagRow): TargetRow => ({
  connectionId: row.connection_id,
  conversationId: row.id,
  title: row.title,
  flags: { important: row.important, archived: row.archived, trashed: row.trashed },
});

const pairKey = (connectionId: string, conversationId: string) => `${connectionId}\u0000${conversationId}`;

async function selectedRows(
  db: Database,
  selection: readonly { connectionId: string; conversationId: string }[],
): Promise<TargetRow[]> {
  const unique = [
    ...new Map(selection.map((row) => [pairKey(row.connectionId, row.conversationId), row])).values(),
  ];
  const found = new Map<string, TargetRow>();
  for (let start = 0; start < unique.length; start += 2_000) {
    const chunk = unique.slice(start, start + 2_000);
    const rows = await queryRows<FlagRow>(
      db,
      sql`select ${columns} from indexed_conversations c
        left join moderation_overlay o on o.connection_id = c.connection_id and o.conversation_id = c.id
        where ${inConversationKeys(sql`(c.connection_id, c.id)`, chunk)}`,
    );
    for (const row of rows) found.set(pairKey(row.connection_id, row.id), toTarget(row));
  }
  return unique.map(
    (row) =>
      found.get(pairKey(row.connectionId, row.conversationId)) ?? {
        connectionId: row.connectionId,
        conversationId: row.conversationId,
        title: null,
        flags: null,
      },
  );
}

async function matchingRows(
  db: Database,
  filter: Record<string, string | string[]>,
  actorId: string,
): Promise<TargetRow[]> {
  const query = resolveAssigneeMe(listQuerySchema.parse(filter), actorId);
  const known = (await listConnectionRows(db)).map((row) => row.id);
  const wantsAll = query.connection.length === 0 || query.connection.includes("all");
  const unknown = wantsAll ? [] : query.connection.filter((id) => !known.includes(id));
  if (unknown.length > 0)
    throw notFound(`No connection with id ${unknown.map((id) => `"${id.slice(0, 60)}"`).join(", ")}.`);
  const ids = wantsAll ? known : query.connection;
  if (ids.length === 0) return [];
  const rows = await queryRows<FlagRow>(
    db,
    sql`select ${columns} ${fromIndexedConversations(ids, wherePredicates(query))} ${listOrder("recent")} limit ${BULK_MAX_ROWS + 1}`,
  );
  if (rows.length > BULK_MAX_ROWS)
    throw invalid(
      `More than ${BULK_MAX_ROWS.toLocaleString("en")} conversations match; narrow the filters and run it in parts.`,
    );
  return rows.map(toTarget);
}

/** `actorId`: who starts the job (a filter's `assignee=me`). */
export function resolveTarget(db: Database, target: BulkTarget, actorId: string): Promise<TargetRow[]> {
  return "selection" in target
    ? selectedRows(db, target.selection)
    : matchingRows(db, target.filter, actorId);
}
