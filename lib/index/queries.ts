/**
 * The index's read API for route handlers: the conversation list and the facets of the selected
 * connections (`[]` or `["all"]`: every connection; an unknown id is a 404).
 */
import "server-only";
import type { ConnectionHandle } from "@/lib/connections/connection-handle";
import { selectHandles } from "@/lib/connections/runtime";
import type { Database } from "@/lib/db/client";
import type { ConversationPage, Facets } from "@/lib/model/conversation";
import type { ListQuery } from "@/lib/model/list-query";
import type { ReviewStats, ReviewStatsQuery } from "@/lib/model/review";
import { facetsFromIndex } from "./read/facets";
import { reviewStatsFromIndex } from "./read/review-stats";
import { cappedCount, listFromIndex, TOTAL_COUNT_CAP } from "./read/list";
import { wherePredicates } from "./read/filter-sql";
import type { RowConnection } from "./store/conversation-rows";

export function rowConnection(handle: ConnectionHandle): RowConnection {
  return {
    id: handle.id,
    name: handle.name,
    provider: handle.provider,
    capabilities: handle.adapter.capabilities,
  };
}

export async function listConversations(db: Database, query: ListQuery): Promise<ConversationPage> {
  const handles = await selectHandles(db, query.connection);
  return listFromIndex(db, query, handles.map(rowConnection));
}

export async function listFacets(db: Database, selection: readonly string[]): Promise<Facets> {
  const handles = await selectHandles(db, selection);
  return facetsFromIndex(db, handles.map(rowConnection));
}

/** The selected connections as the index's readers need them (exports page through them). */
export async function selectRowConnections(
  db: Database,
  selection: readonly string[],
): Promise<RowConnection[]> {
  return (await selectHandles(db, selection)).map(rowConnection);
}

/** How many conversations a list query matches, with the list's cap (saved views' counts). */
export async function countConversations(
  db: Database,
  query: ListQuery,
): Promise<{ count: number; isEstimate: boolean }> {
  const connections = await selectRowConnections(db, query.connection);
  const count = await cappedCount(
    db,
    connections.map((connection) => connection.id),
    wherePredicates(query),
  );
  return { count: Math.min(count, TOTAL_COUNT_CAP), isEstimate: count > TOTAL_COUNT_CAP };
}

/** Review progress (per reviewer, per responder) of what a list query selects. */
export async function listReviewStats(db: Database, query: ReviewStatsQuery): Promise<ReviewStats> {
  const connections = await selectRowConnections(db, query.connection);
  return reviewStatsFromIndex(
    db,
    query,
    connections.map((connection) => connection.id),
  );
}
