/**
 * The thread of a chain: chats linked by `previousChatId`. Cozmox hands a chat's `messages` and
 * `output` on to the next chat as its context (seed 002: "The messages from the previous chat will
 * be used as context"), so the latest chat of a chain holds the whole conversation. Its history is
 * read once, never chat by chat, so no message is counted twice; a one-off chat is a chain of one.
 *
 * The earlier chats still say when each message was written and what it cost: chat k's part of
 * the history ends where its own history did (`historyLength`), so each message is dated by the
 * first chat whose history reaches it, and each chat's cost goes on the last message it added.
 *
 * @see https://docs.cozmox.cloud/api-reference/chats/delete-chat (seed 002: `previousChatId`)
 */
import type { Cost, Message } from "@/lib/model/conversation";
import { flattenCozmoxInput, linkToolResults } from "./assemble-cozmox-thread";
import { mapCozmoxCost } from "./map-cozmox-cost";
import { cozmoxMessageText, mapCozmoxMessage, mapCozmoxRole } from "./map-cozmox-message";
import type { CozmoxChat, CozmoxCost, CozmoxMessage } from "./wire-schemas";

const sameMessage = (left: CozmoxMessage, right: CozmoxMessage): boolean =>
  mapCozmoxRole(left.role) === mapCozmoxRole(right.role) &&
  cozmoxMessageText(left) === cozmoxMessageText(right);

/**
 * Everything a chat holds, oldest first: its `messages` (the context, which normally ends with
 * the chat's own input), its input when `messages` does not already end with it, then `output`.
 */
export function chainHistory(chat: CozmoxChat): CozmoxMessage[] {
  const context = chat.messages ?? [];
  const input = chat.input != null ? flattenCozmoxInput(chat.input) : [];
  const tail = context.slice(context.length - input.length);
  const inputIsInContext =
    input.length <= context.length &&
    input.every((message, index) => sameMessage(message, tail[index] ?? message));
  return [...context, ...(inputIsInContext ? [] : input), ...(chat.output ?? [])];
}

/** What the thread needs to know of each chat of the chain (from the connection's chat index). */
export interface ChainChatFacts {
  createdAt: string;
  /** `chainHistory(chat).length`: where this chat's part of the chain's history ends. */
  historyLength: number;
  cost: number | null;
  costs: readonly CozmoxCost[];
}

const isoOrNull = (value: string): string | null => {
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
};

/**
 * The thread of a chain from its latest chat; `chats` are the chain's chats oldest first (the
 * latest included). Message ids are `${conversationId}:${index}`, stable as the chain grows.
 */
export function assembleCozmoxChain(
  conversationId: string,
  latest: CozmoxChat,
  chats: readonly ChainChatFacts[],
): Message[] {
  return assembleCozmoxChainHistory(conversationId, chainHistory(latest), latest.createdAt, chats);
}

/** `assembleCozmoxChain` from the latest chat's `chainHistory`, already taken (the chat index keeps it). */
export function assembleCozmoxChainHistory(
  conversationId: string,
  history: readonly CozmoxMessage[],
  latestCreatedAt: string,
  chats: readonly ChainChatFacts[],
): Message[] {
  const costAt = new Map<number, Cost | null>();
  for (const chat of chats) {
    const cost = mapCozmoxCost({ cost: chat.cost, costs: [...chat.costs] });
    if (cost && chat.historyLength > 0) costAt.set(Math.min(chat.historyLength, history.length) - 1, cost);
  }
  let owner = 0;
  const messages = history.map((message, index) => {
    while (owner < chats.length - 1 && (chats[owner]?.historyLength ?? 0) <= index) owner += 1;
    const chat = chats[owner];
    return mapCozmoxMessage(message, {
      id: `${conversationId}:${index}`,
      chatCreatedAt: isoOrNull(chat?.createdAt ?? latestCreatedAt),
      cost: costAt.get(index) ?? null,
    });
  });
  return linkToolResults(messages);
}
