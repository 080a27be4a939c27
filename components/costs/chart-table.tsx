/**
 * The time chart's numbers as a table, for screen readers and copying: one row per day (or week)
 * and stack that had conversations, with its conversations, those with an unknown cost, and its
 * spend in each currency (never added together). The first row of each day (or week) has a button
 * that exports that day's (week's) conversations under the page's filters.
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
import { ExportMenu } from "@/components/conversations/list/export-menu";
import { UntrustedText } from "@/components/ui/untrusted-text";
import type { ListParams } from "@/lib/client/conversation-queries";
import type { CostGroup } from "@/lib/model/costs";
import { describeCost, formatCount } from "./format";
import { dateRangeParams, exportListQuery } from "./group-filter";
import { ScrollRegion } from "./scroll-region";

export function ChartTable({
  groups,
  caption,
  stackLabel,
  params,
  grouping,
}: {
  groups: readonly CostGroup[];
  caption: string;
  stackLabel: string;
  /** The page's filters and the table's unit, for each date's export. */
  params: ListParams;
  grouping: "day" | "week";
}) {
  const rows = groups.flatMap((group) =>
    (group.series ?? []).map((series, index) => ({
      group,
      series,
      first: index === 0,
      id: `${group.key ?? ""}:${series.key ?? ""}`,
    })),
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
            <TableHead>
              <span className="sr-only">Export</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.length === 0 ? (
            <TableRow>
              <TableCell colSpan={6} className="text-muted-foreground">
                No conversations in this range.
              </TableCell>
            </TableRow>
          ) : (
            rows.map(({ group, series, first, id }) => (
              <TableRow key={id}>
                <TableCell className="tabular-nums">{group.label}</TableCell>
                <TableCell>
                  <UntrustedText text={series.label} />
                </TableCell>
                <TableCell className="text-right tabular-nums">{formatCount(series.conversations)}</TableCell>
                <TableCell className="text-right tabular-nums">{formatCount(series.unknownCost)}</TableCell>
                <TableCell className="text-right tabular-nums">{describeCost(series)}</TableCell>
                <TableCell className="w-0 py-0">
                  {first ? <DateExport group={group} params={params} grouping={grouping} /> : null}
                </TableCell>
              </TableRow>
            ))
          )}
        </TableBody>
      </Table>
    </ScrollRegion>
  );
}

function DateExport({
  group,
  params,
  grouping,
}: {
  group: CostGroup;
  params: ListParams;
  grouping: "day" | "week";
}) {
  const narrowed = dateRangeParams(params, grouping, group.key);
  if (!narrowed) return null;
  return (
    <ExportMenu
      listQuery={exportListQuery(narrowed)}
      total={group.conversations}
      label={`Export these conversations: ${grouping === "week" ? "week of " : ""}${group.label}`}
      itemText="Export these conversations as"
    />
  );
}
