/**
 * Builds a session's thread from its chats. Each chat is one turn; its `messages` repeat earlier
 * turns as context, so taking them would count history twice. A chat contributes only what is new:
 * its `input` (a string is one user message; a message array is those messages), then its
 * `output`. A chat without `input` contributes the tail of its `messages` after the last answer.
 *
 * @see https://docs.cozmox.cloud/api-reference/chats/delete-chat (seed 002: `input`, `messages`, `output`)
 */
import type { Message } from "@/lib/model/conversation";
import { mapCozmoxCost } from "./map-cozmox-cost";
import { mapCozmoxMessage, mapCozmoxRole, cozmoxMessageText } from "./map-cozmox-message";
import type { CozmoxChat, CozmoxCost, CozmoxInput, CozmoxInputItem, CozmoxMessage } from "./wire-schemas";

interface FlatInput {
  message: CozmoxMessage;
  /** Whether the item was a bare string rather than a message object. */
  bare: boolean;
}

function flatten(item: CozmoxInputItem, into: FlatInput[]): void {
  if (typeof item === "string") into.push({ message: { role: "user", content: item }, bare: true });
  else if (Array.isArray(item)) for (const inner of item) flatten(inner, into);
  else into.push({ message: item, bare: false });
}

/**
 * The messages of a chat's `input`. Seed 002 renders `input` as `["text", [{role: "user",
 * content: "text"}]]`: the same words once as a string and once as a message. A user message that
 * repeats the bare string right before it is that artefact and is dropped.
 */
export function flattenCozmoxInput(input: CozmoxInput): CozmoxMessage[] {
  const flat: FlatInput[] = [];
  flatten(input, flat);
  const kept: FlatInput[] = [];
  for (const entry of flat) {
    const previous = kept[kept.length - 1];
    const repeatsBareString =
      !entry.bare &&
      previous?.bare === true &&
      mapCozmoxRole(entry.message.role) === "user" &&
      cozmoxMessageText(entry.message) === cozmoxMessageText(previous.message);
    if (!repeatsBareString) kept.push(entry);
  }
  return kept.map((entry) => entry.message);
}

/** The new messages at the end of a chat's `messages`: everything after the last answer. */
function trailingNewMessages(messages: readonly CozmoxMessage[]): CozmoxMessage[] {
  let start = 0;
  messages.forEach((message, index) => {
    const role = mapCozmoxRole(message.role);
    if (role === "assistant" || role === "tool") start = index + 1;
  });
  return messages.slice(start);
}

/** The wire messages one chat adds to the thread, oldest first. */
export function chatTurnMessages(chat: CozmoxChat): { input: CozmoxMessage[]; output: CozmoxMessage[] } {
  const input =
    chat.input != null ? flattenCozmoxInput(chat.input) : trailingNewMessages(chat.messages ?? []);
  return { input, output: chat.output ?? [] };
}

const isoOrNull = (value: string): string | null => {
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
};

/** What a turn's messages need of their chat besides its messages. */
export interface CozmoxTurnFacts {
  createdAt: string;
  cost?: number | null;
  costs?: readonly CozmoxCost[] | null;
}

/**
 * Maps a chat's turn into Parley messages numbered from `startIndex`. The chat's cost is put on
 * the last message of its output (the answer that cost it).
 */
export function mapCozmoxChatTurn(chat: CozmoxChat, conversationId: string, startIndex: number): Message[] {
  return mapCozmoxTurn(chatTurnMessages(chat), chat, conversationId, startIndex);
}

/** `mapCozmoxChatTurn` from a turn already taken out of its chat (the chat index keeps turns). */
export function mapCozmoxTurn(
  turn: { input: readonly CozmoxMessage[]; output: readonly CozmoxMessage[] },
  chat: CozmoxTurnFacts,
  conversationId: string,
  startIndex: number,
): Message[] {
  const { input, output } = turn;
  const chatCreatedAt = isoOrNull(chat.createdAt);
  const cost = mapCozmoxCost(chat);
  const all = [...input, ...output];
  return all.map((message, index) =>
    mapCozmoxMessage(message, {
      id: `${conversationId}:${startIndex + index}`,
      chatCreatedAt,
      cost: output.length > 0 && index === all.length - 1 ? cost : null,
    }),
  );
}

/** Fills each tool call's `result` with the text of the `tool` message that answers it. */
export function linkToolResults(messages: readonly Message[]): Message[] {
  const results = new Map<string, string>();
  for (const message of messages)
    if (message.toolCallId !== null) results.set(message.toolCallId, message.text);
  return messages.map((message) =>
    message.toolCalls.length === 0
      ? message
      : {
          ...message,
          toolCalls: message.toolCalls.map((call) => ({
            ...call,
            result: call.id !== null ? (results.get(call.id) ?? call.result) : call.result,
          })),
        },
  );
}

/** A whole thread from chats given oldest first. */
export function assembleCozmoxThread(conversationId: string, chats: readonly CozmoxChat[]): Message[] {
  const messages: Message[] = [];
  for (const chat of chats) messages.push(...mapCozmoxChatTurn(chat, conversationId, messages.length));
  return linkToolResults(messages);
}
