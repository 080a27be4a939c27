/**
 * Pure helpers of the Costs page: money in its own currency (several currencies side by side,
 * never added; an unknown cost says so), day or week by the range, the time axis without gaps,
 * and links to the conversation list filtered like a row of the page.
 */
import { createSerializer } from "nuqs";
import type { ListParams } from "@/lib/client/conversation-queries";
import { listSearchParams } from "@/lib/conversations/search-params";
import type { CostGroup, CostGrouping, CurrencyAmount } from "@/lib/model/costs";
import { groupParams, listHrefOf, type BreakdownGrouping } from "./group-filter";

export function formatMoney(amount: number, currency: string): string {
  const digits = amount !== 0 && Math.abs(amount) < 1 ? 4 : 2;
  try {
    return new Intl.NumberFormat("en-US", {
      style: "currency",
      currency,
      minimumFractionDigits: 2,
      maximumFractionDigits: digits,
    }).format(amount);
  } catch {
    return `${amount.toFixed(digits)} ${currency}`;
  }
}

/** A group's known costs: one amount, several currencies side by side, or "Unknown". */
export function describeCost(cost: { byCurrency: readonly CurrencyAmount[] }): string {
  if (cost.byCurrency.length === 0) return "Unknown";
  return cost.byCurrency.map((entry) => formatMoney(entry.cost, entry.currency)).join(" + ");
}

export const formatCount = (value: number): string => new Intl.NumberFormat("en-US").format(value);

export function formatShare(share: number): string {
  if (share > 0 && share < 0.01) return "under 1%";
  if (share < 1 && share > 0.99) return "over 99%";
  return `${Math.round(share * 100)}%`;
}

const DAY_MS = 86_400_000;
/** Ranges up to this many days are drawn by day, longer ones (or no range) by week. */
export const DAILY_RANGE_DAYS = 92;

export function timeGrouping(from: string | null, to: string | null): Extract<CostGrouping, "day" | "week"> {
  if (!from || !to) return "week";
  const days =
    (Date.parse(`${to.slice(0, 10)}T00:00:00Z`) - Date.parse(`${from.slice(0, 10)}T00:00:00Z`)) / DAY_MS;
  return Number.isFinite(days) && days <= DAILY_RANGE_DAYS ? "day" : "week";
}

/** The Monday of a date's ISO week, YYYY-MM-DD. */
function mondayOf(date: string): string {
  const time = Date.parse(`${date.slice(0, 10)}T00:00:00Z`);
  const weekday = (new Date(time).getUTCDay() + 6) % 7;
  return new Date(time - weekday * DAY_MS).toISOString().slice(0, 10);
}

/** At most this many buckets are filled in (a year by day). */
const MAX_BUCKETS = 400;

/**
 * The time groups with the days (or weeks) between them that had no conversation, from the
 * range's start (or the first group) to its end (or the last group). Groups without a date stay
 * last. An added bucket has no conversations and no cost.
 */
export function fillTimeGroups(
  groups: readonly CostGroup[],
  grouping: "day" | "week",
  range: { from: string | null; to: string | null },
): CostGroup[] {
  const dated = groups.filter((group) => group.key !== null);
  const undated = groups.filter((group) => group.key === null);
  const align = (date: string) => (grouping === "week" ? mondayOf(date) : date.slice(0, 10));
  const first = range.from ? align(range.from) : dated[0]?.key;
  const last = range.to ? align(range.to) : dated.at(-1)?.key;
  if (!first || !last) return [...groups];
  const byKey = new Map(dated.map((group) => [group.key, group]));
  const step = grouping === "week" ? 7 * DAY_MS : DAY_MS;
  const filled: CostGroup[] = [];
  for (let time = Date.parse(`${first}T00:00:00Z`); time <= Date.parse(`${last}T00:00:00Z`); time += step) {
    if (filled.length >= MAX_BUCKETS) return [...groups];
    const key = new Date(time).toISOString().slice(0, 10);
    filled.push(
      byKey.get(key) ?? {
        key,
        label: key,
        connectionId: null,
        currency: null,
        cost: null,
        conversations: 0,
        knownCost: 0,
        unknownCost: 0,
        byCurrency: [],
        series: [],
      },
    );
  }
  const inside = new Set(filled.map((group) => group.key));
  return [...filled, ...dated.filter((group) => !inside.has(group.key)), ...undated];
}

const serialize = createSerializer(listSearchParams);

/** The conversation list with the page's filters, narrowed to one row of a breakdown (`group-filter.ts`). */
export function conversationsHref(
  params: ListParams,
  grouping: BreakdownGrouping,
  group: Pick<CostGroup, "key" | "connectionId">,
): string | null {
  const narrowed = groupParams(params, grouping, group);
  return narrowed ? listHrefOf(narrowed) : null;
}

/** The Costs page with the same filters (from the list, or from a thread's responder). */
export function costsHref(params: Partial<ListParams>): string {
  return serialize("/costs", params);
}
