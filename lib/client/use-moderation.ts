"use client";
/**
 * Moderation from the browser: optimistic updates on every cached list and thread, rolled back
 * when the server refuses (with the provider's reason in a toast), an Undo action on each
 * success, and the tab's one undo log (`undo-log.ts`) for the `z` shortcut.
 */
import "client-only";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { toast } from "sonner";
import { providerLabels } from "@/lib/model/constants";
import type { Conversation, ConversationPage, ThreadPage } from "@/lib/model/conversation";
import { conversationKeys, moderateConversationRequest } from "./conversation-queries";
import { costKeys } from "./cost-queries";
import { recordUndo, takeLastUndo, undoEntry } from "./undo-log";

export type ModerationChange = {
  important?: boolean;
  archived?: boolean;
  title?: string | null;
  trashed?: boolean;
};
export type ModerationTarget = Pick<
  Conversation,
  "connectionId" | "id" | "title" | "providerTitle" | "flags" | "flagHomes" | "provider"
>;

/** What a change does, in words for a toast. */
export function describeChange(change: ModerationChange): string {
  if (change.important !== undefined) return change.important ? "Marked important" : "Removed from important";
  if (change.archived !== undefined) return change.archived ? "Archived" : "Moved back to inbox";
  if (change.trashed !== undefined) return change.trashed ? "Moved to trash" : "Restored from trash";
  if (change.title !== undefined) return change.title === null ? "Title reset" : "Renamed";
  return "Updated";
}

/** The change that puts a conversation back as it was. */
export function inverseOf(target: ModerationTarget, change: ModerationChange): ModerationChange {
  const inverse: ModerationChange = {};
  if (change.important !== undefined) inverse.important = target.flags.important;
  if (change.archived !== undefined) inverse.archived = target.flags.archived;
  if (change.trashed !== undefined) inverse.trashed = target.flags.trashed;
  if (change.title !== undefined)
    inverse.title =
      target.flagHomes.title === "provider"
        ? target.title
        : target.title === target.providerTitle
          ? null
          : target.title;
  return inverse;
}

export function applyChange<T extends ModerationTarget>(conversation: T, change: ModerationChange): T {
  return {
    ...conversation,
    title: change.title !== undefined ? (change.title ?? conversation.providerTitle) : conversation.title,
    flags: {
      ...conversation.flags,
      important: change.important ?? conversation.flags.important,
      archived: change.archived ?? conversation.flags.archived,
      trashed: change.trashed ?? conversation.flags.trashed,
    },
  };
}

function where(target: ModerationTarget, change: ModerationChange): string {
  const field =
    change.important !== undefined
      ? "important"
      : change.archived !== undefined
        ? "archived"
        : change.title !== undefined
          ? "title"
          : "trashed";
  return target.flagHomes[field] === "provider" ? ` in ${providerLabels[target.provider]}` : "";
}

interface Variables {
  target: ModerationTarget;
  change: ModerationChange;
}

export function useModeration() {
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: ({ target, change }: Variables) =>
      moderateConversationRequest(target.connectionId, target.id, change),
    onMutate: async ({ target, change }) => {
      const threadKey = conversationKeys.thread(target.connectionId, target.id);
      await Promise.all([
        queryClient.cancelQueries({ queryKey: conversationKeys.lists() }),
        queryClient.cancelQueries({ queryKey: threadKey, exact: true }),
      ]);
      const lists = queryClient.getQueriesData<ConversationPage>({ queryKey: conversationKeys.lists() });
      const thread = queryClient.getQueryData<ThreadPage>(threadKey);
      queryClient.setQueriesData<ConversationPage>({ queryKey: conversationKeys.lists() }, (page) =>
        page
          ? {
              ...page,
              items: page.items.map((item) =>
                item.connectionId === target.connectionId && item.id === target.id
                  ? applyChange(item, change)
                  : item,
              ),
            }
          : page,
      );
      if (thread)
        queryClient.setQueryData<ThreadPage>(threadKey, {
          ...thread,
          conversation: applyChange(thread.conversation, change),
        });
      return { lists, thread };
    },
    onError: (_error, { target }, context) => {
      for (const [key, data] of context?.lists ?? []) queryClient.setQueryData(key, data);
      if (context?.thread)
        queryClient.setQueryData(conversationKeys.thread(target.connectionId, target.id), context.thread);
    },
    onSettled: (_data, _error, { target }) => {
      void queryClient.invalidateQueries({ queryKey: conversationKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: conversationKeys.viewCounts() });
      // Trash and archive move a conversation in or out of a view, so its costs change too.
      void queryClient.invalidateQueries({ queryKey: costKeys.all });
      // The thread's own query and its history; its message pages do not change with moderation.
      void queryClient.invalidateQueries({
        queryKey: conversationKeys.thread(target.connectionId, target.id),
        exact: true,
      });
      void queryClient.invalidateQueries({
        queryKey: conversationKeys.history(target.connectionId, target.id),
      });
    },
  });

  const { mutateAsync } = mutation;

  /** Applies a change; resolves true on success. Failures show the server's reason and roll back. */
  const moderate = useCallback(
    async (
      target: ModerationTarget,
      change: ModerationChange,
      options: { undoable?: boolean; quiet?: boolean } = {},
    ): Promise<boolean> => {
      const undoable = options.undoable ?? true;
      const label = describeChange(change);
      try {
        await mutateAsync({ target, change });
      } catch (error) {
        toast.error(`${label} failed`, {
          description: error instanceof Error ? error.message : "The server refused the change.",
        });
        return false;
      }
      if (undoable) {
        const inverse = inverseOf(target, change);
        const undone = applyChange(target, change);
        const entry = recordUndo({ label, run: () => mutateAsync({ target: undone, change: inverse }) });
        if (!options.quiet)
          toast.success(`${label}${where(target, change)}`, {
            duration: 8_000,
            action: {
              label: "Undo",
              onClick: () => {
                void undoEntry(entry).then(
                  (ran) => ran && toast(`Undone: ${label.toLowerCase()}`),
                  (error: unknown) =>
                    toast.error("Undo failed", {
                      description: error instanceof Error ? error.message : undefined,
                    }),
                );
              },
            },
          });
      }
      return true;
    },
    [mutateAsync],
  );

  /** Undoes the most recent change made in this tab, single or bulk, list or thread (the `z` shortcut). */
  const undoLast = useCallback(async () => {
    const entry = takeLastUndo();
    if (!entry) {
      toast("Nothing to undo");
      return;
    }
    try {
      await entry.run();
      toast(`Undone: ${entry.label.toLowerCase()}`);
    } catch (error) {
      toast.error("Undo failed", { description: error instanceof Error ? error.message : undefined });
    }
  }, []);

  return { moderate, undoLast, isPending: mutation.isPending };
}
