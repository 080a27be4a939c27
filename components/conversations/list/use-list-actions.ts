"use client";
/**
 * The list's moderation actions on one conversation (star, archive, trash, rename) and in bulk,
 * one at a time through `useModeration` (optimistic, rolled back on refusal, with an Undo toast),
 * in bulk as a server job (`useBulkModeration`), labels in bulk (`useBulkLabels`), plus the `z` undo that covers both kinds in the order they were made (the tab's one undo log).
 */
import { useCallback } from "react";
import type { Conversation } from "@/lib/model/conversation";
import { useModeration, type ModerationChange } from "@/lib/client/use-moderation";
import { useBulkLabels } from "@/components/labels/use-bulk-labels";
import { useBulkModeration } from "./use-bulk-moderation";

export function useListActions() {
  const { moderate, undoLast } = useModeration();
  const bulk = useBulkModeration();
  const bulkLabels = useBulkLabels();

  const change = useCallback(
    (conversation: Conversation, patch: ModerationChange) => moderate(conversation, patch),
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

  return { toggleImportant, toggleArchived, toggleTrashed, rename, undo: undoLast, bulk, bulkLabels };
}
