/**
 * What the list's cells read from the table's `meta` (TanStack Table), declared once so that the
 * columns and the cells both import it without importing each other.
 */
import type { RowData } from "@tanstack/react-table";
import type { Conversation } from "@/lib/model/conversation";

export interface ConversationTableMeta {
  /** Index of the row with the keyboard cursor (roving focus); -1 for none. */
  cursorIndex: number;
  /** Row key of the row being renamed. */
  renamingKey: string | null;
  now: number;
  fullPageHref: (conversation: Conversation) => string;
  open: (conversation: Conversation) => void;
  /** Opens a conversation beside the list at one message (a search match), and its link. */
  openAtMessage: (conversation: Conversation, messageId: string) => void;
  messageHref: (conversation: Conversation, messageId: string) => string;
  /** Connections whose last sync failed: their rows say when they were last confirmed. */
  failingConnections: ReadonlySet<string>;
  toggleImportant: (conversation: Conversation) => void;
  saveRename: (conversation: Conversation, title: string | null) => void;
  cancelRename: () => void;
}

declare module "@tanstack/react-table" {
  // Declaration merging: the names must match TanStack's own declarations.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface TableMeta<TData extends RowData> {
    conversations?: ConversationTableMeta;
  }
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Classes for the column's header and cells (used to hide columns in narrow layouts). */
    className?: string;
    /** The column's name for screen readers when its header shows no text. */
    label?: string;
  }
}
