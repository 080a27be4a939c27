/**
 * How Cozmox chats form Parley conversations (seed 002's `Chat`; providers.md §3.3):
 * - the chats of one `sessionId` are one conversation, whose id is the session id;
 * - chats linked by `previousChatId` are one conversation, whose id is `chat:` + the id of the
 *   chain's first chat. The id stays the same as the chain grows, and even when that first chat is
 *   deleted (the chain still points at it);
 * - a chat with neither is a conversation of its own (a chain of one chat).
 *
 * Vapi calls `sessionId` and `previousChatId` mutually exclusive; a chat carrying both (seed 002's
 * example does) belongs to its session. A chain stops at a chat of a session, and a cycle (a chat
 * that follows itself) is cut at its smallest id, so grouping never loops. Two chats following the
 * same chat (a fork) stay in one conversation; its thread is the latest chat's history.
 *
 * Ids are opaque to the rest of Parley; only this file reads them.
 */
import { chatTurnMessages } from "./assemble-cozmox-thread";
import { chainHistory } from "./assemble-cozmox-chain";
import { cozmoxMessageText } from "./map-cozmox-message";
import type { CozmoxChat, CozmoxCost, CozmoxMessage } from "./wire-schemas";

const CHAIN_PREFIX = "chat:";
/** Previews are one line in a list; the rest of the answer is in the thread. */
const PREVIEW_CHARS = 280;

export type CozmoxConversationRef =
  { kind: "session"; sessionId: string } | { kind: "chain"; rootChatId: string };

export function cozmoxConversationId(ref: CozmoxConversationRef): string {
  return ref.kind === "session" ? ref.sessionId : `${CHAIN_PREFIX}${ref.rootChatId}`;
}

export function parseCozmoxConversationId(id: string): CozmoxConversationRef {
  return id.startsWith(CHAIN_PREFIX)
    ? { kind: "chain", rootChatId: id.slice(CHAIN_PREFIX.length) }
    : { kind: "session", sessionId: id };
}

/**
 * A chat's own part of a thread, kept only while sync asks for list transcripts: a session chat's
 * turn (`chatTurnMessages`), or a chain chat's whole history (`chainHistory`, kept on the chain's
 * latest chat only, see `cozmox-chat-index.ts`).
 */
export type CozmoxChatThread =
  | { kind: "turn"; input: CozmoxMessage[]; output: CozmoxMessage[] }
  | { kind: "history"; messages: CozmoxMessage[] };

/**
 * What Parley keeps of a chat between requests: no message text beyond a preview, unless
 * `thread` is asked for (a connection whose transcripts sync indexes from the list).
 */
export interface CozmoxChatSummary {
  id: string;
  sessionId: string | null;
  previousChatId: string | null;
  createdAt: string;
  createdAtMs: number;
  updatedAtMs: number;
  assistantId: string | null;
  name: string | null;
  cost: number | null;
  costs: CozmoxCost[];
  /** Messages this chat adds to a session's thread: its new input and its output. */
  turnMessages: number;
  /** Messages it holds as a chain's chat (`chainHistory`): where its part of a chain ends. */
  historyLength: number;
  /** Its last answer, cut for a preview. */
  lastAnswer: string | null;
  /** Its messages, when kept (`summarizeCozmoxChat`'s `keepThread`); null otherwise. */
  thread: CozmoxChatThread | null;
}

const present = (value: string | null | undefined): value is string =>
  typeof value === "string" && value.trim() !== "";

export function summarizeCozmoxChat(chat: CozmoxChat, keepThread = false): CozmoxChatSummary {
  const turn = chatTurnMessages(chat);
  const answer = [...turn.output].reverse().find((message) => cozmoxMessageText(message).trim() !== "");
  const answerText = answer ? cozmoxMessageText(answer) : null;
  const history = chainHistory(chat);
  const sessionId = present(chat.sessionId) ? chat.sessionId : null;
  const thread: CozmoxChatThread | null = !keepThread
    ? null
    : sessionId !== null
      ? { kind: "turn", input: turn.input, output: turn.output }
      : { kind: "history", messages: history };
  return {
    id: chat.id,
    sessionId,
    previousChatId: present(chat.previousChatId) ? chat.previousChatId : null,
    createdAt: chat.createdAt,
    createdAtMs: Date.parse(chat.createdAt),
    updatedAtMs: Date.parse(chat.updatedAt),
    assistantId: present(chat.assistantId) ? chat.assistantId : null,
    name: present(chat.name) ? chat.name : null,
    cost: chat.cost ?? null,
    costs: chat.costs ?? [],
    turnMessages: turn.input.length + turn.output.length,
    historyLength: history.length,
    lastAnswer: answerText === null ? null : answerText.slice(0, PREVIEW_CHARS),
    thread,
  };
}

export interface CozmoxChatGroup {
  id: string;
  ref: CozmoxConversationRef;
  /** Oldest first (by `createdAt`, then id). */
  chats: CozmoxChatSummary[];
}

const byCreation = (left: CozmoxChatSummary, right: CozmoxChatSummary): number =>
  left.createdAtMs - right.createdAtMs || (left.id < right.id ? -1 : left.id > right.id ? 1 : 0);

/** Groups chats into conversations; each group's chats oldest first. */
export function groupCozmoxChats(chats: Iterable<CozmoxChatSummary>): Map<string, CozmoxChatGroup> {
  const byId = new Map<string, CozmoxChatSummary>();
  for (const chat of chats) byId.set(chat.id, chat);
  const roots = new Map<string, string>();

  /** The id the chain containing `start` is named by. Memoised, so long chains cost one walk. */
  const rootOf = (start: CozmoxChatSummary): string => {
    const path: string[] = [];
    let current = start;
    for (;;) {
      const known = roots.get(current.id);
      if (known !== undefined) return settle(path, known);
      path.push(current.id);
      const previousId = current.previousChatId;
      if (previousId === null) return settle(path, current.id);
      const previous = byId.get(previousId);
      // The first chat is gone: the chain is still named by it.
      if (!previous) return settle(path, previousId);
      if (previous.sessionId !== null) return settle(path, current.id);
      const cycleStart = path.indexOf(previous.id);
      if (cycleStart >= 0) return settle(path, [...path.slice(cycleStart)].sort()[0] ?? current.id);
      current = previous;
    }
  };
  const settle = (path: readonly string[], root: string): string => {
    for (const id of path) roots.set(id, root);
    return root;
  };

  const groups = new Map<string, CozmoxChatGroup>();
  for (const chat of byId.values()) {
    const ref: CozmoxConversationRef =
      chat.sessionId !== null
        ? { kind: "session", sessionId: chat.sessionId }
        : { kind: "chain", rootChatId: rootOf(chat) };
    const id = cozmoxConversationId(ref);
    const group = groups.get(id);
    if (group) group.chats.push(chat);
    else groups.set(id, { id, ref, chats: [chat] });
  }
  for (const group of groups.values()) group.chats.sort(byCreation);
  return groups;
}
