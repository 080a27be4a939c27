/**
 * The index's freshness as the browser sees it: each connection's sync state (`GET /api/sync`,
 * polled often while something is syncing or was asked for, rarely otherwise), and "sync now"
 * (`POST /api/sync {connectionId}`) whose completion is watched through the same poll. Requests
 * in flight are kept in the query cache, so the sidebar's Refresh and the list's Retry share them.
 */
import { queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useCallback, useEffect } from "react";
import { apiFetch } from "@/lib/client/api-client";
import { conversationKeys, conversationQueries } from "@/lib/client/conversation-queries";
import type { ConnectionSync, SyncStatus } from "@/lib/model/sync-status";

/** Poll intervals: while a sync runs or was asked for, and otherwise. */
export const BUSY_POLL_MS = 1_500;
export const IDLE_POLL_MS = 10_000;
/** A sync asked for is given up on (and the list refetched anyway) after this long. */
export const SYNC_REQUEST_TIMEOUT_MS = 60_000;

/** A sync asked for: when, and the connection's sync times at that moment. */
export interface SyncRequest {
  requestedAt: number;
  lastAttemptAt: string | null;
  lastSuccessAt: string | null;
}
export type SyncRequests = Record<string, SyncRequest>;

export const syncQueries = {
  status: () => conversationQueries.syncStatus(),
  requests: () =>
    queryOptions({
      queryKey: conversationKeys.syncRequests(),
      queryFn: (): SyncRequests => ({}),
      staleTime: Infinity,
      gcTime: Infinity,
    }),
};

const isBusy = (connection: ConnectionSync) =>
  connection.state === "syncing" || connection.state === "backfilling";

/**
 * Whether a sync asked for has finished: a sync started after the request (its attempt time
 * moved, or it succeeded since) and none is running now; or the request is too old to wait for.
 */
export function syncRequestDone(
  request: SyncRequest,
  connection: ConnectionSync | undefined,
  now: number,
): boolean {
  if (now - request.requestedAt >= SYNC_REQUEST_TIMEOUT_MS) return true;
  if (!connection) return true;
  const attempted =
    connection.lastAttemptAt !== request.lastAttemptAt || connection.lastSuccessAt !== request.lastSuccessAt;
  return attempted && connection.state !== "syncing";
}

/**
 * A value that moves whenever a sync of one of `connectionIds` (all when empty) has finished, well
 * or badly: the newest success or attempt among connections not syncing right now (a running sync
 * is left out until it ends). ISO times, so later generations compare greater.
 */
export function syncGeneration(
  status: SyncStatus | undefined,
  connectionIds: readonly string[],
): string | null {
  if (!status) return null;
  let newest: string | null = null;
  for (const connection of status.connections) {
    if (connectionIds.length > 0 && !connectionIds.includes(connection.connectionId)) continue;
    if (connection.state === "syncing") continue;
    for (const time of [connection.lastSuccessAt, connection.lastAttemptAt])
      if (time && (newest === null || time > newest)) newest = time;
  }
  return newest;
}

const NO_REQUESTS: SyncRequests = {};

function setRequests(queryClient: QueryClient, update: (requests: SyncRequests) => SyncRequests) {
  queryClient.setQueryData<SyncRequests>(conversationKeys.syncRequests(), (previous) =>
    update(previous ?? {}),
  );
}

/** Each connection's sync state, polled; finished requests refetch the lists and are dropped. */
export function useSyncStatus() {
  const queryClient = useQueryClient();
  const requests = useQuery(syncQueries.requests()).data ?? NO_REQUESTS;
  const pending = Object.keys(requests).length > 0;
  const status = useQuery({
    ...syncQueries.status(),
    refetchInterval: (query) =>
      pending || query.state.data?.connections.some(isBusy) ? BUSY_POLL_MS : IDLE_POLL_MS,
    refetchOnWindowFocus: "always",
  });

  const data = status.data;
  useEffect(() => {
    if (!data) return;
    const now = Date.now();
    const done = Object.entries(requests)
      .filter(([id, request]) =>
        syncRequestDone(
          request,
          data.connections.find((connection) => connection.connectionId === id),
          now,
        ),
      )
      .map(([id]) => id);
    if (done.length === 0) return;
    setRequests(queryClient, (previous) =>
      Object.fromEntries(Object.entries(previous).filter(([id]) => !done.includes(id))),
    );
    // The list on screen follows the sync itself (`useNewConversations`: a banner for new rows,
    // else a refetch); lists not on screen are only marked stale.
    void queryClient.invalidateQueries({ queryKey: conversationKeys.lists(), refetchType: "none" });
    void queryClient.invalidateQueries({ queryKey: ["facets"] });
    void queryClient.invalidateQueries({ queryKey: conversationKeys.viewCounts() });
  }, [data, requests, queryClient]);

  return { status, requests };
}

/** Asks for a sync of one connection now; `useSyncStatus` notices when it is done. */
export function useSyncNow() {
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (connectionId: string) =>
      apiFetch<{ queued: string[] }>("/api/sync", { method: "POST", json: { connectionId } }),
    onMutate: (connectionId) => {
      const current = queryClient
        .getQueryData<SyncStatus>(conversationKeys.syncStatus())
        ?.connections.find((connection) => connection.connectionId === connectionId);
      setRequests(queryClient, (previous) => ({
        ...previous,
        [connectionId]: {
          requestedAt: Date.now(),
          lastAttemptAt: current?.lastAttemptAt ?? null,
          lastSuccessAt: current?.lastSuccessAt ?? null,
        },
      }));
    },
    onError: (_error, connectionId) =>
      setRequests(queryClient, (previous) =>
        Object.fromEntries(Object.entries(previous).filter(([id]) => id !== connectionId)),
      ),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: conversationKeys.syncStatus() }),
  });
  const { mutate } = mutation;
  const syncNow = useCallback(
    (connectionId: string, options?: { onError?: (error: Error) => void }) =>
      mutate(connectionId, { onError: (error) => options?.onError?.(error) }),
    [mutate],
  );
  return { syncNow, error: mutation.error };
}
