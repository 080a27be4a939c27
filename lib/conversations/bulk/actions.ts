/**
 * What each bulk action changes: one flag, to one value, undone by the inverse action. Where the
 * flag lives (the provider, or Parley's overlay) follows the connection's declared capabilities,
 * exactly as for a single change.
 */
import type { BulkAction } from "@/lib/conversations/api-schemas";
import type { Capabilities } from "@/lib/providers/contract";

export type BulkField = "important" | "archived" | "trashed";

export const bulkChanges: Record<BulkAction, { field: BulkField; value: boolean; inverse: BulkAction }> = {
  archive: { field: "archived", value: true, inverse: "unarchive" },
  unarchive: { field: "archived", value: false, inverse: "archive" },
  important: { field: "important", value: true, inverse: "unimportant" },
  unimportant: { field: "important", value: false, inverse: "important" },
  trash: { field: "trashed", value: true, inverse: "restore" },
  restore: { field: "trashed", value: false, inverse: "trash" },
};

/** Where a connection keeps this action's flag. Trash is always Parley's. */
export function homeOf(action: BulkAction, capabilities: Pick<Capabilities, "moderation">) {
  const { field } = bulkChanges[action];
  if (field === "trashed") return "parley" as const;
  return capabilities.moderation[field] ? ("provider" as const) : ("parley" as const);
}

/** The audit action of one row's change, as a single change of the same flag is recorded. */
export function rowAuditAction(action: BulkAction): string {
  const names: Record<BulkAction, string> = {
    archive: "conversation.archive",
    unarchive: "conversation.unarchive",
    important: "conversation.important",
    unimportant: "conversation.unimportant",
    trash: "conversation.trash",
    restore: "conversation.restore",
  };
  return names[action];
}
