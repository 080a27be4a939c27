/**
 * The costs of a list filter (`GET /api/analytics/costs`) for the browser: the URL it asks, from
 * the same list parameters the conversation list sends, and its query options. Keys start with
 * `["costs"]`, so moderation that changes the list can invalidate them with one prefix.
 */
import { queryOptions } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-client";
import { listApiUrl, type ListParams } from "@/lib/client/conversation-queries";
import type { CostGrouping, CostsAnswer, CostStacking } from "@/lib/model/costs";

export interface CostsRequest {
  groupBy?: CostGrouping;
  stackBy?: CostStacking;
  lineItems?: boolean;
}

/** The list's filter parameters (not its sort, cursor or page size) and the grouping. */
export function costsApiUrl(params: ListParams, request: CostsRequest = {}): string {
  const search = new URLSearchParams(listApiUrl(params).split("?")[1] ?? "");
  for (const key of ["sort", "cursor", "limit"]) search.delete(key);
  if (request.groupBy) search.set("groupBy", request.groupBy);
  if (request.stackBy) search.set("stackBy", request.stackBy);
  if (request.lineItems) search.set("lineItems", "true");
  const query = search.toString();
  return `/api/analytics/costs${query ? `?${query}` : ""}`;
}

/** The filter part of the list parameters: what changes the costs (not the page or its size). */
function filterKey(params: ListParams): Omit<ListParams, "sort" | "cursor" | "limit"> {
  const { sort: _sort, cursor: _cursor, limit: _limit, ...filters } = params;
  return filters;
}

export const costKeys = {
  all: ["costs"] as const,
  costs: (params: ListParams, request: CostsRequest) =>
    [
      ...costKeys.all,
      filterKey(params),
      request.groupBy ?? null,
      request.stackBy ?? null,
      request.lineItems ?? false,
    ] as const,
};

export const costQueries = {
  costs: (params: ListParams, request: CostsRequest = {}) =>
    queryOptions({
      queryKey: costKeys.costs(params, request),
      queryFn: ({ signal }) => apiFetch<CostsAnswer>(costsApiUrl(params, request), { signal }),
      placeholderData: (previous) => previous,
      staleTime: 30_000,
    }),
};
