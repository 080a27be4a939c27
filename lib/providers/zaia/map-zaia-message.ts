/**
 * Maps Zaia chat messages into Parley's message model. Pure, no I/O.
 *
 * Roles: `user`, `assistant` and `system` keep their names; `human` (a workspace member who took
 * over from the agent) becomes `human_agent`; anything else is `unknown` with Zaia's word kept in
 * `providerRole`. Text is Zaia's content as is (markdown stays markdown); a message without content
 * (an attachment, say) has empty text.
 *
 * @see https://docs.zaia.app/documentation/api-reference-alpha/reference/chat-messages
 */
import type { Message, MessageRole } from "@/lib/model/conversation";
import { toIsoTime } from "./map-zaia-conversation";
import type { ZaiaMessage } from "./wire-schemas";

export function mapZaiaRole(role: string): MessageRole {
  switch (role) {
    case "user":
      return "user";
    case "assistant":
      return "assistant";
    case "system":
      return "system";
    case "human":
      return "human_agent";
    default:
      return "unknown";
  }
}

/**
 * One message. `position` is its index in the whole thread (0-based), used to synthesise a
 * stable id `${conversationId}:${position}` when Zaia gives none.
 */
export function mapZaiaMessage(
  message: ZaiaMessage,
  context: { conversationId: string; position: number },
): Message {
  const id = message.id ?? "";
  return {
    id: id === "" ? `${context.conversationId}:${context.position}` : id,
    role: mapZaiaRole(message.role),
    providerRole: message.role,
    text: message.content ?? "",
    createdAt: toIsoTime(message.createdAt),
    toolCalls: [],
    toolCallId: null,
    sources: [],
    rating: null,
    cost: null,
  };
}
