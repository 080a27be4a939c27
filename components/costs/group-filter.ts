/**
 * A row of the Costs page as a list filter: the page's filters narrowed to the row's group (its
 * connection, responder, channel or label; a day's or week's date range), for the link to the list
 * and for "Export these conversations". Null when no list filter selects exactly the row's
 * conversations (a group without a value, such as "No label"; a label outside the page's label
 * filter, since the list's label filter is "any of"). Pure.
 */
import { createSerializer } from "nuqs";
import type { ListParams } from "@/lib/client/conversation-queries";
import { listSearchParams } from "@/lib/conversations/search-params";
import type { CostGroup, CostGrouping } from "@/lib/model/costs";
import { canonicalListQuery } from "@/lib/model/list-query-string";

/** The groupings of the breakdown tables. */
export type BreakdownGrouping = Extract<CostGrouping, "connection" | "responder" | "channel" | "label">;

export function groupParams(
  params: ListParams,
  grouping: BreakdownGrouping,
  group: Pick<CostGroup, "key" | "connectionId">,
): ListParams | null {
  if (group.key === null) return null;
  if (grouping === "label") {
    // The list's label filter matches any of its labels: narrowing it to one is exact only when
    // the page had no label filter or already held this label.
    if (params.label.length > 0 && !params.label.includes(group.key)) return null;
    return { ...params, label: [group.key], cursor: null };
  }
  if (group.connectionId === null) return null;
  const narrowed: ListParams = { ...params, connection: [group.connectionId], cursor: null };
  if (grouping === "responder") narrowed.responder = [group.key];
  if (grouping === "channel") narrowed.channel = [group.key];
  return narrowed;
}

const DAY_MS = 86_400_000;

/** A bound's instant: a date-only `from` is its day's start, a date-only `to` its day's end (as the API reads them). */
function instant(value: string, bound: "from" | "to"): number {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value))
    return Date.parse(`${value}T${bound === "from" ? "00:00:00.000" : "23:59:59.999"}Z`);
  return Date.parse(value);
}

/**
 * A day's (or week's, from its Monday to its Sunday, UTC) row of the time table: the page's
 * filters with the date range narrowed to it (never widened beyond the page's own range).
 */
export function dateRangeParams(
  params: ListParams,
  grouping: Extract<CostGrouping, "day" | "week">,
  key: string | null,
): ListParams | null {
  if (key === null || !/^\d{4}-\d{2}-\d{2}$/.test(key)) return null;
  const start = Date.parse(`${key}T00:00:00Z`);
  if (Number.isNaN(start)) return null;
  let from = key;
  let to = grouping === "week" ? new Date(start + 6 * DAY_MS).toISOString().slice(0, 10) : key;
  if (params.from && instant(params.from, "from") > instant(from, "from")) from = params.from;
  if (params.to && instant(params.to, "to") < instant(to, "to")) to = params.to;
  if (instant(from, "from") > instant(to, "to")) return null;
  return { ...params, from, to, cursor: null };
}

const serialize = createSerializer(listSearchParams);

/** The canonical list query (what the export route and saved views take) of list parameters. */
export function exportListQuery(params: ListParams): string {
  return canonicalListQuery(serialize(params));
}

/** The conversation list with these parameters. */
export function listHrefOf(params: ListParams): string {
  return serialize("/conversations", params);
}
