/**
 * One group's aggregate rows (one per currency of the known costs, null for the unknown ones) put
 * side by side: amounts per currency, never added across currencies; unknown costs counted as
 * such, never as 0. Shared by the costs groups (`costs.ts`) and the label groups.
 */
import type { CostSeries, CurrencyAmount } from "@/lib/model/costs";

/** A SQL aggregate as the drivers answer it (PostgreSQL numerics come back as strings). */
export const numberOf = (value: number | string | null): number => (value === null ? 0 : Number(value));

export interface CurrencyRow {
  currency: string | null;
  conversations: number | string;
  cost: number | string | null;
}

export function combineCurrencies(rows: readonly CurrencyRow[]): Omit<CostSeries, "key" | "label"> {
  const byCurrency: CurrencyAmount[] = rows
    .filter((row) => row.currency !== null)
    .map((row) => ({
      currency: row.currency as string,
      cost: numberOf(row.cost),
      conversations: numberOf(row.conversations),
    }))
    .sort((left, right) => left.currency.localeCompare(right.currency));
  const unknownCost = rows
    .filter((row) => row.currency === null)
    .reduce((count, row) => count + numberOf(row.conversations), 0);
  const knownCost = byCurrency.reduce((count, entry) => count + entry.conversations, 0);
  const only = byCurrency.length === 1 ? byCurrency[0] : undefined;
  return {
    currency: only?.currency ?? null,
    cost: only ? only.cost : null,
    conversations: knownCost + unknownCost,
    knownCost,
    unknownCost,
    byCurrency,
  };
}
