"use client";
/**
 * What a thread shares about its internal notes: the notes (one query), the message the next note
 * will be about, and two actions — "Add note about this message" (opens the side panel and
 * focuses the composer) and "show the message" (scrolls the thread to it via `?message=`).
 * Messages read their own notes from here, so a note shows beside the message it is about.
 */
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from "react";
import { useNotes, type Note } from "@/lib/client/notes";

export interface NotesThread {
  connectionId: string;
  conversationId: string;
  notes: Note[];
  loading: boolean;
  error: Error | null;
  /** The message the composer's next note is about, or null. */
  aboutMessageId: string | null;
  setAboutMessageId: (messageId: string | null) => void;
  noteAbout: (messageId: string) => void;
  showMessage: (messageId: string) => void;
  /** A message's 1-based position among the loaded messages, or null when not loaded. */
  positionOf: (messageId: string) => number | null;
  composerRef: React.RefObject<HTMLTextAreaElement | null>;
  /** Bumped when the composer should take focus (after the panel has opened). */
  focusRequest: number;
}

const NotesContext = createContext<NotesThread | null>(null);

export function NotesProvider({
  connectionId,
  conversationId,
  onOpenPanel,
  onShowMessage,
  positionOf,
  children,
}: {
  connectionId: string;
  conversationId: string;
  onOpenPanel: () => void;
  onShowMessage: (messageId: string) => void;
  positionOf: (messageId: string) => number | null;
  children: ReactNode;
}) {
  const query = useNotes(connectionId, conversationId);
  const [aboutMessageId, setAboutMessageId] = useState<string | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const composerRef = useRef<HTMLTextAreaElement>(null);
  const noteAbout = useCallback(
    (messageId: string) => {
      setAboutMessageId(messageId);
      onOpenPanel();
      setFocusRequest((value) => value + 1);
    },
    [onOpenPanel],
  );
  const value = useMemo<NotesThread>(
    () => ({
      connectionId,
      conversationId,
      notes: query.data ?? [],
      loading: query.isPending,
      error: query.error,
      aboutMessageId,
      setAboutMessageId,
      noteAbout,
      showMessage: onShowMessage,
      positionOf,
      composerRef,
      focusRequest,
    }),
    [
      connectionId,
      conversationId,
      query.data,
      query.isPending,
      query.error,
      aboutMessageId,
      noteAbout,
      onShowMessage,
      positionOf,
      focusRequest,
    ],
  );
  return <NotesContext.Provider value={value}>{children}</NotesContext.Provider>;
}

/** The thread's notes, or null outside a thread (a message rendered elsewhere shows no notes). */
export function useNotesThread(): NotesThread | null {
  return useContext(NotesContext);
}
