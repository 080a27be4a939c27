"use client";
/**
 * The list's moderation actions on one conversation (star, archive, trash, rename) and in bulk,
 * all through `useModeration` (optimistic, rolled back on refusal, with an Undo toast), plus the
 * `z` undo that covers both kinds in the order they were made (see `undo-log.ts`).
 */
import { useCallback } from "react";
import type { Conversation } from "@/lib/model/conversation";
import { useModeration, type ModerationChange } from "@/lib/client/use-moderation";
import { useBulkModeration } from "./use-bulk-moderation";
import { recordUndo, takeLastUndo } from "./undo-log";

export function useListActions() {
  const { moderate, undoLast } = useModeration();
  const bulk = useBulkModeration(moderate);

  const change = useCallback(
    async (conversation: Conversation, patch: ModerationChange) => {
      const ok = await moderate(conversation, patch);
      if (ok) recordUndo({ kind: "single" });
      return ok;
    },
    [moderate],
  );

  const toggleImportant = useCallback(
    (conversation: Conversation) => change(conversation, { important: !conversation.flags.important }),
    [change],
  );
  const toggleArchived = useCallback(
    (conversation: Conversation) => change(conversation, { archived: !conversation.flags.archived }),
    [change],
  );
  /** Moves to trash, or restores when the conversation is already there (the Trash view). */
  const toggleTrashed = useCallback(
    (conversation: Conversation) => change(conversation, { trashed: !conversation.flags.trashed }),
    [change],
  );
  const rename = useCallback(
    async (conversation: Conversation, title: string | null) => {
      const unchanged =
        title === null ? conversation.title === conversation.providerTitle : title === conversation.title;
      if (unchanged) return true;
      return change(conversation, { title });
    },
    [change],
  );

  const undo = useCallback(async () => {
    const entry = takeLastUndo();
    if (entry?.kind === "batch") await entry.undo();
    else await undoLast();
  }, [undoLast]);

  return { toggleImportant, toggleArchived, toggleTrashed, rename, undo, bulk };
}
