/**
 * Filter options for the list, each labelled with the connection it comes from, plus what each
 * connection can do with each filter (so the UI can disable what a connection cannot apply).
 * Options are kept for a minute in the connection's memo: they change rarely and cost provider calls.
 */
import "server-only";
import type { ProviderFacets } from "@/lib/providers/contract";
import { isProviderError } from "@/lib/model/errors";
import type { ConnectionHandle } from "@/lib/connections/connection-handle";
import { flagHomesFor } from "./overlay";
import type { ConnectionFacets, FacetOption, Facets, Notice } from "@/lib/model/conversation";
import { filterKeys } from "@/lib/model/conversation";

const TTL_MS = 60_000;

function cachedFacets(handle: ConnectionHandle): Promise<ProviderFacets> {
  return handle.context.memo.get("facets", TTL_MS, () => handle.adapter.listFacets(handle.context));
}

export function connectionFacets(handle: ConnectionHandle, error: string | null): ConnectionFacets {
  const capabilities = handle.adapter.capabilities;
  const homes = flagHomesFor(handle);
  return {
    connectionId: handle.id,
    connectionName: handle.name,
    provider: handle.provider,
    filters: Object.fromEntries(
      filterKeys.map((key) => [key, capabilities.filters[key]]),
    ) as ConnectionFacets["filters"],
    sortOldest: capabilities.sortOldest,
    moderation: {
      important: homes.important,
      archived: homes.archived,
      title: homes.title,
      deleteAtProvider: capabilities.moderation.deleteAtProvider,
    },
    hasCosts: capabilities.costs,
    error,
  };
}

export async function listFacets(handles: readonly ConnectionHandle[]): Promise<Facets> {
  const result: Facets = {
    channels: [],
    channelTypes: [],
    responders: [],
    versions: [],
    statuses: [],
    connections: [],
    notices: [],
  };
  const answers = await Promise.all(
    handles.map(async (handle) => {
      try {
        return { handle, facets: await cachedFacets(handle), error: null as string | null };
      } catch (error) {
        const message = isProviderError(error) ? error.message : "Filter options could not be loaded.";
        return { handle, facets: null, error: message };
      }
    }),
  );
  for (const { handle, facets, error } of answers) {
    result.connections.push(connectionFacets(handle, error));
    if (error) {
      const notice: Notice = {
        kind: "failed",
        connectionId: handle.id,
        connectionName: handle.name,
        provider: handle.provider,
        message: error,
        code: null,
      };
      result.notices.push(notice);
      continue;
    }
    if (!facets) continue;
    const label = (values: ProviderFacets[keyof ProviderFacets]): FacetOption[] =>
      values.map((value) => ({ ...value, connectionId: handle.id, connectionName: handle.name }));
    result.channels.push(...label(facets.channels));
    result.channelTypes.push(...label(facets.channelTypes));
    result.responders.push(...label(facets.responders));
    result.versions.push(...label(facets.versions));
    result.statuses.push(...label(facets.statuses));
  }
  return result;
}
