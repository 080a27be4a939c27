"use client";
/** The internal notes about one message, shown under it in the thread (read-only; edit in the panel). */
import type { Note } from "@/lib/client/notes";
import { NoteItem } from "./note-item";

export function MessageNotes({ notes, messageId }: { notes: readonly Note[]; messageId: string }) {
  const about = notes.filter((note) => note.messageId === messageId);
  if (about.length === 0) return null;
  return (
    <ul className="mt-2 space-y-1.5" aria-label="Notes about this message">
      {about.map((note) => (
        <li key={note.id}>
          <NoteItem note={note} compact />
        </li>
      ))}
    </ul>
  );
}
