/**
 * Chatling's side of the simulator's live admin call (`core/live.ts`, `NOTES.md` "Live changes"):
 * - add: new conversations, spread over the chatbots in turn, created at the change clock (so they
 *   are the newest), with a contact drawn like the seed's and a thread of exactly the asked number
 *   of messages, a few seconds apart.
 * - change: messages appended after the last one (alternating user and bot), each a second or more
 *   after the previous. Chatling orders conversations by `created_at`, so the conversation keeps
 *   its place; its embedded newest messages and its `…/messages` pages show the new ones.
 * - remove: deleted at Chatling (as in its dashboard; the API has no delete): gone from every list,
 *   404 when read.
 * Ids are the conversation ids (unique across chatbots); answers name the chatbot as `scope`. Ids,
 * texts and times come from a fixed seed and the change clock, so they repeat after a reset.
 */
import { userText } from "../../core/content";
import { MutationClock, type LiveConversation, type LiveConversations } from "../../core/live";
import { createRandom, type Random } from "../../core/random";
import {
  conversationKey,
  findConversation,
  messageCountOf,
  messagesOf,
  type ChatlingState,
  type ConversationRecord,
} from "./data";
import { chatlingEmbeddedMessages, chatlingPageSizes } from "./routes";
import { botMessage, generateThread } from "./threads";
import { chatlingTimestamp, type ChatlingMessage } from "./wire";

const LIVE_SEED = 0x0c4a_e001;
/** Largest gap between an answer and the next question in an added conversation. */
const ADDED_MAX_GAP_SECONDS = 30;

export class ChatlingLive implements LiveConversations {
  private clock = new MutationClock();
  private random: Random = createRandom(LIVE_SEED);
  private addedSoFar = 0;
  /** Ids of removed conversations, never given again until the reset. */
  private retired = new Set<string>();

  constructor(private readonly state: () => ChatlingState) {}

  /** Restarts the clock and the seed with the state's rebuild, so the same calls repeat exactly. */
  reset(): void {
    this.clock.reset();
    this.random = createRandom(LIVE_SEED);
    this.addedSoFar = 0;
    this.retired = new Set();
  }

  size(): { conversations: number; messages: number } {
    let messages = 0;
    for (const record of this.state().conversationIndex.values()) messages += messageCountOf(record);
    return { conversations: this.state().conversationIndex.size, messages };
  }

  backfillFloor(): { calls: number; detail: string } {
    const state = this.state();
    let calls = Math.ceil(state.chatbots.length / chatlingPageSizes.chatbots);
    for (const records of state.conversationsByChatbot.values())
      calls += Math.max(1, Math.ceil(records.length / chatlingPageSizes.conversations));
    for (const record of state.conversationIndex.values()) {
      const count = messageCountOf(record);
      if (count >= chatlingEmbeddedMessages.list) calls += Math.ceil(count / chatlingPageSizes.messages);
    }
    return {
      calls,
      detail:
        `GET /v2/chatbots, then each chatbot's conversation pages of ${chatlingPageSizes.conversations} ` +
        `(each row embeds its ${chatlingEmbeddedMessages.list} newest messages, so a row with fewer is ` +
        `complete), then …/messages pages of ${chatlingPageSizes.messages} for every other conversation; ` +
        "contacts are not counted",
    };
  }

  ids(): readonly string[] {
    const ids: string[] = [];
    for (const records of this.state().conversationsByChatbot.values())
      for (const record of records) ids.push(record.id);
    return ids;
  }

  add(count: number, messagesEach: number): LiveConversation[] {
    const state = this.state();
    const added: LiveConversation[] = [];
    for (let index = 0; index < count; index++) {
      const chatbot = state.chatbots[this.addedSoFar % state.chatbots.length];
      const records = chatbot && state.conversationsByChatbot.get(chatbot.id);
      if (!chatbot || !records) throw new Error("the Chatling project has no chatbot to add to");
      this.addedSoFar += 1;
      const contacts = state.contactsByChatbot.get(chatbot.id) ?? [];
      const createdAtMs = this.clock.next(this.newestCreatedAtMs(state) + 1_000);
      const plan = {
        seed: this.random.int(1, 2_147_483_646),
        length: messagesEach,
        startsAt: createdAtMs,
        firstUserText: null,
        maxUserGapSeconds: ADDED_MAX_GAP_SECONDS,
      };
      const record: ConversationRecord = {
        chatbotId: chatbot.id,
        id: this.newConversationId(state),
        contactId: contacts.length > 0 && this.random.chance(0.85) ? this.random.pick(contacts).id : null,
        archived: 0,
        important: 0,
        createdAt: chatlingTimestamp(createdAtMs),
        createdAtMs,
        thread: { kind: "planned", plan },
      };
      // Later changes must come after this thread's last message.
      const lastMessage = generateThread(plan).at(-1);
      if (lastMessage) this.clock.next(Date.parse(lastMessage.created_at));
      records.push(record);
      state.conversationIndex.set(conversationKey(record.chatbotId, record.id), record);
      added.push(describe(state, record));
    }
    return added;
  }

  change(ids: readonly string[], messagesEach: number): LiveConversation[] {
    const state = this.state();
    return ids.map((id) => {
      const record = this.find(state, id);
      const messages = messagesOf(state, record);
      record.appended = [...(record.appended ?? []), ...this.newMessages(record, messages, messagesEach)];
      return describe(state, record);
    });
  }

  remove(ids: readonly string[]): LiveConversation[] {
    const state = this.state();
    const removed = ids.map((id) => this.find(state, id));
    const described = removed.map((record) => describe(state, record));
    const gone = new Set(removed);
    for (const [chatbotId, records] of state.conversationsByChatbot)
      state.conversationsByChatbot.set(
        chatbotId,
        records.filter((record) => !gone.has(record)),
      );
    for (const record of removed) {
      state.conversationIndex.delete(conversationKey(record.chatbotId, record.id));
      this.retired.add(record.id);
    }
    return described;
  }

  private find(state: ChatlingState, id: string): ConversationRecord {
    for (const chatbot of state.chatbots) {
      const record = findConversation(state, chatbot.id, id);
      if (record) return record;
    }
    throw new Error(`Chatling conversation ${id} vanished during a live change`);
  }

  private newestCreatedAtMs(state: ChatlingState): number {
    let newest = 0;
    for (const records of state.conversationsByChatbot.values())
      newest = Math.max(newest, records.at(-1)?.createdAtMs ?? 0);
    return newest;
  }

  private newConversationId(state: ChatlingState): string {
    for (;;) {
      const id = this.random.digits(10);
      const taken = state.chatbots.some((chatbot) =>
        state.conversationIndex.has(conversationKey(chatbot.id, id)),
      );
      if (!taken && !this.retired.has(id)) return id;
    }
  }

  /**
   * `count` messages after the last one, alternating user and bot, ids continuing the thread's
   * consecutive numbering (a fresh run of ten digits when no message has a numeric id).
   */
  private newMessages(record: ConversationRecord, existing: readonly ChatlingMessage[], count: number) {
    const numericIds = existing.map((message) => Number(message.id)).filter(Number.isSafeInteger);
    let nextId =
      numericIds.length > 0 ? Math.max(...numericIds) + 1 : this.random.int(1_000_000_000, 8_000_000_000);
    const last = existing.at(-1);
    let previousMs = last ? Date.parse(last.created_at) : record.createdAtMs;
    let role: "user" | "bot" = last?.role === "user" ? "bot" : "user";
    const messages: ChatlingMessage[] = [];
    for (let index = 0; index < count; index++) {
      previousMs = this.clock.next(previousMs + 1_000);
      const id = String(nextId);
      nextId += 1;
      const createdAt = chatlingTimestamp(previousMs);
      messages.push(
        role === "user"
          ? { id, text: userText(this.random), role: "user", created_at: createdAt }
          : botMessage(this.random, id, createdAt),
      );
      role = role === "user" ? "bot" : "user";
    }
    return messages;
  }
}

function describe(state: ChatlingState, record: ConversationRecord): LiveConversation {
  const messages = messagesOf(state, record);
  const newest = messages.at(-1)?.created_at;
  return {
    id: record.id,
    scope: record.chatbotId,
    lastActivityAt: newest ?? record.createdAt,
    messages: messages.length,
  };
}
