"use client";
/**
 * A view's count of conversations in its sidebar link. A screen reader reads the link as
 * "Important, 12": the comma is there for it only, the number is shown at the end of the row.
 */
import type { ViewCount as Count } from "@/lib/model/saved-views";

/** "12", "10,000+" (past the list's cap, or a connection still backfilling); empty when unknown. */
export function viewCountText(count: Count | undefined): string {
  if (!count || count.count === null) return "";
  return `${count.count.toLocaleString("en-US")}${count.isEstimate ? "+" : ""}`;
}

export function ViewCount({ count }: { count: Count | undefined }) {
  const text = viewCountText(count);
  if (text === "") return null;
  return (
    <span className="text-muted-foreground ml-auto text-xs tabular-nums" data-testid="view-count">
      <span className="sr-only">, </span>
      {text}
    </span>
  );
}
