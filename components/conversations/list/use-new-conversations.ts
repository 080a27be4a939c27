"use client";
/**
 * Follows the syncs of the connections in view (`syncGeneration`, from the sidebar's poll of
 * `GET /api/sync`) for the list on screen. On the first page of a newest-first list, a finished
 * sync asks for the same query's newest rows (one index read, `conversationQueries.newer`) and
 * counts those new to the view (`countNewRows`): some → the "N new conversations" banner, whose
 * click refetches the list; none → the list is refetched quietly (notices and ages update). On
 * other pages, where new rows would not appear, the list is simply refetched.
 */
import { useQuery, useQueryClient, type UseQueryResult } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useState } from "react";
import {
  conversationKeys,
  conversationQueries,
  NEWER_PROBE_LIMIT,
  type ListParams,
} from "@/lib/client/conversation-queries";
import { baselineOf, countNewRows, type NewRowsBaseline } from "@/lib/client/new-conversations";
import { syncGeneration, syncQueries } from "@/lib/client/sync";
import type { ConversationPage } from "@/lib/model/conversation";
import { conversationInView } from "@/lib/model/views";

interface Baseline {
  shape: string;
  /** When the list query last answered (`dataUpdatedAt`). */
  updatedAt: number;
  /** The sync generation when the rows on screen were read (null until the poll answers). */
  generation: string | null;
  rows: NewRowsBaseline;
}

export function useNewConversations(params: ListParams, list: UseQueryResult<ConversationPage>) {
  const queryClient = useQueryClient();
  const status = useQuery(syncQueries.status()).data;
  const generation = syncGeneration(status, params.connection);
  const shape = useMemo(() => JSON.stringify(params), [params]);
  const [baseline, setBaseline] = useState<Baseline | null>(null);

  // Each settled answer of the list query on screen is the new baseline (state derived while
  // rendering: an answer equal to the last one still counts, by its time); when the poll answers
  // only after the list, that sync is the one the rows come from.
  const settledData = list.isPlaceholderData ? undefined : list.data;
  if (settledData && (baseline?.shape !== shape || baseline.updatedAt !== list.dataUpdatedAt))
    setBaseline({ shape, updatedAt: list.dataUpdatedAt, generation, rows: baselineOf(settledData.items) });
  else if (baseline && baseline.generation === null && generation !== null)
    setBaseline({ ...baseline, generation });

  const current = baseline !== null && baseline.shape === shape ? baseline : null;
  const synced =
    current !== null && current.generation !== null && generation !== null && generation > current.generation;
  const bannerApplies = params.cursor === null && params.sort === "recent";

  const probe = useQuery({
    ...conversationQueries.newer(params, generation ?? ""),
    enabled: synced && bannerApplies,
  });

  const refetchList = useCallback(
    () => void queryClient.invalidateQueries({ queryKey: conversationKeys.list(params), exact: true }),
    [queryClient, params],
  );

  const fresh =
    synced && bannerApplies && probe.data && current
      ? countNewRows(
          current.rows,
          probe.data.items.filter(conversationInView(params.view)),
          NEWER_PROBE_LIMIT,
        )
      : null;

  // Nothing new for the banner (or no banner on this page): bring the list up to date at once.
  const quietRefetch = synced && (!bannerApplies || (fresh !== null && fresh.count === 0));
  useEffect(() => {
    if (quietRefetch) refetchList();
  }, [quietRefetch, refetchList]);

  return {
    newRows: fresh !== null && fresh.count > 0 ? fresh : null,
    /** Shows the new rows: the list is read again, keeping the selection and the scroll. */
    showNewRows: refetchList,
    refreshing: list.isFetching && !list.isPlaceholderData,
  };
}
