"use client";
/**
 * Bulk moderation of the selected rows: one `moderate(..., { quiet: true })` call after another
 * (the API takes one conversation per request, and sequential calls keep provider rate limits
 * and the audit order sane), with progress ("Archiving 2 of 5…"), a summary toast with Undo for
 * the whole batch, and the failures listed by conversation. Rows already in the wanted state are
 * skipped, so nothing is written twice.
 */
import { rowKey } from "@/lib/model/row-key";
import { useCallback, useState } from "react";
import { toast } from "sonner";
import type { Conversation } from "@/lib/model/conversation";
import {
  inverseOf,
  applyChange,
  type ModerationChange,
  type useModeration,
} from "@/lib/client/use-moderation";
import { conversationName } from "./format";
import { recordUndo, undoEntry } from "@/lib/client/undo-log";

export type BulkAction = "important" | "unimportant" | "archive" | "unarchive" | "trash" | "restore";

const actions: Record<
  BulkAction,
  {
    change: ModerationChange;
    progress: string;
    done: string;
    isNoop: (conversation: Conversation) => boolean;
  }
> = {
  important: {
    change: { important: true },
    progress: "Marking important",
    done: "Marked important",
    isNoop: (c) => c.flags.important,
  },
  unimportant: {
    change: { important: false },
    progress: "Removing important",
    done: "Removed from important",
    isNoop: (c) => !c.flags.important,
  },
  archive: {
    change: { archived: true },
    progress: "Archiving",
    done: "Archived",
    isNoop: (c) => c.flags.archived,
  },
  unarchive: {
    change: { archived: false },
    progress: "Moving to inbox",
    done: "Moved to inbox",
    isNoop: (c) => !c.flags.archived,
  },
  trash: {
    change: { trashed: true },
    progress: "Moving to trash",
    done: "Moved to trash",
    isNoop: (c) => c.flags.trashed,
  },
  restore: {
    change: { trashed: false },
    progress: "Restoring",
    done: "Restored",
    isNoop: (c) => !c.flags.trashed,
  },
};

export interface BulkProgress {
  label: string;
  done: number;
  total: number;
}

export interface BulkFailure {
  key: string;
  name: string;
}

function plural(count: number): string {
  return `${count} ${count === 1 ? "conversation" : "conversations"}`;
}

type Moderate = ReturnType<typeof useModeration>["moderate"];

export function useBulkModeration(moderate: Moderate) {
  const [progress, setProgress] = useState<BulkProgress | null>(null);
  const [failures, setFailures] = useState<{ label: string; items: BulkFailure[] } | null>(null);

  const run = useCallback(
    async (action: BulkAction, targets: Conversation[]): Promise<boolean> => {
      const { change, progress: verb, done } = actions[action];
      const pending = targets.filter((target) => !actions[action].isNoop(target));
      const succeeded: Conversation[] = [];
      const failed: BulkFailure[] = [];
      setFailures(null);
      for (const [index, target] of pending.entries()) {
        setProgress({ label: verb, done: index + 1, total: pending.length });
        const ok = await moderate(target, change, { quiet: true, undoable: false });
        if (ok) succeeded.push(target);
        else failed.push({ key: rowKey(target.connectionId, target.id), name: conversationName(target) });
      }
      setProgress(null);
      const skipped = targets.length - pending.length;
      if (failed.length > 0) setFailures({ label: done.toLowerCase(), items: failed });

      if (succeeded.length > 0) {
        const undo = async () => {
          for (const target of succeeded) {
            await moderate(applyChange(target, change), inverseOf(target, change), {
              quiet: true,
              undoable: false,
            });
          }
        };
        const undoneLabel = `${done.toLowerCase()} ${plural(succeeded.length)}`;
        const entry = recordUndo({ label: `${done} ${plural(succeeded.length)}`, run: undo });
        const details = [
          skipped > 0 ? `${skipped} already ${done.toLowerCase()}, skipped.` : null,
          failed.length > 0 ? `Failed: ${failed.map((item) => item.name).join(", ")}.` : null,
        ].filter(Boolean);
        (failed.length > 0 ? toast.warning : toast.success)(`${done} ${plural(succeeded.length)}`, {
          description: details.length ? details.join(" ") : undefined,
          action: {
            label: "Undo",
            onClick: () => void undoEntry(entry).then((ran) => ran && toast(`Undone: ${undoneLabel}`)),
          },
        });
      } else if (failed.length > 0) {
        toast.error(`${verb} failed for ${plural(failed.length)}`, {
          description: failed.map((item) => item.name).join(", "),
        });
      } else {
        toast(`Nothing to change: ${plural(skipped)} already ${done.toLowerCase()}.`);
      }
      return failed.length === 0;
    },
    [moderate],
  );

  return { run, progress, failures, dismissFailures: () => setFailures(null) };
}
