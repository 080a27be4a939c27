/** One conversation with its thread, paged by message offset (long threads load page by page). */
import "server-only";
import type { Database } from "@/lib/db/client";
import { memoizeGets } from "@/lib/http/request-memo";
import type { ConnectionHandle } from "@/lib/connections/connection-handle";
import { decodeOffsetCursor, encodeOffsetCursor } from "./cursor";
import type { ConversationDetail, MessagePage, ThreadPage } from "@/lib/model/conversation";
import { getOverlayRow, toConversationDetail } from "./overlay";

export async function getConversationDetail(
  db: Database,
  handle: ConnectionHandle,
  conversationId: string,
): Promise<ConversationDetail> {
  const [row, overlay] = await Promise.all([
    handle.adapter.getConversation(handle.context, conversationId),
    getOverlayRow(db, handle.id, conversationId),
  ]);
  return toConversationDetail(handle, row, overlay);
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
  const [conversation, messages] = await Promise.all([
    getConversationDetail(db, handle, conversationId),
    getMessagePage(handle, conversationId, page),
  ]);
  return { conversation, ...messages };
}
