"use client";
/**
 * The cost line items of the filter, where the provider lists them (Cozmox `costs[]`): each
 * model, transport and other item with its spend and, for models, the prompt and completion
 * tokens, summed over the conversations that have it.
 */
import { useQuery } from "@tanstack/react-query";
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { UntrustedText } from "@/components/ui/untrusted-text";
import type { ListParams } from "@/lib/client/conversation-queries";
import { costQueries } from "@/lib/client/cost-queries";
import { formatCount, formatMoney } from "./format";
import { ScrollRegion } from "./scroll-region";

const tokens = (value: number | null) => (value === null ? "—" : formatCount(Math.round(value)));

export function LineItems({ params }: { params: ListParams }) {
  const query = useQuery(costQueries.costs(params, { lineItems: true }));
  const items = query.data?.lineItems ?? [];
  return (
    <section aria-labelledby="costs-line-items" className="flex min-w-0 flex-col gap-2">
      <h2 id="costs-line-items" className="text-base font-semibold">
        Line items and tokens by model
      </h2>
      {query.isPending ? null : items.length === 0 ? (
        <p className="text-muted-foreground text-sm">
          No line items: only Cozmox lists what a conversation&apos;s cost is made of.
        </p>
      ) : (
        <ScrollRegion label="Cost line items">
          <Table containerClassName="overflow-x-visible">
            <TableCaption className="sr-only">
              Cost line items by type and model, with token totals
            </TableCaption>
            <TableHeader>
              <TableRow>
                <TableHead>Item</TableHead>
                <TableHead className="text-right">Conversations</TableHead>
                <TableHead className="text-right">Prompt tokens</TableHead>
                <TableHead className="text-right">Completion tokens</TableHead>
                <TableHead className="text-right">Spend</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((item) => (
                <TableRow key={`${item.type}:${item.label}:${item.currency ?? ""}`}>
                  <TableCell className="max-w-64 truncate">
                    <UntrustedText text={item.label} />
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{formatCount(item.conversations)}</TableCell>
                  <TableCell className="text-right tabular-nums">{tokens(item.promptTokens)}</TableCell>
                  <TableCell className="text-right tabular-nums">{tokens(item.completionTokens)}</TableCell>
                  <TableCell className="text-right tabular-nums">
                    {item.cost === null || item.currency === null
                      ? "Unknown"
                      : formatMoney(item.cost, item.currency)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollRegion>
      )}
    </section>
  );
}
