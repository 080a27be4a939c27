"use client";
/**
 * The conversation table (TanStack Table, server-paged and server-sorted: `manual*`, the rows are
 * exactly what the API returned for this page). Rows use roving focus: only the current row is in
 * the tab order, j/k move the cursor (`aria-current` on the row), a click or Enter opens the row.
 */
import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type OnChangeFn,
  type RowSelectionState,
} from "@tanstack/react-table";
import { Skeleton } from "@/components/ui/skeleton";
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import type { Conversation } from "@/lib/model/conversation";
import { cn } from "@/lib/utils";
import { conversationColumns } from "./columns";
import type { ConversationTableMeta } from "./table-meta";
import { rowKey } from "./format";

const INTERACTIVE = "a, button, input, label, [role='checkbox'], form";

export interface ConversationTableProps {
  rows: Conversation[];
  caption: string;
  sort: "recent" | "oldest";
  rowSelection: RowSelectionState;
  onRowSelectionChange: OnChangeFn<RowSelectionState>;
  meta: ConversationTableMeta;
  openKey: string | null;
  /** No data yet: show skeleton rows. */
  loading: boolean;
  /** A new page is on its way while the old rows stay visible. */
  busy: boolean;
  skeletonRows: number;
  registerRow: (index: number, element: HTMLTableRowElement | null) => void;
  onCursorChange: (index: number) => void;
}

export function ConversationTable({
  rows,
  caption,
  sort,
  rowSelection,
  onRowSelectionChange,
  meta,
  openKey,
  loading,
  busy,
  skeletonRows,
  registerRow,
  onCursorChange,
}: ConversationTableProps) {
  const table = useReactTable({
    data: rows,
    columns: conversationColumns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: rowKey,
    manualPagination: true,
    manualSorting: true,
    manualFiltering: true,
    enableRowSelection: true,
    state: { rowSelection, sorting: [{ id: "lastActivity", desc: sort === "recent" }] },
    onRowSelectionChange,
    meta: { conversations: meta },
  });
  const tabbableIndex = meta.cursorIndex >= 0 && meta.cursorIndex < rows.length ? meta.cursorIndex : 0;

  return (
    <div className="@container min-w-0">
      <Table aria-busy={loading || busy} className={cn(busy && "opacity-70 transition-opacity")}>
        <TableCaption className="sr-only">{caption}</TableCaption>
        <TableHeader className="bg-background sticky top-0 z-10">
          {table.getHeaderGroups().map((group) => (
            <TableRow key={group.id} className="hover:bg-transparent">
              {group.headers.map((header) => (
                <TableHead
                  key={header.id}
                  scope="col"
                  className={cn("text-muted-foreground text-xs", header.column.columnDef.meta?.className)}
                  aria-sort={
                    header.column.id === "lastActivity"
                      ? sort === "recent"
                        ? "descending"
                        : "ascending"
                      : undefined
                  }
                >
                  {header.isPlaceholder
                    ? null
                    : flexRender(header.column.columnDef.header, header.getContext())}
                </TableHead>
              ))}
            </TableRow>
          ))}
        </TableHeader>
        <TableBody>
          {loading
            ? Array.from({ length: skeletonRows }, (_, index) => (
                <TableRow key={`skeleton-${index}`} aria-hidden="true" data-testid="skeleton-row">
                  {table.getVisibleLeafColumns().map((column) => (
                    <TableCell key={column.id} className={column.columnDef.meta?.className}>
                      <Skeleton className={cn("h-4", column.id === "title" ? "w-4/5" : "w-full max-w-20")} />
                    </TableCell>
                  ))}
                </TableRow>
              ))
            : table.getRowModel().rows.map((row) => {
                const key = row.id;
                const isCursor = row.index === meta.cursorIndex;
                return (
                  <TableRow
                    key={key}
                    ref={(element) => registerRow(row.index, element)}
                    tabIndex={row.index === tabbableIndex ? 0 : -1}
                    aria-current={isCursor ? "true" : undefined}
                    data-state={row.getIsSelected() ? "selected" : undefined}
                    data-open={key === openKey ? "true" : undefined}
                    data-row-key={key}
                    onFocus={() => onCursorChange(row.index)}
                    onClick={(event) => {
                      if (event.target instanceof Element && event.target.closest(INTERACTIVE)) return;
                      meta.open(row.original);
                    }}
                    className={cn(
                      "focus-visible:outline-ring cursor-pointer outline-none focus-visible:outline-2 focus-visible:-outline-offset-2",
                      "data-[open=true]:bg-accent/70",
                      isCursor && "bg-accent/40",
                    )}
                  >
                    {row.getVisibleCells().map((cell) => (
                      <TableCell
                        key={cell.id}
                        className={cn(
                          "py-1.5",
                          cell.column.columnDef.meta?.className,
                          cell.column.id === "select" &&
                            (isCursor ? "border-primary border-l-2" : "border-l-2 border-transparent"),
                          cell.column.id === "title" && "whitespace-normal",
                        )}
                      >
                        {flexRender(cell.column.columnDef.cell, cell.getContext())}
                      </TableCell>
                    ))}
                  </TableRow>
                );
              })}
        </TableBody>
      </Table>
    </div>
  );
}
