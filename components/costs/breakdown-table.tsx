"use client";
/**
 * A breakdown of the filter's costs (by connection, responder, channel or label) as a sortable
 * table. Each sortable header is a button and says its order (`aria-sort`); a click on a row (or its
 * name, a link, for the keyboard) opens the list of the conversations behind it, and its export
 * button downloads them (the list's Export menu, with the page's filters narrowed to the row).
 * There is no sum row: the label groups overlap, and the totals are above the tables.
 */
import { ArrowDownIcon, ArrowUpIcon, ArrowUpDownIcon } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
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
import { exportListQuery, groupParams, listHrefOf, type BreakdownGrouping } from "./group-filter";

type Column = "label" | "conversations" | "knownCost" | "unknownCost" | "cost";
type Order = { column: Column; direction: "ascending" | "descending" };

const columns: { id: Column; label: string; numeric: boolean }[] = [
  { id: "label", label: "Name", numeric: false },
  { id: "conversations", label: "Conversations", numeric: true },
  { id: "knownCost", label: "Known cost", numeric: true },
  { id: "unknownCost", label: "Unknown cost", numeric: true },
  { id: "cost", label: "Spend", numeric: true },
];

/** Spend sorts by its first currency's amount; an unknown spend sorts below every known one. */
function sortValue(group: CostGroup, column: Column): number | string {
  if (column === "label") return group.label.toLocaleLowerCase();
  if (column === "cost") return group.byCurrency[0]?.cost ?? -1;
  return group[column];
}

export function sortGroups(groups: readonly CostGroup[], order: Order): CostGroup[] {
  const sign = order.direction === "ascending" ? 1 : -1;
  return [...groups].sort((left, right) => {
    const a = sortValue(left, order.column);
    const b = sortValue(right, order.column);
    const compared = typeof a === "string" ? a.localeCompare(String(b)) : a - (b as number);
    return compared * sign || left.label.localeCompare(right.label);
  });
}

export function BreakdownTable({
  title,
  grouping,
  groups,
  params,
  note,
}: {
  title: string;
  grouping: BreakdownGrouping;
  groups: readonly CostGroup[];
  params: ListParams;
  /** A line said above the table (and in its caption), such as that its rows overlap. */
  note?: string;
}) {
  const router = useRouter();
  const [order, setOrder] = useState<Order>({ column: "conversations", direction: "descending" });
  const rows = useMemo(() => sortGroups(groups, order), [groups, order]);
  const toggle = (column: Column) =>
    setOrder((current) =>
      current.column === column
        ? { column, direction: current.direction === "ascending" ? "descending" : "ascending" }
        : { column, direction: column === "label" ? "ascending" : "descending" },
    );

  return (
    <section aria-labelledby={`costs-by-${grouping}`} className="flex min-w-0 flex-col gap-2">
      <h2 id={`costs-by-${grouping}`} className="text-base font-semibold">
        {title}
      </h2>
      {note ? <p className="text-muted-foreground text-sm">{note}</p> : null}
      {rows.length === 0 ? (
        <p className="text-muted-foreground text-sm">No conversations.</p>
      ) : (
        <Table>
          <TableCaption className="sr-only">
            {title}. Sorted by {columns.find((column) => column.id === order.column)?.label},{" "}
            {order.direction}. A row opens its conversations.{note ? ` ${note}` : ""}
          </TableCaption>
          <TableHeader>
            <TableRow>
              {columns.map((column) => {
                const active = order.column === column.id;
                const Icon = !active
                  ? ArrowUpDownIcon
                  : order.direction === "ascending"
                    ? ArrowUpIcon
                    : ArrowDownIcon;
                return (
                  <TableHead
                    key={column.id}
                    aria-sort={active ? order.direction : undefined}
                    className={column.numeric ? "text-right" : undefined}
                  >
                    <button
                      type="button"
                      onClick={() => toggle(column.id)}
                      className="hover:text-foreground focus-visible:ring-ring/50 inline-flex items-center gap-1 rounded-sm outline-none focus-visible:ring-[3px]"
                    >
                      {column.label}
                      <Icon className="size-3" aria-hidden />
                    </button>
                  </TableHead>
                );
              })}
              <TableHead>
                <span className="sr-only">Export</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((group) => {
              const narrowed = groupParams(params, grouping, group);
              const href = narrowed ? listHrefOf(narrowed) : null;
              return (
                <TableRow
                  key={`${group.connectionId ?? ""}:${group.key ?? ""}`}
                  className={href ? "hover:bg-muted/50 cursor-pointer" : undefined}
                  onClick={href ? () => router.push(href) : undefined}
                >
                  <TableCell className="max-w-64 truncate">
                    {href ? (
                      <Link
                        href={href}
                        onClick={(event) => event.stopPropagation()}
                        className="focus-visible:ring-ring/50 rounded-sm underline-offset-2 outline-none hover:underline focus-visible:ring-[3px]"
                      >
                        <UntrustedText text={group.label} />
                      </Link>
                    ) : (
                      <UntrustedText text={group.label} />
                    )}
                  </TableCell>
                  <TableCell className="text-right tabular-nums">
                    {formatCount(group.conversations)}
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{formatCount(group.knownCost)}</TableCell>
                  <TableCell className="text-right tabular-nums">{formatCount(group.unknownCost)}</TableCell>
                  <TableCell className="text-right tabular-nums">{describeCost(group)}</TableCell>
                  {/* The menu's clicks bubble through React's tree: they must not open the row. */}
                  <TableCell className="w-0 py-0" onClick={(event) => event.stopPropagation()}>
                    {narrowed ? (
                      <ExportMenu
                        listQuery={exportListQuery(narrowed)}
                        total={group.conversations}
                        label={`Export these conversations: ${group.label}`}
                        itemText="Export these conversations as"
                      />
                    ) : null}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
