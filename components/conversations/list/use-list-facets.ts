"use client";
/**
 * The toolbar's view of `/api/facets`: the options of each filter for the selected connections
 * (all connections when none is selected), merged across connections, and what each connection can
 * apply. The unfiltered facets also give the full list of connections for the connection filter.
 */
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import type { ConnectionFacets } from "@/lib/model/conversation";
import { filterDefinitions, type FacetKey } from "@/lib/model/filter-labels";
import { conversationQueries } from "@/lib/client/conversation-queries";
import { mergeOptions, type FilterOption } from "./filter-support";
import type { ListFilterKey } from "./use-list-state";

export interface FacetFilterDefinition {
  /** The URL key. */
  param: Exclude<ListFilterKey, "connection" | "owner">;
  /** The key of the filter in the registry (and of its facet and per-connection presence). */
  support: FacetKey;
  label: string;
}

/** The facet filters of the registry (`lib/model/filters.ts`), in the toolbar's order. */
export const facetFilters: readonly FacetFilterDefinition[] = (
  ["channelType", "channel", "responder", "version", "status", "label", "assignee", "reviewState"] as const
).map((key) => ({ param: key, support: key, label: filterDefinitions[key].label }));

export interface ListFacets {
  /** Every connection the user can see. */
  allConnections: ConnectionFacets[];
  /** The connections the list asks (the selected ones, or all). */
  activeConnections: ConnectionFacets[];
  connectionOptions: FilterOption[];
  options: Record<FacetFilterDefinition["param"], FilterOption[]>;
  loading: boolean;
}

const emptyOptions = {
  channelType: [],
  channel: [],
  responder: [],
  version: [],
  status: [],
  label: [],
  assignee: [],
  reviewState: [],
};

/** "Me" first among the assignees (the server reads `me` as whoever asks). */
const meOption: FilterOption = { value: "me", label: "Me", detail: null };

export function useListFacets(selectedConnections: string[]): ListFacets {
  const all = useQuery(conversationQueries.facets([]));
  const selected = useQuery(conversationQueries.facets(selectedConnections));
  return useMemo(() => {
    const allConnections = all.data?.connections ?? [];
    const activeConnections = selected.data?.connections ?? [];
    const options: ListFacets["options"] = { ...emptyOptions };
    if (selected.data) {
      for (const definition of facetFilters)
        options[definition.param] = mergeOptions(selected.data.options[definition.support]);
      options.assignee = [meOption, ...options.assignee];
    }
    return {
      allConnections,
      activeConnections,
      connectionOptions: allConnections.map((connection) => ({
        value: connection.connectionId,
        label: connection.connectionName,
        detail: null,
      })),
      options,
      loading: all.isPending || selected.isPending,
    };
  }, [all.data, all.isPending, selected.data, selected.isPending]);
}
