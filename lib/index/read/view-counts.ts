/**
 * How many conversations each of several views holds (the sidebar's counts), in one statement:
 * one pass over the index with a `count(*) filter (where …)` per view, each view's filter being
 * the list's own predicates (`wherePredicates`) over the view's connections. Counts are capped
 * like the list's total, so a view's count is what its list says it holds.
 */
import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import type { ListQuery } from "@/lib/model/list-query";
import { wherePredicates } from "./filter-sql";
import { fromIndexedConversations, TOTAL_COUNT_CAP } from "./list";
import { indexStatuses } from "./notices";
import { queryRows } from "./rows";

export interface ViewToCount {
  /** The connections the view reads (already resolved: never empty for "every connection"). */
  connectionIds: readonly string[];
  query: ListQuery;
}

export interface ViewCount {
  count: number;
  /** More than the cap, or one of the view's connections is still backfilling (as the list says). */
  isEstimate: boolean;
}

const inIds = (ids: readonly string[]): SQL =>
  sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );

/** Each view's count, in the order given; `allConnectionIds` bounds the one scan. */
export async function countViewsFromIndex(
  db: Database,
  allConnectionIds: readonly string[],
  views: readonly ViewToCount[],
): Promise<ViewCount[]> {
  const counted = views.filter((view) => view.connectionIds.length > 0);
  const scanned = allConnectionIds.filter((id) => counted.some((view) => view.connectionIds.includes(id)));
  if (counted.length === 0 || scanned.length === 0) return views.map(() => ({ count: 0, isEstimate: false }));
  const columns = views.map((view, index) => {
    const where = [sql`c.connection_id in (${inIds(view.connectionIds)})`, ...wherePredicates(view.query)];
    return view.connectionIds.length === 0
      ? sql`0 as ${sql.identifier(`v${index}`)}`
      : sql`count(*) filter (where ${sql.join(where, sql` and `)}) as ${sql.identifier(`v${index}`)}`;
  });
  const [[row], statuses] = await Promise.all([
    queryRows<Record<string, number | string>>(
      db,
      sql`select ${sql.join(columns, sql`, `)} ${fromIndexedConversations(scanned, [sql`true`])}`,
    ),
    indexStatuses(db, scanned),
  ]);
  const backfilling = new Set(
    [...statuses].flatMap(([id, status]) => (status.state === "backfilling" ? [id] : [])),
  );
  return views.map((view, index) => {
    const count = Number(row?.[`v${index}`] ?? 0);
    return {
      count: Math.min(count, TOTAL_COUNT_CAP),
      isEstimate: count > TOTAL_COUNT_CAP || view.connectionIds.some((id) => backfilling.has(id)),
    };
  });
}
