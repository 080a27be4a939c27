/**
 * The totals of the filter as cards: spend, conversations, those with a known cost, average and
 * median per conversation, and the share whose cost is unknown, said in words. A spend over
 * partly-unknown data says it covers only the conversations with a cost.
 */
import type { ReactNode } from "react";
import type { CostTotals } from "@/lib/model/costs";
import { describeCost, formatCount, formatMoney, formatShare } from "./format";

function Card({ label, value, note }: { label: string; value: ReactNode; note?: ReactNode }) {
  return (
    <div className="bg-card text-card-foreground rounded-lg border p-3">
      <dt className="text-muted-foreground text-xs font-medium">{label}</dt>
      <dd className="mt-1 text-xl font-semibold tabular-nums">{value}</dd>
      {note ? <dd className="text-muted-foreground mt-1 text-xs">{note}</dd> : null}
    </div>
  );
}

/** Average or median: one currency, or each currency's own. */
function perConversation(totals: CostTotals, pick: "average" | "median"): string {
  if (totals.byCurrency.length === 0) return "Unknown";
  return totals.byCurrency.map((entry) => formatMoney(entry[pick], entry.currency)).join(" · ");
}

/** The plain sentence about unknown costs, or null when every cost is known. */
export function unknownCostSentence(totals: CostTotals): string | null {
  if (totals.conversations === 0) return null;
  if (totals.unknownCost === 0) return null;
  if (totals.knownCost === 0)
    return `None of these ${formatCount(totals.conversations)} conversations has a cost from its provider, so their spend is unknown (not zero).`;
  return `${formatShare(totals.unknownShare)} of these conversations (${formatCount(totals.unknownCost)} of ${formatCount(
    totals.conversations,
  )}) have no cost from their provider. The spend covers the other ${formatCount(totals.knownCost)} only, so the real total is higher.`;
}

export function TotalsCards({ totals }: { totals: CostTotals }) {
  const spend = describeCost({
    byCurrency: totals.byCurrency.map((entry) => ({
      currency: entry.currency,
      cost: entry.spend,
      conversations: entry.conversations,
    })),
  });
  const partial = totals.knownCost > 0 && totals.unknownCost > 0;
  const sentence = unknownCostSentence(totals);
  return (
    <section aria-labelledby="costs-totals-heading" className="flex flex-col gap-2">
      <h2 id="costs-totals-heading" className="sr-only">
        Totals
      </h2>
      <dl className="grid grid-cols-2 gap-2 md:grid-cols-3 xl:grid-cols-6">
        <Card
          label="Spend"
          value={spend}
          note={
            partial
              ? "Partial: some costs are unknown"
              : totals.byCurrency.length > 1
                ? "Currencies kept apart"
                : null
          }
        />
        <Card label="Conversations" value={formatCount(totals.conversations)} />
        <Card label="With a known cost" value={formatCount(totals.knownCost)} />
        <Card
          label="Average per conversation"
          value={perConversation(totals, "average")}
          note="With a known cost"
        />
        <Card
          label="Median per conversation"
          value={perConversation(totals, "median")}
          note="With a known cost"
        />
        <Card
          label="Cost unknown"
          value={totals.conversations === 0 ? "—" : formatShare(totals.unknownShare)}
          note={`${formatCount(totals.unknownCost)} conversations`}
        />
      </dl>
      {sentence ? (
        <p className="text-muted-foreground text-sm" data-testid="unknown-cost-sentence">
          {sentence}
        </p>
      ) : null}
    </section>
  );
}
