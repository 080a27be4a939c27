"use client";
/**
 * The Notes section of the thread's side panel: how many, each note (oldest first), and the
 * composer. A note started from a message ("Add note about this message") says which message it
 * is about, with a way to drop that. Notes are Parley's own; nothing here goes to the provider.
 */
import { XIcon } from "lucide-react";
import { useEffect, useId } from "react";
import { toast } from "sonner";
import { Heading, type HeadingLevel } from "@/components/conversations/thread/heading";
import { Button } from "@/components/ui/button";
import { useNoteMutations } from "@/lib/client/notes";
import { NoteComposer } from "./note-composer";
import { NoteItem } from "./note-item";
import { useNotesThread } from "./notes-context";

export function NotesSection({ headingLevel }: { headingLevel: HeadingLevel }) {
  const thread = useNotesThread();
  const headingId = useId();
  const { create } = useNoteMutations(thread?.connectionId ?? "", thread?.conversationId ?? "");
  const focusRequest = thread?.focusRequest ?? 0;
  const composerRef = thread?.composerRef;
  useEffect(() => {
    if (focusRequest === 0 || !composerRef) return;
    // After the panel's own focus handling (it focuses itself when it opens over the messages).
    const frame = requestAnimationFrame(() => composerRef.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, [focusRequest, composerRef]);
  if (!thread) return null;
  const { notes, aboutMessageId } = thread;
  return (
    <section aria-labelledby={headingId} className="space-y-2 text-sm">
      <Heading level={headingLevel} id={headingId} className="text-sm font-semibold">
        Notes <span className="text-muted-foreground font-normal">({notes.length})</span>
      </Heading>
      {thread.error ? (
        <p role="alert" className="text-destructive text-xs">
          Could not load the notes: {thread.error.message}
        </p>
      ) : null}
      {notes.length === 0 && !thread.loading && !thread.error ? (
        <p className="text-muted-foreground text-xs">
          No notes yet. Notes are internal: only Parley users see them.
        </p>
      ) : null}
      <ol className="space-y-2" aria-label="Notes">
        {notes.map((note) => (
          <li key={note.id}>
            <NoteItem note={note} onShowMessage={thread.showMessage} positionOf={thread.positionOf} />
          </li>
        ))}
      </ol>
      {aboutMessageId ? (
        <p className="bg-muted flex items-center justify-between gap-2 rounded-md px-2 py-1 text-xs">
          <span>
            This note will be about{" "}
            {thread.positionOf(aboutMessageId)
              ? `message ${thread.positionOf(aboutMessageId)}`
              : "the message you chose"}
            .
          </span>
          <Button
            variant="ghost"
            size="icon-sm"
            className="size-5"
            aria-label="Do not attach the note to a message"
            onClick={() => thread.setAboutMessageId(null)}
          >
            <XIcon aria-hidden />
          </Button>
        </p>
      ) : null}
      <NoteComposer
        label={aboutMessageId ? "New note about the message" : "New note"}
        submitLabel="Add note"
        pending={create.isPending}
        textareaRef={thread.composerRef}
        onSubmit={async (body) => {
          try {
            await create.mutateAsync({ body, messageId: aboutMessageId });
            thread.setAboutMessageId(null);
            return true;
          } catch (error) {
            toast.error("Could not add the note", {
              description: error instanceof Error ? error.message : undefined,
            });
            return false;
          }
        }}
      />
    </section>
  );
}
