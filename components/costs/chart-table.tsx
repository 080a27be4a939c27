/**
 * The time chart's numbers as a table, for screen readers and copying: one row per day (or week)
 * and stack that had conversations, with its conversations, those with an unknown cost, and its
 * spend in each currency (never added together).
 */
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
import type { CostGroup } from "@/lib/model/costs";
import { describeCost, formatCount } from "./format";
import { ScrollRegion } from "./scroll-region";

export function ChartTable({
  groups,
  caption,
  stackLabel,
}: {
  groups: readonly CostGroup[];
  caption: string;
  stackLabel: string;
}) {
  const rows = groups.flatMap((group) =>
    (group.series ?? []).map((series) => ({ group, series, id: `${group.key ?? ""}:${series.key ?? ""}` })),
  );
  return (
    <ScrollRegion label={caption}>
      <Table data-testid="costs-chart-table" containerClassName="overflow-x-visible">
        <TableCaption>{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHead>Date</TableHead>
            <TableHead>{stackLabel}</TableHead>
            <TableHead className="text-right">Conversations</TableHead>
            <TableHead className="text-right">Unknown cost</TableHead>
            <TableHead className="text-right">Spend</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.length === 0 ? (
            <TableRow>
              <TableCell colSpan={5} className="text-muted-foreground">
                No conversations in this range.
              </TableCell>
            </TableRow>
          ) : (
            rows.map(({ group, series, id }) => (
              <TableRow key={id}>
                <TableCell className="tabular-nums">{group.label}</TableCell>
                <TableCell>
                  <UntrustedText text={series.label} />
                </TableCell>
                <TableCell className="text-right tabular-nums">{formatCount(series.conversations)}</TableCell>
                <TableCell className="text-right tabular-nums">{formatCount(series.unknownCost)}</TableCell>
                <TableCell className="text-right tabular-nums">{describeCost(series)}</TableCell>
              </TableRow>
            ))
          )}
        </TableBody>
      </Table>
    </ScrollRegion>
  );
}
