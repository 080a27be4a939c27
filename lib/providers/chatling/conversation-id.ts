/**
 * Parley addresses a Chatling conversation as `${chatbotId}-${conversationId}`, because Chatling's
 * paths need both. Both parts are letters and digits only (Chatling's ids are numeric strings), so
 * the dash separates them unambiguously and no part can smuggle a path segment.
 */
import { ProviderError } from "@/lib/providers/errors";

const idPart = /^[A-Za-z0-9]{1,64}$/;

export interface ChatlingConversationAddress {
  chatbotId: string;
  conversationId: string;
}

/** Whether a chatbot or conversation id has the shape Parley accepts. */
export function isChatlingIdPart(value: string): boolean {
  return idPart.test(value);
}

export function formatChatlingConversationId(address: ChatlingConversationAddress): string {
  return `${address.chatbotId}-${address.conversationId}`;
}

/** Splits a Parley id; anything malformed is a `not_found`, like an id Chatling does not know. */
export function parseChatlingConversationId(id: string): ChatlingConversationAddress {
  const [chatbotId, conversationId, ...rest] = id.split("-");
  if (
    rest.length > 0 ||
    chatbotId === undefined ||
    conversationId === undefined ||
    !isChatlingIdPart(chatbotId) ||
    !isChatlingIdPart(conversationId)
  ) {
    throw new ProviderError("not_found", "chatling", "Chatling has no such conversation (malformed id)");
  }
  return { chatbotId, conversationId };
}
