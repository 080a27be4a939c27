"use client";
/**
 * The bar that appears while rows are selected: "N selected", the bulk actions that make sense in
 * this view, progress while a job runs, and the conversations that failed. When the whole page is
 * picked and more rows match, "Select all N matching" makes the action cover every row of the
 * query (a server job either way). Moving to trash asks first, stating the count.
 */
import {
  ArchiveIcon,
  ArchiveRestoreIcon,
  Loader2Icon,
  StarIcon,
  StarOffIcon,
  Trash2Icon,
  UndoIcon,
  XIcon,
} from "lucide-react";
import { useState } from "react";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogFooter,
} from "@/components/ui/alert-dialog";
import { BulkLabelMenu } from "@/components/labels/bulk-label-menu";
import { Button } from "@/components/ui/button";
import type { View } from "@/lib/conversations/api-schemas";
import type { Conversation } from "@/lib/model/conversation";
import type { BulkLabelRequest, Label } from "@/lib/model/labels";
import type { BulkAction, BulkFailure, BulkProgress } from "./use-bulk-moderation";

function plural(count: number): string {
  return `${count} ${count === 1 ? "conversation" : "conversations"}`;
}

export interface BulkBarProps {
  selected: Conversation[];
  view: View;
  progress: BulkProgress | null;
  failures: { label: string; items: BulkFailure[] } | null;
  /** How many rows the query matches, when the whole page is picked and more match; else null. */
  matching: number | null;
  /** `matching` is a lower bound (the list's total is marked as an estimate): shown as "N+". */
  matchingIsEstimate?: boolean;
  allMatching: boolean;
  onSelectAllMatching: (on: boolean) => void;
  onRun: (action: BulkAction) => void;
  /** A label request is under way. */
  labelling: boolean;
  onLabel: (label: Label, mode: BulkLabelRequest["mode"]) => void;
  onClear: () => void;
  onDismissFailures: () => void;
}

export function BulkBar({
  selected,
  view,
  progress,
  failures,
  matching,
  matchingIsEstimate = false,
  allMatching,
  onSelectAllMatching,
  onRun,
  labelling,
  onLabel,
  onClear,
  onDismissFailures,
}: BulkBarProps) {
  const [confirmTrash, setConfirmTrash] = useState(false);
  const running = progress !== null;
  const covering = allMatching && matching !== null;
  const count = covering ? matching : selected.length;
  const matchingText = `${matching?.toLocaleString("en-US")}${matchingIsEstimate ? "+" : ""}`;
  const allImportant =
    !covering && selected.length > 0 && selected.every((conversation) => conversation.flags.important);
  if (selected.length === 0 && !running && !failures) return null;

  return (
    <section aria-label="Bulk actions" className="flex flex-col gap-2">
      {selected.length > 0 || running ? (
        <div className="bg-muted/60 flex flex-wrap items-center gap-2 rounded-md border px-3 py-1.5">
          <p className="text-sm font-medium" aria-live="polite">
            {covering ? `All ${matchingText} matching selected` : `${selected.length} selected`}
          </p>
          {matching !== null && !running ? (
            <Button
              variant="link"
              size="sm"
              className="h-7 px-1"
              onClick={() => onSelectAllMatching(!covering)}
            >
              {covering ? `Only the ${selected.length} on this page` : `Select all ${matchingText} matching`}
            </Button>
          ) : null}
          <Button variant="ghost" size="sm" className="h-7" onClick={onClear} disabled={running}>
            <XIcon aria-hidden="true" />
            Clear selection
          </Button>
          <div className="ml-auto flex flex-wrap items-center gap-2">
            <BulkLabelMenu disabled={running || labelling} onPick={onLabel} />
            {view === "trash" ? (
              <Button size="sm" className="h-7" disabled={running} onClick={() => onRun("restore")}>
                <UndoIcon aria-hidden="true" />
                Restore
              </Button>
            ) : (
              <>
                <Button
                  variant="outline"
                  size="sm"
                  className="h-7"
                  disabled={running}
                  onClick={() => onRun(allImportant ? "unimportant" : "important")}
                >
                  {allImportant ? <StarOffIcon aria-hidden="true" /> : <StarIcon aria-hidden="true" />}
                  {allImportant ? "Remove important" : "Mark important"}
                </Button>
                {view === "archived" ? (
                  <Button
                    variant="outline"
                    size="sm"
                    className="h-7"
                    disabled={running}
                    onClick={() => onRun("unarchive")}
                  >
                    <ArchiveRestoreIcon aria-hidden="true" />
                    Move to inbox
                  </Button>
                ) : (
                  <Button
                    variant="outline"
                    size="sm"
                    className="h-7"
                    disabled={running}
                    onClick={() => onRun("archive")}
                  >
                    <ArchiveIcon aria-hidden="true" />
                    Archive
                  </Button>
                )}
                <Button
                  variant="outline"
                  size="sm"
                  className="text-destructive h-7"
                  disabled={running}
                  onClick={() => setConfirmTrash(true)}
                >
                  <Trash2Icon aria-hidden="true" />
                  Move to trash
                </Button>
              </>
            )}
          </div>
          {running ? (
            <p role="status" className="text-muted-foreground flex w-full items-center gap-2 text-sm">
              <Loader2Icon aria-hidden="true" className="size-4 animate-spin motion-reduce:animate-none" />
              {progress.label} {progress.done} of {progress.total}…
            </p>
          ) : null}
        </div>
      ) : null}
      {failures ? (
        <div
          role="alert"
          className="border-destructive/30 bg-destructive/10 flex items-start gap-2 rounded-md border px-3 py-2 text-sm"
        >
          <div className="min-w-0 flex-1">
            <p className="font-medium">
              {plural(failures.items.length)} could not be {failures.label}:
            </p>
            <ul className="mt-1 list-disc pl-5">
              {failures.items.map((item) => (
                <li key={item.key}>{item.name}</li>
              ))}
            </ul>
          </div>
          <Button
            variant="ghost"
            size="icon-sm"
            aria-label="Dismiss the list of failures"
            onClick={onDismissFailures}
          >
            <XIcon aria-hidden="true" />
          </Button>
        </div>
      ) : null}
      <AlertDialog open={confirmTrash} onOpenChange={setConfirmTrash}>
        <AlertDialogContent
          title={`Move ${covering ? `${matchingText} conversations` : plural(count)} to trash?`}
          description="They leave every view except Trash, where they can be restored. The change is kept in Parley, not at the provider, and you can undo it right after."
        >
          <AlertDialogFooter>
            <AlertDialogCancel>Cancel</AlertDialogCancel>
            <AlertDialogAction variant="destructive" onClick={() => onRun("trash")}>
              Move to trash
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </section>
  );
}
