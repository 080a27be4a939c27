/**
 * Zaia's side of the simulator's live admin call (`core/live.ts`, `NOTES.md` "Live changes"):
 * - add: new chats drawn like the seed's (owner, channel, responder, title, maybe a ticket) with
 *   exactly the asked number of messages, the last one at the change clock, so they are the newest.
 * - change: messages appended after the last one (alternating the owner and the responder, or
 *   the human agent after a hand-over), each a second or more after the previous; the chat's
 *   `lastChatMessageCreatedAt` and `updatedAt` move to the newest, so it moves to the top.
 * - remove: deleted for good, unlike Zaia's own soft `DELETE`: gone from every list, 404 when read.
 * Ids, texts and times come from a fixed seed and the store's clock, so they repeat after a reset.
 */
import { assistantText, userText } from "../../core/content";
import type { LiveConversation, LiveConversations } from "../../core/live";
import { createRandom, type Random } from "../../core/random";
import { humanAgentTexts, zaiaSquads } from "./catalog";
import { chatMessageAt, messageCountOf } from "./chat-messages";
import { buildChat, randomShape, type ZaiaChatRecord } from "./data";
import type { ZaiaStore } from "./store";
import { chatThreadId, type ZaiaWireMessage } from "./thread";

const LIVE_SEED = 3_707;
const LIST_PAGE_SIZE = 100;
const MESSAGES_PAGE_SIZE = 1_000;
/** Time between the messages of an added chat. */
const ADDED_MESSAGE_GAP_MS = 20_000;

export class ZaiaLive implements LiveConversations {
  private random: Random = createRandom(LIVE_SEED);

  constructor(private readonly store: ZaiaStore) {}

  /** Restarts the seed with the store's reset (which restarts the clock), so the same calls repeat. */
  reset(): void {
    this.random = createRandom(LIVE_SEED);
  }

  size(): { conversations: number; messages: number } {
    let messages = 0;
    for (const chat of this.store.all()) messages += messageCountOf(chat);
    return { conversations: this.store.all().length, messages };
  }

  backfillFloor(): { calls: number; detail: string } {
    const chats = this.store.all();
    // No list reports a total: the end is a page shorter than the page size (an empty one if need be).
    let calls = Math.floor(chats.length / LIST_PAGE_SIZE) + 1;
    for (const chat of chats) calls += Math.ceil(messageCountOf(chat) / MESSAGES_PAGE_SIZE);
    return {
      calls,
      detail:
        `GET /api/v1/chats/details?pageSize=${LIST_PAGE_SIZE} until a short page, then ` +
        `GET /api/v1/chat-messages?pagination[limit]=${MESSAGES_PAGE_SIZE} per started 1,000 messages ` +
        "of each chat that has any (a chat without messages shows lastMessageCreatedAt: null)",
    };
  }

  ids(): readonly string[] {
    return this.store.all().map((chat) => chat.id);
  }

  add(count: number, messagesEach: number): LiveConversation[] {
    const owners = this.store.allOwners();
    const added: LiveConversation[] = [];
    const previous = this.store.sorted()[0];
    let newest = Date.parse(previous?.lastChatMessageCreatedAt ?? previous?.createdAt ?? "") || 0;
    for (let index = 0; index < count; index++) {
      const drawn = randomShape(this.random, owners, -1, () => messagesEach);
      while (this.store.find(drawn.id)) drawn.id = this.random.uuid();
      const spanMs = Math.max(messagesEach - 1, 1) * ADDED_MESSAGE_GAP_MS;
      // The first message follows the newest activity; the clock then moves past the last one.
      const lastAtMs = Date.parse(this.store.nextTime(newest + 1_000 + spanMs));
      newest = lastAtMs;
      const chat = buildChat({ ...drawn, lastAtMs, spanMs, isRemoved: false }, this.random);
      this.store.insert(chat);
      added.push(describe(chat));
    }
    return added;
  }

  change(ids: readonly string[], messagesEach: number): LiveConversation[] {
    return ids.map((id) => {
      const chat = this.store.find(id);
      if (!chat) throw new Error(`Zaia chat ${id} vanished during a live change`);
      const appended = this.newMessages(chat, messagesEach);
      this.store.append(chat, appended, this.answeringResponder(chat));
      return describe(chat);
    });
  }

  remove(ids: readonly string[]): LiveConversation[] {
    const removed = ids.map((id) => {
      const chat = this.store.find(id);
      if (!chat) throw new Error(`Zaia chat ${id} vanished during a live change`);
      return describe(chat);
    });
    this.store.deleteForGood(new Set(ids));
    return removed;
  }

  private answeringResponder(chat: ZaiaChatRecord): string {
    const squad = zaiaSquads.find((candidate) => candidate.superIdentityId === chat.responderId);
    return squad ? this.random.pick(squad.memberSuperIdentityIds) : chat.responderId;
  }

  /** `count` messages after the chat's last one, alternating the owner and whoever answers. */
  private newMessages(chat: ZaiaChatRecord, count: number): ZaiaWireMessage[] {
    const { thread } = chat;
    const threadIndex = Math.max(0, Math.floor((thread.count - 1) / thread.threadLength));
    const chatThread = chatThreadId(thread, threadIndex);
    const lastAt = chat.lastChatMessageCreatedAt ?? chat.createdAt;
    const lastRole = chatMessageAt(chat, messageCountOf(chat) - 1)?.role;
    const handedOver = thread.humanFromIndex !== null && thread.humanFromIndex < thread.count;
    const assistantIds =
      thread.assistantSenderIds.length > 0 ? thread.assistantSenderIds : [chat.responderId];
    let userTurn = lastRole !== "user";
    let previousMs = Date.parse(lastAt);
    const messages: ZaiaWireMessage[] = [];
    for (let index = 0; index < count; index++) {
      previousMs = Date.parse(this.store.nextTime(previousMs + 1_000));
      const base = { id: this.random.uuid(), chatId: chat.id, chatThreadId: chatThread };
      const createdAt = new Date(previousMs).toISOString();
      if (userTurn)
        messages.push({
          ...base,
          role: "user",
          content: userText(this.random),
          createdAt,
          senderId: chat.ownerId,
        });
      else if (handedOver)
        messages.push({
          ...base,
          role: "human",
          content: this.random.pick(humanAgentTexts),
          createdAt,
          senderId: thread.humanAgentId,
        });
      else {
        const senderId = this.random.pick(assistantIds);
        messages.push({
          ...base,
          role: "assistant",
          content: assistantText(this.random),
          createdAt,
          senderId,
        });
      }
      userTurn = !userTurn;
    }
    return messages;
  }
}

function describe(chat: ZaiaChatRecord): LiveConversation {
  return {
    id: chat.id,
    lastActivityAt: chat.lastChatMessageCreatedAt ?? chat.createdAt,
    messages: messageCountOf(chat),
  };
}
