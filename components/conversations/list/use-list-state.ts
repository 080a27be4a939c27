"use client";
/**
 * The list's state lives in the URL (nuqs, `listSearchParams`), so a copied link shows exactly what
 * its sender saw and Back/Forward step through it. The contract of each setter:
 * - filters, search, sort and date range: `replace` (typing must not flood the history), and they
 *   always drop `cursor`, because a cursor only makes sense for the query that produced it;
 * - view, page, page size and opening/closing a conversation: `push`, so Back undoes them.
 */
import { createSerializer, useQueryStates } from "nuqs";
import { useCallback, useMemo } from "react";
import type { View } from "@/lib/conversations/api-schemas";
import type { ListParams } from "@/lib/client/conversation-queries";
import { encodeOpenKey, listSearchParams, type ListSearchParams } from "@/lib/conversations/search-params";

/** URL keys whose value is a list of filter values. */
export const listFilterKeys = [
  "connection",
  "channelType",
  "channel",
  "responder",
  "version",
  "status",
  "label",
  "assignee",
  "reviewState",
  "owner",
] as const;
export type ListFilterKey = (typeof listFilterKeys)[number];

/** What "Reset all" clears: every filter and the search, but not the view, sort or page size. */
export const clearedFilters = {
  connection: [],
  channelType: [],
  channel: [],
  responder: [],
  version: [],
  status: [],
  assignee: [],
  reviewState: [],
  owner: [],
  from: null,
  to: null,
  q: "",
} satisfies Partial<ListSearchParams>;

const serialize = createSerializer(listSearchParams);

export function hasActiveFilters(state: ListParams): boolean {
  return listFilterKeys.some((key) => state[key].length > 0) || Boolean(state.from || state.to || state.q);
}

export function useListState() {
  const [state, setState] = useQueryStates(listSearchParams, { history: "push" });

  const params: ListParams = useMemo(() => {
    const { open: _open, ...rest } = state;
    return rest;
  }, [state]);

  /** Filter edits: replace the history entry and go back to the first page. */
  const setFilters = useCallback(
    (patch: Partial<ListSearchParams>) => setState({ ...patch, cursor: null }, { history: "replace" }),
    [setState],
  );

  const setView = useCallback((view: View) => setState({ view, cursor: null, open: null }), [setState]);

  const setCursor = useCallback((cursor: string | null) => setState({ cursor }), [setState]);

  const setLimit = useCallback(
    (limit: ListSearchParams["limit"]) => setState({ limit, cursor: null }),
    [setState],
  );

  /**
   * Opens a conversation beside the list (or closes it with `null`). `replace` is for moving
   * through rows while the panel stays open, so j/k do not fill the history.
   */
  const setOpen = useCallback(
    (target: { connectionId: string; id: string } | null, options: { replace?: boolean } = {}) =>
      setState(
        { open: target ? encodeOpenKey(target.connectionId, target.id) : null },
        { history: options.replace ? "replace" : "push" },
      ),
    [setState],
  );

  /** The list's query string without the open conversation, for links to the full-page thread. */
  const listQueryString = useMemo(() => serialize({ ...params }), [params]);

  return useMemo(
    () => ({ state, params, setState, setFilters, setView, setCursor, setLimit, setOpen, listQueryString }),
    [state, params, setState, setFilters, setView, setCursor, setLimit, setOpen, listQueryString],
  );
}

export type ListState = ReturnType<typeof useListState>;
