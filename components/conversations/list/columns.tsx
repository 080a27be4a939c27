"use client";
/**
 * The list's columns (TanStack Table). Cells read what they need from the table's `meta`, which
 * the list fills with the current row, the rename in progress and the row actions. Narrow
 * layouts (768 px, or the list squeezed beside an open conversation) hide the secondary columns
 * through container queries on the table's wrapper, so no JavaScript measures anything.
 */
import type { ColumnDef } from "@tanstack/react-table";
import { Checkbox } from "@/components/ui/checkbox";
import type { Conversation } from "@/lib/model/conversation";
import {
  ConnectionCell,
  CostCell,
  FlagsCell,
  LastActivityCell,
  OwnerCell,
  ResponderCell,
  StatusCell,
} from "./cells";
import { conversationName } from "./format";
import { TitleCell } from "./title-cell";
import "./table-meta";

export const conversationColumns: ColumnDef<Conversation>[] = [
  {
    id: "select",
    meta: { className: "w-8 pl-3", label: "Select" },
    header: ({ table }) => (
      <Checkbox
        aria-label="Select all conversations on this page"
        checked={
          table.getIsAllPageRowsSelected()
            ? true
            : table.getIsSomePageRowsSelected()
              ? "indeterminate"
              : false
        }
        onCheckedChange={(checked) => table.toggleAllPageRowsSelected(checked === true)}
      />
    ),
    cell: ({ row, table }) => (
      <Checkbox
        aria-label={`Select conversation ${conversationName(row.original)}`}
        tabIndex={table.options.meta?.conversations?.cursorIndex === row.index ? 0 : -1}
        checked={row.getIsSelected()}
        onCheckedChange={(checked) => row.toggleSelected(checked === true)}
      />
    ),
  },
  {
    id: "title",
    header: "Conversation",
    meta: { className: "w-full max-w-0 min-w-48" },
    cell: ({ row, table }) => {
      const meta = table.options.meta?.conversations;
      if (!meta) return null;
      return <TitleCell conversation={row.original} meta={meta} tabbable={meta.cursorIndex === row.index} />;
    },
  },
  {
    id: "connection",
    header: "Connection and channel",
    meta: { className: "hidden @2xl:table-cell" },
    cell: ({ row }) => <ConnectionCell conversation={row.original} />,
  },
  {
    id: "responder",
    header: "Responder",
    meta: { className: "hidden @3xl:table-cell" },
    cell: ({ row }) => <ResponderCell conversation={row.original} />,
  },
  {
    id: "owner",
    header: "Contact",
    meta: { className: "hidden @min-[60rem]:table-cell" },
    cell: ({ row }) => <OwnerCell conversation={row.original} />,
  },
  {
    id: "status",
    header: "Status",
    meta: { className: "hidden @3xl:table-cell" },
    cell: ({ row }) => <StatusCell conversation={row.original} />,
  },
  {
    id: "lastActivity",
    header: "Last activity",
    meta: { className: "hidden @md:table-cell" },
    cell: ({ row, table }) => (
      <LastActivityCell
        conversation={row.original}
        now={table.options.meta?.conversations?.now ?? Date.now()}
        tabbable={table.options.meta?.conversations?.cursorIndex === row.index}
      />
    ),
  },
  {
    id: "cost",
    header: "Cost",
    meta: { className: "hidden @4xl:table-cell text-right" },
    cell: ({ row }) => <CostCell conversation={row.original} />,
  },
  {
    id: "flags",
    header: "Flags",
    meta: { className: "w-16" },
    cell: ({ row, table }) => {
      const meta = table.options.meta?.conversations;
      return (
        <FlagsCell
          conversation={row.original}
          tabbable={meta?.cursorIndex === row.index}
          onToggleImportant={() => meta?.toggleImportant(row.original)}
        />
      );
    },
  },
];
