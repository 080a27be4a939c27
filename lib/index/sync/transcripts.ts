/**
 * Transcripts into the index: conversations whose transcript is pending (never read, or their
 * last activity moved since), newest first, read on the background context a few at a time until
 * the run's deadline. Those a list page carried (`listCarriesTranscripts`) were stored with their
 * rows (`listing.ts`) and are not pending. A thread longer than `MAX_INDEXED_MESSAGES` keeps its first messages
 * (`partial`); a conversation the provider no longer has leaves the index.
 */
import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { indexedConversations } from "@/lib/db/schema";
import { isProviderError } from "@/lib/model/errors";
import { markTranscript, removeConversations, replaceTranscript } from "../store/write";
import type { SyncTarget } from "./listing";
import { MAX_INDEXED_MESSAGES } from "./transcript-limit";

const BATCH = 24;
const CONCURRENCY = 3;

/** Provider answers that say this one conversation cannot be read (not the provider being down). */
const conversationFaults = new Set(["bad_response", "invalid_request", "unsupported"]);

export async function readPendingTranscripts(
  target: SyncTarget,
  deadline: number,
): Promise<{ read: number; more: boolean }> {
  const { db, handle } = target;
  let read = 0;
  for (;;) {
    if (Date.now() >= deadline) return { read, more: true };
    const pending = await db
      .select({ id: indexedConversations.id, sortAt: indexedConversations.sortAt })
      .from(indexedConversations)
      .where(
        and(
          eq(indexedConversations.connectionId, handle.id),
          eq(indexedConversations.transcriptState, "pending"),
        ),
      )
      .orderBy(desc(indexedConversations.sortAt), indexedConversations.id)
      .limit(BATCH);
    if (pending.length === 0) return { read, more: false };
    let next = 0;
    const worker = async () => {
      while (next < pending.length && Date.now() < deadline) {
        const row = pending[next++];
        if (row) await readOne(target, row.id, row.sortAt);
        read += 1;
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  }
}

async function readOne(target: SyncTarget, conversationId: string, sortAt: string): Promise<void> {
  const { db, handle } = target;
  const key = { connectionId: handle.id, conversationId };
  try {
    const page = await handle.adapter.listMessages(handle.background, conversationId, {
      offset: 0,
      limit: MAX_INDEXED_MESSAGES,
    });
    target.answers += 1;
    await replaceTranscript(db, key, page.messages, {
      state: page.hasMore ? "partial" : "indexed",
      sortAt,
    });
  } catch (error) {
    if (isProviderError(error) && error.code === "not_found")
      return removeConversations(db, handle.id, [conversationId]);
    if (isProviderError(error) && conversationFaults.has(error.code))
      return markTranscript(db, key, "failed");
    throw error; // the provider is down or refusing: the run fails and is retried
  }
}
