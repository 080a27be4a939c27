"use client";
/**
 * One line under the list: how many conversations the filter selects and what they cost (in each
 * currency, never added; "unknown" where providers give no cost), with a link to the Costs page
 * for the same filter.
 */
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { describeCost, formatCount, costsHref } from "@/components/costs/format";
import type { ListParams } from "@/lib/client/conversation-queries";
import { costQueries } from "@/lib/client/cost-queries";

export function ListCostFooter({ params }: { params: ListParams }) {
  const { data } = useQuery(costQueries.costs(params));
  if (!data) return null;
  const { totals } = data;
  const spend = describeCost({
    byCurrency: totals.byCurrency.map((entry) => ({
      currency: entry.currency,
      cost: entry.spend,
      conversations: entry.conversations,
    })),
  });
  const cost =
    totals.knownCost === 0
      ? "spend unknown"
      : totals.unknownCost === 0
        ? `${spend} spent`
        : `${spend} spent (${formatCount(totals.unknownCost)} with unknown cost not included)`;
  const { sort: _sort, cursor: _cursor, limit: _limit, ...filters } = params;
  return (
    <p
      className="text-muted-foreground flex flex-wrap items-center gap-x-2 text-xs"
      data-testid="list-cost-footer"
    >
      <span>
        {formatCount(totals.conversations)} conversations · {cost}
      </span>
      <Link href={costsHref(filters)} className="text-primary underline-offset-2 hover:underline">
        Costs of this filter
      </Link>
    </p>
  );
}
