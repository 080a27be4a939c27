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
import { listFromIndex } from "./read/list";
import { cachedJson } from "./read/read-cache";
import { countViewsFromIndex, type ViewCount } from "./read/view-counts";
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

/**
 * `listConversations` as the JSON the list route answers, kept until the next write on the
 * embedded database (`read/read-cache.ts`).
 */
export function listConversationsJson(db: Database, query: ListQuery): Promise<string> {
  return cachedJson(db, `list\u0000${JSON.stringify(query)}`, () => listConversations(db, query));
}

/** `listFacets` as the JSON the facets route answers, kept like the list's. */
export function listFacetsJson(db: Database, selection: readonly string[]): Promise<string> {
  return cachedJson(db, `facets\u0000${JSON.stringify(selection)}`, () => listFacets(db, selection));
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

/**
 * How many conversations each list query matches (the sidebar's counts), in one statement, capped
 * like the list's total. A query naming a connection that no longer exists counts as unknown (null),
 * where its list would answer 404.
 */
export async function countViews(db: Database, queries: readonly ListQuery[]): Promise<(ViewCount | null)[]> {
  const all = (await selectRowConnections(db, [])).map((connection) => connection.id);
  const known = new Set(all);
  const resolved = queries.map((query) => {
    if (query.connection.length === 0 || query.connection.includes("all")) return all;
    return query.connection.every((id) => known.has(id)) ? query.connection : null;
  });
  const counts = await countViewsFromIndex(
    db,
    all,
    queries.flatMap((query, index) => {
      const connectionIds = resolved[index];
      return connectionIds ? [{ query, connectionIds }] : [];
    }),
  );
  let next = 0;
  return resolved.map((connectionIds) => (connectionIds ? (counts[next++] ?? null) : null));
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
