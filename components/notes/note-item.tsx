"use client";
/**
 * One internal note: author, relative time (edited or not), the body through the thread's safe
 * markdown renderer with mentions as chips, a link to the message it is about, and Edit / Delete
 * for what the caller may do (the API decides: `canEdit`, `canDelete`).
 */
import { MessageSquareIcon } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { SafeMarkdown } from "@/components/conversations/thread/safe-markdown";
import { Button } from "@/components/ui/button";
import { TimeAgo } from "@/components/ui/time-ago";
import { UntrustedText } from "@/components/ui/untrusted-text";
import { useNoteMutations, type Note } from "@/lib/client/notes";
import { bodyToDraft } from "@/lib/model/notes";
import { NoteComposer } from "./note-composer";

export function NoteItem({
  note,
  onShowMessage,
  positionOf,
  compact = false,
}: {
  note: Note;
  /** The position of the message the note is about, when loaded (side panel only). */
  positionOf?: (messageId: string) => number | null;
  /** Scrolls the thread to the message the note is about (side panel only). */
  onShowMessage?: (messageId: string) => void;
  /** Beside a message: no message link, no actions. */
  compact?: boolean;
}) {
  const { update, remove } = useNoteMutations(note.connectionId, note.conversationId);
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const author = note.author.name ?? "a removed user";
  const position = note.messageId && positionOf ? positionOf(note.messageId) : null;
  if (editing) {
    const draft = bodyToDraft(note.body, note.mentions);
    return (
      <NoteComposer
        label={`Edit your note`}
        initialText={draft.text}
        initialChosen={draft.chosen}
        submitLabel="Save"
        pending={update.isPending}
        autoFocus
        onCancel={() => setEditing(false)}
        onSubmit={async (body) => {
          try {
            await update.mutateAsync({ id: note.id, body });
            setEditing(false);
            return true;
          } catch (error) {
            toast.error("Could not save the note", {
              description: error instanceof Error ? error.message : undefined,
            });
            return false;
          }
        }}
      />
    );
  }
  return (
    <article
      aria-label={`Note by ${author}`}
      data-note-id={note.id}
      className="bg-amber-50/60 dark:bg-amber-950/20 rounded-md border border-amber-200/70 dark:border-amber-900/50 px-2 py-1.5"
    >
      <header className="text-muted-foreground flex flex-wrap items-center gap-x-2 text-xs">
        <span className="text-foreground font-medium">
          <UntrustedText text={author} />
        </span>
        <TimeAgo iso={note.createdAt} />
        {note.editedAt ? (
          <span title={`Edited ${new Date(note.editedAt).toLocaleString()}`}>(edited)</span>
        ) : null}
        {compact ? <span className="ml-auto">Internal note</span> : null}
      </header>
      <SafeMarkdown text={note.body} mentions={note.mentions} />
      {!compact && note.messageId && onShowMessage ? (
        <Button
          variant="link"
          size="sm"
          className="h-auto px-0 text-xs"
          onClick={() => onShowMessage(note.messageId as string)}
        >
          <MessageSquareIcon aria-hidden />{" "}
          {position ? `About message ${position}: show it` : "About a message: show it"}
        </Button>
      ) : null}
      {!compact && (note.canEdit || note.canDelete) ? (
        <div className="mt-1 flex flex-wrap items-center gap-1">
          {confirming ? (
            <>
              <span className="text-xs">Delete this note?</span>
              <Button
                variant="destructive"
                size="sm"
                className="h-6 px-2 text-xs"
                disabled={remove.isPending}
                onClick={() =>
                  remove.mutate(note.id, {
                    onSuccess: () => toast.success("Note deleted"),
                    onError: (error) => {
                      setConfirming(false);
                      toast.error("Could not delete the note", { description: error.message });
                    },
                  })
                }
              >
                Delete
              </Button>
              <Button
                variant="ghost"
                size="sm"
                className="h-6 px-2 text-xs"
                autoFocus
                onClick={() => setConfirming(false)}
              >
                Keep it
              </Button>
            </>
          ) : (
            <>
              {note.canEdit ? (
                <Button
                  variant="ghost"
                  size="sm"
                  className="h-6 px-2 text-xs"
                  aria-label={`Edit note by ${author}`}
                  onClick={() => setEditing(true)}
                >
                  Edit
                </Button>
              ) : null}
              {note.canDelete ? (
                <Button
                  variant="ghost"
                  size="sm"
                  className="h-6 px-2 text-xs"
                  aria-label={`Delete note by ${author}`}
                  onClick={() => setConfirming(true)}
                >
                  Delete
                </Button>
              ) : null}
            </>
          )}
        </div>
      ) : null}
    </article>
  );
}
