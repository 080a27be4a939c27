/**
 * Turns a list query into a plan per connection: which filters go to the provider, which are
 * checked on a bounded scan, and which connections must be left out because they cannot apply a
 * filter at all. Nothing is silently ignored: every scan and exclusion becomes a notice.
 */
import type { NativeFilters } from "@/lib/providers/contract";
import type { ListQuery, View } from "./api-schemas";
import type { ConnectionHandle } from "@/lib/connections/connection-handle";
import type { Conversation, FilterKey } from "@/lib/model/conversation";
import { providerLabels } from "@/lib/model/constants";
import { viewPredicate } from "@/lib/model/views";

export const filterLabels: Record<FilterKey, string> = {
  channel: "channel",
  channelType: "channel type",
  responder: "responder",
  version: "version",
  status: "status",
  owner: "owner",
  dateRange: "date range",
  search: "search",
};

export type ConversationPredicate = (conversation: Conversation) => boolean;

export interface SourcePlan {
  handle: ConnectionHandle;
  /** `provider`: page through the provider's list. `overlay`: read the ids Parley flagged, one by one. */
  mode: "provider" | "overlay";
  overlayFlag: "important" | "archived" | "trashed" | null;
  nativeFilters: NativeFilters;
  predicates: ConversationPredicate[];
  /** Filters checked by Parley on a bounded scan (for the notice). */
  scannedFilters: FilterKey[];
}

export interface Exclusion {
  handle: ConnectionHandle;
  reason: string;
}

/** The filters a query uses, keyed by Parley's filter names. */
export function usedFilters(query: ListQuery): FilterKey[] {
  const used: FilterKey[] = [];
  if (query.channel.length) used.push("channel");
  if (query.channelType.length) used.push("channelType");
  if (query.responder.length) used.push("responder");
  if (query.version.length) used.push("version");
  if (query.status.length) used.push("status");
  if (query.owner.length) used.push("owner");
  if (query.from || query.to) used.push("dateRange");
  if (query.q) used.push("search");
  return used;
}

function nativeFilter(query: ListQuery, key: FilterKey): NativeFilters {
  switch (key) {
    case "channel":
      return { channelIds: query.channel };
    case "channelType":
      return { channelTypes: query.channelType };
    case "responder":
      return { responderIds: query.responder };
    case "version":
      return { versionIds: query.version };
    case "status":
      return { statuses: query.status };
    case "owner":
      return { ownerIds: query.owner };
    case "dateRange":
      return { from: query.from, to: query.to };
    case "search":
      return { search: query.q };
    default: {
      const unreachable: never = key;
      return unreachable;
    }
  }
}

const inList = (values: readonly string[], value: string | null | undefined) =>
  value != null && values.includes(value);

export function filterPredicate(query: ListQuery, key: FilterKey): ConversationPredicate {
  switch (key) {
    case "channel":
      return (c) => inList(query.channel, c.channel?.id);
    case "channelType":
      return (c) => inList(query.channelType, c.channel?.type);
    case "responder":
      return (c) => inList(query.responder, c.responder?.id);
    case "version":
      return (c) => inList(query.version, c.version?.id);
    case "status":
      return (c) => inList(query.status, c.status);
    case "owner":
      return (c) => inList(query.owner, c.owner?.id) || inList(query.owner, c.owner?.identifier);
    case "dateRange":
      return (c) => {
        if (!c.lastActivityAt) return false;
        const time = Date.parse(c.lastActivityAt);
        return (!query.from || time >= Date.parse(query.from)) && (!query.to || time <= Date.parse(query.to));
      };
    case "search": {
      const needle = (query.q ?? "").toLocaleLowerCase();
      return (c) =>
        [
          c.title,
          c.providerTitle,
          c.preview,
          c.owner?.name,
          c.owner?.identifier,
          c.responder?.name,
          c.id,
        ].some((text) => text != null && text.toLocaleLowerCase().includes(needle));
    }
    default: {
      const unreachable: never = key;
      return unreachable;
    }
  }
}

function overlayFlagFor(view: View, handle: ConnectionHandle): SourcePlan["overlayFlag"] {
  const native = handle.adapter.capabilities.moderation;
  if (view === "trash") return "trashed";
  if (view === "important" && !native.important) return "important";
  if (view === "archived" && !native.archived) return "archived";
  return null;
}

export function planSources(
  query: ListQuery,
  handles: readonly ConnectionHandle[],
): { plans: SourcePlan[]; exclusions: Exclusion[] } {
  const plans: SourcePlan[] = [];
  const exclusions: Exclusion[] = [];
  const filters = usedFilters(query);
  for (const handle of handles) {
    const capabilities = handle.adapter.capabilities;
    const label = providerLabels[handle.provider];
    const unsupported = filters.filter((key) => capabilities.filters[key] === "unsupported");
    if (unsupported.length > 0) {
      exclusions.push({
        handle,
        reason: `${label} has no ${unsupported.map((key) => filterLabels[key]).join(" or ")} to filter on, so this connection is left out.`,
      });
      continue;
    }
    const overlayFlag = overlayFlagFor(query.view, handle);
    if (query.sort === "oldest" && !capabilities.sortOldest && overlayFlag === null) {
      exclusions.push({
        handle,
        reason: `${label} can only list newest first, so this connection is left out of an oldest-first list.`,
      });
      continue;
    }
    const mode = overlayFlag ? "overlay" : "provider";
    let nativeFilters: NativeFilters = {};
    const predicates: ConversationPredicate[] = [viewPredicate(query.view)];
    const scannedFilters: FilterKey[] = [];
    for (const key of filters) {
      if (mode === "provider" && capabilities.filters[key] === "native")
        nativeFilters = { ...nativeFilters, ...nativeFilter(query, key) };
      else {
        predicates.push(filterPredicate(query, key));
        scannedFilters.push(key);
      }
    }
    plans.push({ handle, mode, overlayFlag, nativeFilters, predicates, scannedFilters });
  }
  return { plans, exclusions };
}
