"use client";
/**
 * The list page's data: the API page for the URL state (React Query; the previous page stays on
 * screen while the next loads), the rows still in the view after optimistic moderation (same
 * rules as the server, `conversationInView`), where this page sits, and why the list is empty.
 */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useMemo } from "react";
import { ApiRequestError } from "@/lib/client/api-client";
import { conversationInView } from "@/lib/model/views";
import { conversationQueries, type ListParams } from "@/lib/client/conversation-queries";
import type { EmptyReason } from "./list-empty-state";
import { queryShape, rememberNextPage, usePagePosition } from "./page-memory";
import type { ListFacets } from "./use-list-facets";
import { hasActiveFilters } from "./use-list-state";

export function useListData(params: ListParams, facets: ListFacets) {
  const queryClient = useQueryClient();
  const query = useQuery(conversationQueries.list(params));
  const shape = queryShape(params);
  const position = usePagePosition(shape, params.cursor);
  const { view } = params;
  const page = query.data;

  const rows = useMemo(() => (page?.items ?? []).filter(conversationInView(view)), [page, view]);
  // While the next page loads, the old one stays visible but its cursor must not be followed.
  const settled = !query.isPlaceholderData;
  const nextCursor = settled ? (page?.nextCursor ?? null) : null;

  const goNext = useCallback(
    (setCursor: (cursor: string) => void) => {
      if (!nextCursor) return;
      if (position) rememberNextPage(shape, params.cursor, position.page, nextCursor);
      setCursor(nextCursor);
    },
    [nextCursor, position, shape, params.cursor],
  );

  const prefetchNext = useCallback(() => {
    if (nextCursor)
      void queryClient.prefetchQuery(conversationQueries.list({ ...params, cursor: nextCursor }));
  }, [nextCursor, params, queryClient]);

  let emptyReason: EmptyReason | null = null;
  if (query.isError && !page) {
    const error = query.error;
    emptyReason = {
      kind: "request-failed",
      message: error.message,
      staleCursor: Boolean(params.cursor) && error instanceof ApiRequestError && error.status === 400,
    };
  } else if (page && settled && rows.length === 0) {
    const failed = page.notices.filter((notice) => notice.kind === "failed");
    const asked = facets.activeConnections.length;
    // Until the facets say how many connections were asked, one failure is not "every" failure.
    if (!facets.loading && facets.allConnections.length === 0) emptyReason = { kind: "no-connections" };
    else if (failed.length > 0 && asked > 0 && failed.length >= asked)
      emptyReason = { kind: "all-failed", connections: failed.map((notice) => notice.connectionName) };
    else if (hasActiveFilters(params)) emptyReason = { kind: "no-matches" };
    else emptyReason = { kind: "empty-view", view };
  }

  return {
    query,
    rows,
    notices: page?.notices ?? [],
    total: settled ? (page?.total ?? null) : null,
    /** The total is a lower bound ("10,000+"): counting stopped, or connections are still backfilling. */
    totalIsEstimate: page?.totalIsEstimate ?? false,
    nextCursor,
    position,
    loading: query.isPending,
    busy: query.isFetching && query.isPlaceholderData,
    emptyReason,
    goNext,
    prefetchNext,
  };
}
