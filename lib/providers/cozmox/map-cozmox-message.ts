/**
 * Maps one Cozmox message (either wire shape) into Parley's `Message`.
 *
 * @see https://docs.cozmox.cloud/api-reference/chats/delete-chat (seed 002: `messages`, `output`)
 */
import type { Cost, Message, MessageRole, ToolCall } from "@/lib/model/conversation";
import type { CozmoxMessage, CozmoxToolCall } from "./wire-schemas";

/**
 * Cozmox role words to Parley roles. `bot` is the assistant in call-transcript messages; anything
 * else (seed 002's example says `<string>`) is `unknown`, and the word is kept in `providerRole`.
 */
export function mapCozmoxRole(role: string): MessageRole {
  switch (role.trim().toLowerCase()) {
    case "user":
    case "customer":
      return "user";
    case "assistant":
    case "bot":
      return "assistant";
    case "system":
      return "system";
    case "tool":
    case "function":
      return "tool";
    case "developer":
      return "developer";
    default:
      return "unknown";
  }
}

/** Text as the provider wrote it: `content` (string or text parts), else `message`, else `refusal`. */
export function cozmoxMessageText(message: CozmoxMessage): string {
  const { content } = message;
  if (typeof content === "string") return content;
  if (Array.isArray(content)) {
    const parts = content.flatMap((part) => (typeof part.text === "string" ? [part.text] : []));
    if (parts.length > 0) return parts.join("\n");
  }
  return message.message ?? message.refusal ?? "";
}

/** Transcript `time` values are epoch milliseconds; anything before 2000 (seed 002 says `123`) is not a real time. */
const EARLIEST_PLAUSIBLE_TIME = Date.UTC(2000, 0, 1);
const LATEST_PLAUSIBLE_TIME = Date.UTC(2200, 0, 1);

function messageTime(message: CozmoxMessage): string | null {
  const { time } = message;
  if (typeof time !== "number" || !Number.isFinite(time)) return null;
  if (time < EARLIEST_PLAUSIBLE_TIME || time > LATEST_PLAUSIBLE_TIME) return null;
  return new Date(time).toISOString();
}

function mapToolCall(call: CozmoxToolCall): ToolCall {
  const raw = call.function.arguments;
  return {
    id: call.id ?? null,
    name: call.function.name,
    arguments: typeof raw === "string" ? raw : raw ? JSON.stringify(raw) : "",
    result: null,
  };
}

export interface CozmoxMessageContext {
  /** Stable id within the thread (`${conversationId}:${index}`). */
  id: string;
  /** ISO time of the chat the message belongs to, used when the message has no `time`. */
  chatCreatedAt: string | null;
  /** The chat's cost, set on the last message of a chat's output. */
  cost?: Cost | null;
}

export function mapCozmoxMessage(message: CozmoxMessage, context: CozmoxMessageContext): Message {
  return {
    id: context.id,
    role: mapCozmoxRole(message.role),
    providerRole: message.role,
    text: cozmoxMessageText(message),
    createdAt: messageTime(message) ?? context.chatCreatedAt,
    toolCalls: (message.tool_calls ?? []).map(mapToolCall),
    toolCallId: message.tool_call_id ?? null,
    sources: [],
    rating: null,
    cost: context.cost ?? null,
  };
}
