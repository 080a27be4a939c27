/**
 * Chatling messages into Parley's `Message`. Text stays exactly as Chatling sent it (markdown stays
 * markdown; the UI renders it safely), the provider's role word is kept beside the mapped role,
 * and the knowledge-base sources and the `helpful_value` rating come along.
 *
 * @see https://docs.chatling.ai/api-reference/v2/conversations/list-conversation-messages
 * @see https://docs.chatling.ai/api-reference/v2/conversations/rate-ai-answer
 */
import type { Message, MessageRole, Source } from "@/lib/model/conversation";
import type { ChatlingMessage } from "./wire-schemas";

/** Any date-time Chatling sends, as an ISO string in UTC; null when absent or unreadable. */
export function toIsoTimestamp(value: string | null | undefined): string | null {
  if (!value) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/** Chatling's roles are `bot`, `user` and `system`; any other word maps to `unknown`. */
export function mapChatlingRole(role: string): MessageRole {
  switch (role.toLowerCase()) {
    case "bot":
      return "assistant";
    case "user":
      return "user";
    case "system":
      return "system";
    default:
      return "unknown";
  }
}

/** `helpful_value`: 1 helpful, -1 not helpful; null, 0 or anything else means no rating. */
function mapRating(helpfulValue: number | null | undefined): number | null {
  return helpfulValue === 1 || helpfulValue === -1 ? helpfulValue : null;
}

function mapSources(message: ChatlingMessage): Source[] {
  return (message.data?.sources ?? []).map((source) => ({
    type: source.type ?? null,
    title: source.title ?? null,
    url: source.url ?? null,
  }));
}

/**
 * Maps one message. `fallbackId` is used when Chatling gives no id (seed 004's examples have
 * none); callers pass `${conversationId}:${position}` so it is stable and unique in the thread.
 */
export function mapChatlingMessage(message: ChatlingMessage, fallbackId: string): Message {
  return {
    id: message.id ?? fallbackId,
    role: mapChatlingRole(message.role),
    providerRole: message.role,
    text: message.text ?? "",
    createdAt: toIsoTimestamp(message.created_at),
    toolCalls: [],
    toolCallId: null,
    sources: mapSources(message),
    rating: mapRating(message.data?.helpful_value),
    cost: null,
  };
}
