/**
 * The one query-key factory and the fetchers for conversations. Keys go from general to specific
 * (`["conversations", "list", params]`), so moderation can invalidate every list with one prefix.
 */
import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-client";
import type { AuditRow } from "@/lib/audit/schemas";
import type { BulkJob, BulkRequest, ModerationState } from "@/lib/conversations/api-schemas";
import type { ConversationPage, Facets, MessagePage, ThreadPage } from "@/lib/model/conversation";
import type { SyncStatus } from "@/lib/model/sync-status";
import type { ListSearchParams } from "@/lib/conversations/search-params";
import type { ViewCounts } from "@/lib/model/saved-views";
import { filterDefinitions } from "@/lib/model/filter-labels";

const valueFilterParams = Object.values(filterDefinitions).flatMap((definition) =>
  definition.kind === "values" ? definition.params : [],
);

/** The list query as the API takes it (the URL state minus the open conversation). */
export type ListParams = Omit<ListSearchParams, "open">;

export function listApiUrl(params: ListParams): string {
  const search = new URLSearchParams();
  if (params.connection.length > 0) search.set("connection", params.connection.join(","));
  // The value filters of the registry, each under its one name (`lib/model/filter-labels.ts`).
  for (const key of valueFilterParams) if (params[key].length > 0) search.set(key, params[key].join(","));
  if (params.view !== "inbox") search.set("view", params.view);
  if (params.from) search.set("from", params.from);
  if (params.to) search.set("to", params.to);
  if (params.q) search.set("q", params.q);
  if (params.sort !== "recent") search.set("sort", params.sort);
  if (params.cursor) search.set("cursor", params.cursor);
  search.set("limit", String(params.limit));
  return `/api/conversations?${search.toString()}`;
}

const conversationPath = (connectionId: string, conversationId: string) =>
  `/api/conversations/${encodeURIComponent(connectionId)}/${encodeURIComponent(conversationId)}`;

export const conversationKeys = {
  all: ["conversations"] as const,
  lists: () => [...conversationKeys.all, "list"] as const,
  list: (params: ListParams) => [...conversationKeys.lists(), params] as const,
  threads: () => [...conversationKeys.all, "thread"] as const,
  thread: (connectionId: string, conversationId: string) =>
    [...conversationKeys.threads(), connectionId, conversationId] as const,
  messages: (connectionId: string, conversationId: string) =>
    [...conversationKeys.thread(connectionId, conversationId), "messages"] as const,
  history: (connectionId: string, conversationId: string) =>
    [...conversationKeys.thread(connectionId, conversationId), "history"] as const,
  facets: (connectionIds: readonly string[]) => ["facets", [...connectionIds].sort()] as const,
  /** The newest rows of a list after a sync (`generation`), for the "N new conversations" banner. */
  newer: (params: ListParams, generation: string) =>
    [...conversationKeys.all, "newer", params, generation] as const,
  /** Each connection's sync state (`GET /api/sync`). */
  syncStatus: () => ["sync", "status"] as const,
  /** Syncs asked for from this browser and not finished yet (client state kept in the cache). */
  syncRequests: () => ["sync", "requests"] as const,
  bulkJob: (id: string) => ["bulk", id] as const,
  /** The label set (admin-managed; everyone reads it). */
  labels: () => ["labels"] as const,
  labelsOf: (connectionId: string, conversationId: string) =>
    [...conversationKeys.thread(connectionId, conversationId), "labels"] as const,
  /** A conversation's internal notes, and the users a mention may name. */
  notesOf: (connectionId: string, conversationId: string) =>
    [...conversationKeys.thread(connectionId, conversationId), "notes"] as const,
  userDirectory: () => ["users", "directory"] as const,
  /**
   * The sidebar's count of every built-in and saved view (`GET /api/views/counts`). Not under
   * `lists()` (whose entries are pages): whatever invalidates the lists after a change invalidates
   * this too.
   */
  viewCounts: () => [...conversationKeys.all, "view-counts"] as const,
};

/** How many of a view's newest rows the banner looks at (the API's largest page). */
export const NEWER_PROBE_LIMIT = 100;

/** One row of a conversation's history: its audit rows. */
export type HistoryEntry = AuditRow;

export const THREAD_PAGE_SIZE = 200;

export const conversationQueries = {
  list: (params: ListParams) =>
    queryOptions({
      queryKey: conversationKeys.list(params),
      queryFn: ({ signal }) => apiFetch<ConversationPage>(listApiUrl(params), { signal }),
      placeholderData: (previous) => previous,
    }),
  thread: (connectionId: string, conversationId: string) =>
    queryOptions({
      queryKey: conversationKeys.thread(connectionId, conversationId),
      queryFn: ({ signal }) =>
        apiFetch<ThreadPage>(`${conversationPath(connectionId, conversationId)}?limit=${THREAD_PAGE_SIZE}`, {
          signal,
        }),
    }),
  /** Later pages of a thread; the first page comes with the thread. */
  messages: (connectionId: string, conversationId: string, firstCursor: string | null) =>
    infiniteQueryOptions({
      queryKey: [...conversationKeys.messages(connectionId, conversationId), firstCursor] as const,
      initialPageParam: firstCursor,
      queryFn: ({ pageParam, signal }) =>
        apiFetch<MessagePage>(
          `${conversationPath(connectionId, conversationId)}/messages?limit=1000${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ""}`,
          { signal },
        ),
      getNextPageParam: (last) => last.nextCursor,
      enabled: firstCursor !== null,
    }),
  history: (connectionId: string, conversationId: string) =>
    queryOptions({
      queryKey: conversationKeys.history(connectionId, conversationId),
      queryFn: ({ signal }) =>
        apiFetch<{ items: HistoryEntry[] }>(`${conversationPath(connectionId, conversationId)}/history`, {
          signal,
        }),
    }),
  /** The first page of the same list, as large as the API allows, after the sync `generation`. */
  newer: (params: ListParams, generation: string) =>
    queryOptions({
      queryKey: conversationKeys.newer(params, generation),
      queryFn: ({ signal }) =>
        apiFetch<ConversationPage>(listApiUrl({ ...params, cursor: null, limit: NEWER_PROBE_LIMIT }), {
          signal,
        }),
      staleTime: Infinity,
    }),
  facets: (connectionIds: readonly string[]) =>
    queryOptions({
      queryKey: conversationKeys.facets(connectionIds),
      queryFn: ({ signal }) =>
        apiFetch<Facets>(
          `/api/facets${connectionIds.length ? `?connection=${connectionIds.map(encodeURIComponent).join(",")}` : ""}`,
          {
            signal,
          },
        ),
      staleTime: 60_000,
    }),
  /** Each connection's sync state (`GET /api/sync`); polled by `useSyncStatus`. */
  syncStatus: () =>
    queryOptions({
      queryKey: conversationKeys.syncStatus(),
      queryFn: ({ signal }) => apiFetch<SyncStatus>("/api/sync", { signal }),
      staleTime: 1_000,
    }),
  viewCounts: () =>
    queryOptions({
      queryKey: conversationKeys.viewCounts(),
      queryFn: ({ signal }) => apiFetch<ViewCounts>("/api/views/counts", { signal }),
      staleTime: 15_000,
      // Background syncs add conversations without anyone asking: the counts catch up within a minute.
      refetchInterval: 60_000,
    }),
  /** A bulk job's progress; always read afresh while the job runs. */
  bulkJob: (id: string) =>
    queryOptions({
      queryKey: conversationKeys.bulkJob(id),
      queryFn: ({ signal }) => apiFetch<BulkJob>(`/api/bulk/${encodeURIComponent(id)}`, { signal }),
      staleTime: 0,
    }),
};

/** The list query as the bulk API's filter target: the list's parameters without cursor and page size. */
export function listFilterTarget(params: ListParams): Record<string, string> {
  const search = new URL(listApiUrl(params), "http://parley.invalid").searchParams;
  search.delete("cursor");
  search.delete("limit");
  return Object.fromEntries(search);
}

/** `POST /api/bulk`: starts a job on the server; answers its progress. */
export function startBulkRequest(body: BulkRequest) {
  return apiFetch<BulkJob>("/api/bulk", { method: "POST", json: body });
}

/** `POST /api/bulk/:id/retry` or `/undo`: a new job for the failed rows, or undoing the changed ones. */
export function followUpBulkRequest(id: string, kind: "retry" | "undo") {
  return apiFetch<BulkJob>(`/api/bulk/${encodeURIComponent(id)}/${kind}`, { method: "POST" });
}

export function moderateConversationRequest(
  connectionId: string,
  conversationId: string,
  change: { important?: boolean; archived?: boolean; title?: string | null; trashed?: boolean },
) {
  return apiFetch<{ state: ModerationState }>(conversationPath(connectionId, conversationId), {
    method: "PATCH",
    json: change,
  });
}

export function deleteAtProviderRequest(connectionId: string, conversationId: string, confirm: string) {
  return apiFetch<null>(conversationPath(connectionId, conversationId), {
    method: "DELETE",
    json: { confirm },
  });
}
