/**
 * The simulated org's state: the immutable seed data plus the hard deletes made since the last
 * reset. Cozmox has no rename, archive or flag endpoints for chats or sessions in Parley's scope,
 * so deletes are the only change; `reset()` forgets them and the seed data is back exactly.
 *
 * Only `session` conversations are sessions: `/session` never lists a chain or a one-off chat,
 * whose chats are reachable through `/chat` alone.
 */
import { MutationClock } from "../../core/live";
import { assistantWire } from "./assistants";
import type { ChatSkeleton, ConversationSkeleton, CozmoxData } from "./data";
import { paginated, withinRanges, type ListQuery } from "./query";
import { cachedThreadCount } from "./threads";
import { chatWire, sessionWire } from "./wire";

type Wire = Record<string, unknown>;

export interface Page {
  results: Wire[];
  metadata: Record<string, number>;
}

/** Newest activity first; ties broken by id so the order is total and stable. */
function byRecency<T extends { id: string }>(time: (row: T) => number): (left: T, right: T) => number {
  return (left, right) => time(right) - time(left) || (left.id < right.id ? -1 : left.id > right.id ? 1 : 0);
}

interface ChatEntry {
  /** The id of the conversation that holds the chat (look it up in `conversations`). */
  conversationId: string;
  chat: ChatSkeleton;
}

export class CozmoxStore {
  /** Every conversation served now by id: the seed's, in order, then those live changes added. */
  private conversations = new Map<string, ConversationSkeleton>();
  private chatsById = new Map<string, ChatEntry>();
  /** Sessions by `updatedAt` descending (last activity); rebuilt after a live change. */
  private sessionsSorted: readonly ConversationSkeleton[] | null = null;
  /** Chats by `createdAt` descending (chats never change after their turn); rebuilt after a live change. */
  private chatsSorted: readonly ChatSkeleton[] | null = null;
  private readonly deletedSessions = new Set<string>();
  private readonly deletedChats = new Set<string>();
  private readonly clock = new MutationClock();

  constructor(private readonly data: CozmoxData) {
    this.reset();
  }

  /** Back to the seed data exactly: live changes and API deletes undone, the clock restarted. */
  reset(): void {
    this.conversations = new Map(
      this.data.conversations.map((conversation) => [conversation.id, conversation]),
    );
    this.chatsById = new Map();
    for (const conversation of this.data.conversations) this.indexChats(conversation);
    this.sessionsSorted = null;
    this.chatsSorted = null;
    this.deletedSessions.clear();
    this.deletedChats.clear();
    this.clock.reset();
  }

  private indexChats(conversation: ConversationSkeleton): void {
    for (const chat of conversation.chats)
      this.chatsById.set(chat.id, { conversationId: conversation.id, chat });
  }

  private sessionsByRecency(): readonly ConversationSkeleton[] {
    this.sessionsSorted ??= [...this.conversations.values()]
      .filter((conversation) => conversation.grouping === "session")
      .sort(byRecency((session) => session.updatedAtMs));
    return this.sessionsSorted;
  }

  private chatsByRecency(): readonly ChatSkeleton[] {
    this.chatsSorted ??= [...this.chatsById.values()]
      .map((entry) => entry.chat)
      .sort(byRecency((chat) => chat.createdAtMs));
    return this.chatsSorted;
  }

  /** The next instant of the change clock (epoch ms), not before `notBeforeMs`. */
  nextTime(notBeforeMs = 0): number {
    return this.clock.next(notBeforeMs);
  }

  /** A conversation served now (a removed one is gone; an API-deleted session still answers). */
  find(id: string): ConversationSkeleton | undefined {
    return this.conversations.get(id);
  }

  /** Conversations a client can see: sessions not deleted, chains with a chat left; in a stable order. */
  visible(): ConversationSkeleton[] {
    return [...this.conversations.values()].filter((conversation) =>
      conversation.grouping === "session"
        ? !this.deletedSessions.has(conversation.id)
        : conversation.chats.some((chat) => this.isLive(chat)),
    );
  }

  /** Chats a client can list now, for the backfill floor. */
  liveChatCount(): number {
    let count = 0;
    for (const { chat } of this.chatsById.values()) if (this.isLive(chat)) count += 1;
    return count;
  }

  /** Adds a conversation built elsewhere (a live change); its ids must be new. */
  insert(conversation: ConversationSkeleton): void {
    this.conversations.set(conversation.id, conversation);
    this.indexChats(conversation);
    this.sessionsSorted = null;
    this.chatsSorted = null;
  }

  /** Replaces a conversation by its changed copy (more chats, later activity). */
  replace(conversation: ConversationSkeleton): void {
    this.insert(conversation);
  }

  /** Deletes conversations for good (a live change): gone from every list, 404 when read. */
  removeForGood(ids: readonly string[]): void {
    for (const id of ids) {
      const conversation = this.conversations.get(id);
      if (!conversation) continue;
      for (const chat of conversation.chats) this.chatsById.delete(chat.id);
      this.conversations.delete(id);
    }
    this.sessionsSorted = null;
    this.chatsSorted = null;
  }

  /** Whether a chat id is taken (live changes draw new ones). */
  hasChat(id: string): boolean {
    return this.chatsById.has(id) || this.conversations.has(id);
  }

  /** The org's customers, as the seed's sessions carry them. */
  get orgId(): string {
    return this.data.orgId;
  }

  private isLive(chat: ChatSkeleton): boolean {
    return (
      !this.deletedChats.has(chat.id) &&
      (chat.sessionId === undefined || !this.deletedSessions.has(chat.sessionId))
    );
  }

  liveChats(conversation: ConversationSkeleton): ChatSkeleton[] {
    return conversation.chats.filter((chat) => this.isLive(chat));
  }

  private liveSession(id: string): ConversationSkeleton | undefined {
    const conversation = this.conversations.get(id);
    return conversation?.grouping === "session" && !this.deletedSessions.has(id) ? conversation : undefined;
  }

  listSessions(query: ListQuery): Page {
    const assistantId = query.filters.assistantId;
    const rows = this.sessionsByRecency().filter(
      (session) =>
        !this.deletedSessions.has(session.id) &&
        (assistantId === undefined || session.assistantId === assistantId) &&
        withinRanges(session, query.ranges),
    );
    if (query.sortOrder === "ASC") rows.reverse();
    const page = paginated(rows, query);
    return { ...page, results: page.results.map((session) => sessionWire(session, this.liveChats(session))) };
  }

  getSession(id: string): Wire | undefined {
    const session = this.liveSession(id);
    return session && sessionWire(session, this.liveChats(session));
  }

  /** Hard delete of a session and all its chats; answers with the session as it was. */
  deleteSession(id: string): Wire | undefined {
    const deleted = this.getSession(id);
    if (deleted) this.deletedSessions.add(id);
    return deleted;
  }

  listChats(query: ListQuery): Page {
    const { assistantId, sessionId } = query.filters;
    const candidates =
      sessionId === undefined
        ? this.chatsByRecency()
        : [...(this.liveSession(sessionId)?.chats ?? [])].sort(byRecency((chat) => chat.createdAtMs));
    const rows = candidates.filter(
      (chat) =>
        this.isLive(chat) &&
        (assistantId === undefined || chat.assistantId === assistantId) &&
        withinRanges(chat, query.ranges),
    );
    if (query.sortOrder === "ASC") rows.reverse();
    const page = paginated(rows, query);
    return { ...page, results: page.results.map((chat) => this.chatToWire(chat)) };
  }

  private chatToWire(chat: ChatSkeleton): Wire {
    const conversation = this.conversationOf(chat.id);
    if (!conversation) throw new Error(`unknown chat ${chat.id}`);
    return chatWire(conversation, chat);
  }

  private conversationOf(chatId: string): ConversationSkeleton | undefined {
    const entry = this.chatsById.get(chatId);
    return entry && this.conversations.get(entry.conversationId);
  }

  getChat(id: string): Wire | undefined {
    const entry = this.chatsById.get(id);
    const conversation = this.conversationOf(id);
    return entry && conversation && this.isLive(entry.chat) ? chatWire(conversation, entry.chat) : undefined;
  }

  /** Hard delete of one chat (seed 002); answers with the deleted chat. */
  deleteChat(id: string): Wire | undefined {
    const deleted = this.getChat(id);
    if (deleted) this.deletedChats.add(id);
    return deleted;
  }

  listAssistants(query: ListQuery): Wire[] {
    return this.data.assistants
      .filter((assistant) =>
        withinRanges(
          { createdAtMs: Date.parse(assistant.createdAt), updatedAtMs: Date.parse(assistant.updatedAt) },
          query.ranges,
        ),
      )
      .slice(0, query.limit)
      .map((assistant) => assistantWire(assistant, this.data.orgId));
  }

  getAssistant(id: string): Wire | undefined {
    const assistant = this.data.assistants.find((candidate) => candidate.id === id);
    return assistant && assistantWire(assistant, this.data.orgId);
  }

  /**
   * Sizes for tests and the admin endpoint. `conversations` counts those with a chat left, which
   * is what a client building conversations from `/chat` can see; `sessions` what `/session` lists.
   */
  stats(): Record<string, number> {
    const conversations = [...this.conversations.values()];
    const live = conversations.map((conversation) => this.liveChats(conversation).length);
    return {
      assistants: this.data.assistants.length,
      sessions: conversations.filter(
        (conversation) => conversation.grouping === "session" && !this.deletedSessions.has(conversation.id),
      ).length,
      conversations: live.filter((chats) => chats > 0).length,
      chains: conversations.filter(
        (conversation, index) => conversation.grouping === "chain" && (live[index] ?? 0) > 0,
      ).length,
      chats: live.reduce((sum, chats) => sum + chats, 0),
      deletedSessions: this.deletedSessions.size,
      deletedChats: this.deletedChats.size,
      cachedThreads: cachedThreadCount(),
    };
  }
}
