/**
 * The time chart's data: one row per day or week, one column per stack (provider or responder),
 * for one currency. A stack's spend is its known cost in that currency; its conversations count
 * every conversation, known cost or not. At most `MAX_SERIES` stacks; the smaller ones are shown
 * together as "Other".
 */
import type { CostGroup } from "@/lib/model/costs";

export const MAX_SERIES = 6;
export const OTHER_SERIES = "__other__";

export interface ChartSeries {
  id: string;
  label: string;
}

export interface ChartRow {
  key: string;
  label: string;
  /** `cost:<series>` and `count:<series>` per series. */
  values: Record<string, number>;
  /** Conversations of the bucket whose cost is unknown. */
  unknown: number;
}

export interface ChartData {
  series: ChartSeries[];
  rows: ChartRow[];
}

const seriesId = (key: string | null) => (key === null ? "__none__" : `s:${key}`);

export function chartData(groups: readonly CostGroup[], currency: string | null): ChartData {
  const totals = new Map<string, { label: string; conversations: number }>();
  for (const group of groups)
    for (const series of group.series ?? []) {
      const id = seriesId(series.key);
      const entry = totals.get(id) ?? { label: series.label, conversations: 0 };
      entry.conversations += series.conversations;
      totals.set(id, entry);
    }
  const ranked = [...totals.entries()].sort((left, right) => right[1].conversations - left[1].conversations);
  const kept = ranked.slice(0, ranked.length > MAX_SERIES ? MAX_SERIES - 1 : MAX_SERIES);
  const keptIds = new Set(kept.map(([id]) => id));
  const series: ChartSeries[] = kept.map(([id, entry]) => ({ id, label: entry.label }));
  if (ranked.length > kept.length) series.push({ id: OTHER_SERIES, label: "Other" });

  const rows = groups.map((group): ChartRow => {
    const values: Record<string, number> = {};
    for (const entry of series) {
      values[`cost:${entry.id}`] = 0;
      values[`count:${entry.id}`] = 0;
    }
    for (const item of group.series ?? []) {
      const id = keptIds.has(seriesId(item.key)) ? seriesId(item.key) : OTHER_SERIES;
      const amount = item.byCurrency.find((entry) => entry.currency === currency)?.cost ?? 0;
      values[`cost:${id}`] = (values[`cost:${id}`] ?? 0) + amount;
      values[`count:${id}`] = (values[`count:${id}`] ?? 0) + item.conversations;
    }
    return { key: group.key ?? "", label: group.label, values, unknown: group.unknownCost };
  });
  return { series, rows };
}
