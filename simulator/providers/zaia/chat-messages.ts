/**
 * A chat's messages as Zaia serves them: the planned thread (`thread.ts`) followed by any the
 * live admin call appended. The last two messages, which the chat details show, are computed on
 * demand from the plan, so start-up builds no message at all.
 */
import type { ZaiaMessageRole } from "./catalog";
import type { ZaiaChatRecord } from "./data";
import { messageAt, previewOf, threadMessages, type ZaiaWireMessage } from "./thread";

export interface MessageSummary {
  /** The message's preview (`previewOf`), null for an attachment. */
  content: string | null;
  createdAt: string;
  role: ZaiaMessageRole;
}

/** How many messages the chat holds, appended ones included. */
export function messageCountOf(chat: ZaiaChatRecord): number {
  return chat.thread.count + (chat.appended?.length ?? 0);
}

/** The message at `index` (0-based, oldest first), or undefined past the end. */
export function chatMessageAt(chat: ZaiaChatRecord, index: number): ZaiaWireMessage | undefined {
  if (index < 0) return undefined;
  if (index < chat.thread.count) return messageAt(chat.thread, index);
  return chat.appended?.[index - chat.thread.count];
}

/** Every message, oldest first (long planned threads come from a small cache). */
export function chatMessages(chat: ZaiaChatRecord): readonly ZaiaWireMessage[] {
  const planned = threadMessages(chat.thread);
  return chat.appended && chat.appended.length > 0 ? [...planned, ...chat.appended] : planned;
}

function summaryOf(message: ZaiaWireMessage | undefined): MessageSummary | null {
  if (!message) return null;
  return { content: previewOf(message.content), createdAt: message.createdAt, role: message.role };
}

/** The last message's summary, or null for a chat without messages. */
export function lastSummary(chat: ZaiaChatRecord): MessageSummary | null {
  return summaryOf(chatMessageAt(chat, messageCountOf(chat) - 1));
}

/** The last and the one before, as the chat details show them. */
export function lastTwoSummaries(chat: ZaiaChatRecord): {
  last: MessageSummary | null;
  penultimate: MessageSummary | null;
} {
  const count = messageCountOf(chat);
  return {
    last: summaryOf(chatMessageAt(chat, count - 1)),
    penultimate: summaryOf(chatMessageAt(chat, count - 2)),
  };
}
