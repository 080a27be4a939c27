/**
 * How much of a thread the index keeps, whether sync reads it (`transcripts.ts`) or a list page
 * carries it (`listing.ts`).
 */
import type { Message } from "@/lib/model/conversation";
import type { CarriedTranscript } from "../store/write";

/** Messages kept per conversation: bounds a 10,000-message thread's cost in calls and storage. */
export const MAX_INDEXED_MESSAGES = 1_000;

/** A transcript a list row carried, cut to what the index keeps (`partial` past the limit). */
export function carriedTranscript(messages: readonly Message[]): CarriedTranscript {
  return messages.length > MAX_INDEXED_MESSAGES
    ? { messages: messages.slice(0, MAX_INDEXED_MESSAGES), state: "partial" }
    : { messages, state: "indexed" };
}
