/**
 * Cozmox's side of the simulator's live admin call (`core/live.ts`, `NOTES.md` "Live changes").
 * A conversation is chats, so a change is chats:
 * - add: new sessions of `messages` messages in chats of two (the user's input and the answer;
 *   an odd count ends with a chat of its input only), the last chat at the change clock, so they
 *   lead `/session` and `/chat`.
 * - change: the same chats appended after the conversation's last one (`sessionId` in a session,
 *   `previousChatId` in a chain); the session's `updatedAt` moves to the newest chat.
 * - remove: the conversation and its chats are deleted for good: gone from every list, 404 when read.
 * Ids, texts and times come from a fixed seed and the store's clock, so they repeat after a reset.
 */
import type { LiveConversation, LiveConversations } from "../../core/live";
import { createRandom, SIMULATOR_NOW, type Random } from "../../core/random";
import {
  chatCost,
  iso,
  sessionTopics,
  uuid,
  weightedAssistant,
  type ChatSkeleton,
  type ConversationSkeleton,
} from "./data";
import { MAX_LIMIT } from "./query";
import type { CozmoxStore } from "./store";
import { chatMessageCount, laterUserText, turnFor, type Turn } from "./threads";

const LIVE_SEED = 0xc02a_11fe;
/** Time between the chats of an added or changed conversation. */
const CHAT_GAP_MS = 20_000;
/** How long a chat's turn takes (created → updated). */
const TURN_MS = 1_500;

/** Chats of two messages, the last of one when the count is odd. */
function chatSizes(messages: number): number[] {
  return Array.from({ length: Math.ceil(messages / 2) }, (_, index) => (index * 2 + 1 === messages ? 1 : 2));
}

export class CozmoxLive implements LiveConversations {
  private random: Random = createRandom(LIVE_SEED);
  /** The last chat time a change wrote, so each change's chats follow every earlier one. */
  private latestMs = SIMULATOR_NOW;

  constructor(private readonly store: CozmoxStore) {}

  /** Restarts the seed with the store's reset (which restarts the clock), so the same calls repeat. */
  reset(): void {
    this.random = createRandom(LIVE_SEED);
    this.latestMs = SIMULATOR_NOW;
  }

  /** The last chat's end for `chats` new chats after `afterMs` and after every earlier change. */
  private lastChatEnd(afterMs: number, chats: number): number {
    const lastAtMs = this.store.nextTime(Math.max(afterMs, this.latestMs) + chats * CHAT_GAP_MS);
    this.latestMs = lastAtMs;
    return lastAtMs;
  }

  size(): { conversations: number; messages: number } {
    const conversations = this.store.visible();
    let messages = 0;
    for (const conversation of conversations)
      for (const chat of this.store.liveChats(conversation)) messages += chatMessageCount(conversation, chat);
    return { conversations: conversations.length, messages };
  }

  backfillFloor(): { calls: number; detail: string } {
    const chats = this.store.liveChatCount();
    const sessions = this.store
      .visible()
      .filter((conversation) => conversation.grouping === "session").length;
    const pages = (rows: number) => Math.max(1, Math.ceil(rows / MAX_LIMIT));
    return {
      calls: pages(chats) + pages(sessions) + 1,
      detail:
        `GET /chat?limit=${MAX_LIMIT} pages (each chat carries its input, context and output; ` +
        "metadata.totalItems says where they end), " +
        `GET /session?limit=${MAX_LIMIT} pages for the sessions' names, statuses and customers, and ` +
        "one GET /assistant (a bare array) for the responders' names, which chats give only as ids",
    };
  }

  ids(): readonly string[] {
    return this.store.visible().map((conversation) => conversation.id);
  }

  add(count: number, messagesEach: number): LiveConversation[] {
    const added: LiveConversation[] = [];
    const base = this.store.visible()[0];
    for (let index = 0; index < count; index++) {
      const id = this.newId();
      const assistant = weightedAssistant(this.random);
      const sizes = chatSizes(messagesEach);
      const lastAtMs = this.lastChatEnd(SIMULATOR_NOW, sizes.length);
      const firstAtMs = lastAtMs - (sizes.length - 1) * CHAT_GAP_MS - TURN_MS;
      const conversation: ConversationSkeleton = {
        source: "generated",
        grouping: "session",
        id,
        orgId: this.store.orgId,
        createdAt: iso(firstAtMs - 200),
        updatedAt: iso(lastAtMs),
        createdAtMs: firstAtMs - 200,
        updatedAtMs: lastAtMs,
        name: this.random.chance(0.75) ? this.random.pick(sessionTopics) : undefined,
        status: "active",
        assistantId: assistant.id,
        customer: this.random.chance(0.7) ? base?.customer : undefined,
        assistant,
        transientOnly: false,
        style: "openai",
        openingMessage: undefined,
        contentSeed: this.random.int(1, 2 ** 31 - 1),
        chats: [],
      };
      conversation.chats = sizes.map((messages, position) => {
        const createdAtMs = firstAtMs + position * CHAT_GAP_MS;
        return this.newChat(conversation, position, createdAtMs, messages, undefined);
      });
      this.store.insert(conversation);
      added.push(this.describe(conversation));
    }
    return added;
  }

  change(ids: readonly string[], messagesEach: number): LiveConversation[] {
    return ids.map((id) => {
      const conversation = this.store.find(id);
      if (!conversation) throw new Error(`Cozmox conversation ${id} vanished during a live change`);
      const sizes = chatSizes(messagesEach);
      const lastChat = conversation.chats.at(-1);
      const after = Math.max(conversation.updatedAtMs, lastChat?.updatedAtMs ?? 0);
      const lastAtMs = this.lastChatEnd(after, sizes.length);
      const firstAtMs = lastAtMs - (sizes.length - 1) * CHAT_GAP_MS - TURN_MS;
      const changed: ConversationSkeleton = {
        ...conversation,
        updatedAt: iso(lastAtMs),
        updatedAtMs: lastAtMs,
        status: conversation.grouping === "session" ? "active" : undefined,
      };
      const chats: ChatSkeleton[] = [];
      const turns: Turn[] = [];
      let previous = lastChat;
      for (const [offset, messages] of sizes.entries()) {
        const chat = this.newChat(
          changed,
          conversation.chats.length + offset,
          firstAtMs + offset * CHAT_GAP_MS,
          messages,
          previous,
        );
        chats.push(chat);
        turns.push(turnFor(changed, chat, laterUserText(this.random), this.random));
        previous = chat;
      }
      changed.chats = [...conversation.chats, ...chats];
      changed.appendedTurns = [...(conversation.appendedTurns ?? []), ...turns];
      this.store.replace(changed);
      return this.describe(changed);
    });
  }

  remove(ids: readonly string[]): LiveConversation[] {
    const removed = ids.map((id) => {
      const conversation = this.store.find(id);
      if (!conversation) throw new Error(`Cozmox conversation ${id} vanished during a live change`);
      return this.describe(conversation);
    });
    this.store.removeForGood(ids);
    return removed;
  }

  private newId(): string {
    for (;;) {
      const id = uuid(this.random);
      if (!this.store.hasChat(id)) return id;
    }
  }

  private newChat(
    conversation: ConversationSkeleton,
    position: number,
    createdAtMs: number,
    messages: number,
    previous: ChatSkeleton | undefined,
  ): ChatSkeleton {
    const inSession = conversation.grouping === "session";
    return {
      id: position === 0 && !inSession ? conversation.id : this.newId(),
      sessionId: inSession ? conversation.id : undefined,
      previousChatId: inSession ? undefined : previous?.id,
      position,
      createdAtMs,
      updatedAtMs: createdAtMs + TURN_MS,
      assistantId: conversation.transientOnly ? undefined : conversation.assistant.id,
      cost: chatCost(this.random, conversation.assistant, position),
      messages,
    };
  }

  private describe(conversation: ConversationSkeleton): LiveConversation {
    const chats = this.store.liveChats(conversation);
    let messages = 0;
    for (const chat of chats) messages += chatMessageCount(conversation, chat);
    const last = chats.at(-1);
    const lastActivityMs =
      conversation.grouping === "session"
        ? conversation.updatedAtMs
        : (last?.updatedAtMs ?? conversation.updatedAtMs);
    return { id: conversation.id, lastActivityAt: iso(lastActivityMs), messages };
  }
}
