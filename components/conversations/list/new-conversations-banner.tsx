"use client";
/**
 * "3 new conversations": a sync brought rows newer than those on screen. One click reads the list
 * again; the rows keep their keys, so the selection, the keyboard cursor, the open conversation
 * and the scroll position (the browser's scroll anchoring) stay where they were.
 */
import { ArrowUpIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { newRowsLabel } from "@/lib/client/new-conversations";

export function NewConversationsBanner({
  newRows,
  busy,
  onShow,
}: {
  newRows: { count: number; more: boolean } | null;
  busy: boolean;
  onShow: () => void;
}) {
  return (
    <div aria-live="polite" className="px-4 [&:not(:empty)]:pt-2">
      {newRows ? (
        <Button
          variant="secondary"
          size="sm"
          className="h-7 w-full rounded-full"
          disabled={busy}
          onClick={onShow}
          data-testid="new-conversations-banner"
        >
          <ArrowUpIcon aria-hidden />
          Show {newRowsLabel(newRows)}
        </Button>
      ) : null}
    </div>
  );
}
