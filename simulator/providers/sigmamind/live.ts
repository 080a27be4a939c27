/**
 * SigmaMind's side of the simulator's live admin call (`core/live.ts`, `NOTES.md` "Live changes"):
 * - add: new chats in the current id style, `in-progress`, with an agent and variables drawn like
 *   the seed's and a thread of exactly the asked number of items; created at the change clock, so
 *   they are listed first.
 * - change: items appended after the thread, alternating user and assistant after the last
 *   speaker, and the chat becomes `in-progress`. SigmaMind reports no last-activity time (items have
 *   no timestamps and the list is ordered by `createdAt`), so the chat keeps its place.
 * - remove: the chat is gone from every list and `GET` answers 404.
 * Ids, texts and times come from a fixed seed and the change clock, so they repeat after a reset.
 */
import { assistantText, userText } from "../../core/content";
import { MutationClock, type LiveConversation, type LiveConversations } from "../../core/live";
import { createRandom, SIMULATOR_NOW, type Random } from "../../core/random";
import { generatedRecord, type ChatRecord } from "./data";
import { MAX_PAGE_SIZE } from "./routes";
import type { ChatStore } from "./store";
import type { WireChatItem } from "./wire";

const LIVE_SEED = 0x5161_e000;

export class SigmamindLive implements LiveConversations {
  private clock = new MutationClock();
  private random: Random = createRandom(LIVE_SEED);

  constructor(private readonly store: ChatStore) {}

  /** Restarts the clock and the seed with the store's reset, so the same calls repeat exactly. */
  reset(): void {
    this.clock.reset();
    this.random = createRandom(LIVE_SEED);
  }

  size(): { conversations: number; messages: number } {
    const chats = this.store.list(null);
    let messages = 0;
    for (const chat of chats) messages += this.store.itemCount(chat);
    return { conversations: chats.length, messages };
  }

  backfillFloor(): { calls: number; detail: string } {
    const chats = this.store.list(null).length;
    return {
      calls: Math.max(1, Math.ceil(chats / MAX_PAGE_SIZE)),
      detail: `GET /v1/chats?size=${MAX_PAGE_SIZE} pages; each chat carries its whole thread, so no other call is needed`,
    };
  }

  ids(): readonly string[] {
    return this.store.list(null).map((chat) => chat.chatId);
  }

  add(count: number, messagesEach: number): LiveConversation[] {
    const taken = { has: (id: string) => this.store.isTaken(id), add: () => undefined };
    const added: LiveConversation[] = [];
    for (let index = 0; index < count; index++) {
      const newest = Date.parse(this.store.newestCreatedAt() ?? "") || 0;
      const createdAtMs = this.clock.next(newest + 1_000);
      const drawn = generatedRecord(this.random, -1, SIMULATOR_NOW - createdAtMs, taken, () => messagesEach);
      const plan = drawn.thread.kind === "generated" ? drawn.thread.plan : null;
      const record: ChatRecord = {
        ...drawn,
        status: "in-progress",
        thread: plan ? { kind: "generated", plan: { ...plan, transcriptOnly: false } } : drawn.thread,
      };
      this.store.add(record);
      added.push(this.describe(record));
    }
    return added;
  }

  change(ids: readonly string[], messagesEach: number): LiveConversation[] {
    return ids.map((id) => {
      const record = this.store.find(id);
      if (!record) throw new Error(`SigmaMind chat ${id} vanished during a live change`);
      const items = this.store.threadOf(record).messages;
      const appended = this.newItems(record, items, messagesEach);
      const earlier = this.store.appendedItems(id);
      this.store.update(id, { appendedItems: [...earlier, ...appended], status: "in-progress" });
      return this.describe(this.store.find(id) ?? record);
    });
  }

  remove(ids: readonly string[]): LiveConversation[] {
    return ids.map((id) => {
      const record = this.store.find(id);
      if (!record) throw new Error(`SigmaMind chat ${id} vanished during a live change`);
      const described = this.describe(record);
      this.store.remove(id);
      return described;
    });
  }

  private describe(record: ChatRecord): LiveConversation {
    return { id: record.chatId, lastActivityAt: record.createdAt, messages: this.store.itemCount(record) };
  }

  /** `count` items alternating speakers after the thread's last one, with ids unused in the chat. */
  private newItems(record: ChatRecord, existing: readonly WireChatItem[], count: number): WireChatItem[] {
    const prefix = record.chatId.startsWith("chat-") ? "chat-item-" : "item_";
    const used = new Set(existing.map((item) => item.id));
    let role = existing.at(-1)?.role === "user" ? "assistant" : "user";
    const items: WireChatItem[] = [];
    while (items.length < count) {
      const id = `${prefix}${this.random.alphanumeric(16)}`;
      if (used.has(id)) continue;
      used.add(id);
      const text = role === "user" ? userText(this.random) : assistantText(this.random);
      items.push({ id, role, type: "message", content: [text] });
      role = role === "user" ? "assistant" : "user";
    }
    return items;
  }
}
