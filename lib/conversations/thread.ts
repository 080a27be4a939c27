/**
 * One conversation with its thread, paged by message offset (long threads load page by page),
 * read live from the provider; every read refreshes the conversation's rows in the index (its
 * transcript too when the read covered the whole thread), and a conversation the provider no
 * longer has leaves the index.
 */
import "server-only";
import type { Database } from "@/lib/db/client";
import { memoizeGets } from "@/lib/http/request-memo";
import type { ConnectionHandle } from "@/lib/connections/connection-handle";
import { decodeOffsetCursor, encodeOffsetCursor } from "./thread-cursor";
import type { ConversationDetail, MessagePage, ThreadPage } from "@/lib/model/conversation";
import { getOverlayRow, toConversationDetail } from "./overlay";
import { forgetIndexedConversation, refreshIndexedConversation } from "@/lib/index/refresh";
import { isProviderError } from "@/lib/model/errors";
import type { Message } from "@/lib/model/conversation";
import type { ProviderConversationDetail } from "@/lib/providers/contract";

async function readLive(
  db: Database,
  handle: ConnectionHandle,
  conversationId: string,
): Promise<{ row: ProviderConversationDetail; detail: ConversationDetail }> {
  try {
    const [row, overlay] = await Promise.all([
      handle.adapter.getConversation(handle.context, conversationId),
      getOverlayRow(db, handle.id, conversationId),
    ]);
    return { row, detail: toConversationDetail(handle, row, overlay) };
  } catch (error) {
    if (isProviderError(error) && error.code === "not_found")
      await forgetIndexedConversation(db, handle.id, conversationId).catch(logIndexError);
    throw error;
  }
}

/** The index is a copy: failing to refresh it must not fail a read of the provider. */
function logIndexError(error: unknown): void {
  console.error("[conversations] index refresh failed:", error instanceof Error ? error.message : error);
}

export async function getConversationDetail(
  db: Database,
  handle: ConnectionHandle,
  conversationId: string,
): Promise<ConversationDetail> {
  const { row, detail } = await readLive(db, handle, conversationId);
  await refreshIndexedConversation(db, handle, row, null).catch(logIndexError);
  return detail;
}

export async function getMessagePage(
  handle: ConnectionHandle,
  conversationId: string,
  page: { cursor?: string; limit: number },
): Promise<MessagePage> {
  const offset = decodeOffsetCursor(page.cursor);
  const result = await handle.adapter.listMessages(handle.context, conversationId, {
    offset,
    limit: page.limit,
  });
  const nextOffset = offset + result.messages.length;
  const more = result.hasMore && result.messages.length > 0;
  return {
    messages: result.messages,
    offset,
    nextCursor: more ? encodeOffsetCursor(nextOffset) : null,
    totalMessages: result.total,
  };
}

/** The conversation's details and a page of its thread; reads both share one request's GETs. */
export async function getThread(
  db: Database,
  connection: ConnectionHandle,
  conversationId: string,
  page: { cursor?: string; limit: number },
): Promise<ThreadPage> {
  const handle = {
    ...connection,
    context: { ...connection.context, http: memoizeGets(connection.context.http) },
  };
  const [live, messages] = await Promise.all([
    readLive(db, handle, conversationId),
    getMessagePage(handle, conversationId, page),
  ]);
  const wholeThread: Message[] | null =
    messages.offset === 0 && messages.nextCursor === null ? messages.messages : null;
  await refreshIndexedConversation(db, handle, live.row, wholeThread).catch(logIndexError);
  return { conversation: live.detail, ...messages };
}
