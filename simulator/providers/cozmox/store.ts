/**
 * The simulated org's state: the immutable seed data plus the hard deletes made since the last
 * reset. Cozmox has no rename, archive or flag endpoints for chats or sessions in Parley's scope,
 * so deletes are the only change; `reset()` forgets them and the seed data is back exactly.
 *
 * Only `session` conversations are sessions: `/session` never lists a chain or a one-off chat,
 * whose chats are reachable through `/chat` alone.
 */
import { assistantWire } from "./assistants";
import type { ChatSkeleton, ConversationSkeleton, CozmoxData } from "./data";
import { paginated, withinRanges, type ListQuery } from "./query";
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
  conversation: ConversationSkeleton;
  chat: ChatSkeleton;
}

export class CozmoxStore {
  private readonly sessionsById = new Map<string, ConversationSkeleton>();
  private readonly chatsById = new Map<string, ChatEntry>();
  /** Sessions ordered by `updatedAt` descending (last activity), the default list order. */
  private readonly sessionsByRecency: readonly ConversationSkeleton[];
  /** Chats ordered by `createdAt` descending (chats never change after their turn). */
  private readonly chatsByRecency: readonly ChatSkeleton[];
  private readonly deletedSessions = new Set<string>();
  private readonly deletedChats = new Set<string>();

  constructor(private readonly data: CozmoxData) {
    for (const conversation of data.conversations) {
      if (conversation.grouping === "session") this.sessionsById.set(conversation.id, conversation);
      for (const chat of conversation.chats) this.chatsById.set(chat.id, { conversation, chat });
    }
    this.sessionsByRecency = [...this.sessionsById.values()].sort(
      byRecency((session) => session.updatedAtMs),
    );
    this.chatsByRecency = data.conversations
      .flatMap((conversation) => conversation.chats)
      .sort(byRecency((chat) => chat.createdAtMs));
  }

  reset(): void {
    this.deletedSessions.clear();
    this.deletedChats.clear();
  }

  private isLive(chat: ChatSkeleton): boolean {
    return (
      !this.deletedChats.has(chat.id) &&
      (chat.sessionId === undefined || !this.deletedSessions.has(chat.sessionId))
    );
  }

  private liveChats(conversation: ConversationSkeleton): ChatSkeleton[] {
    return conversation.chats.filter((chat) => this.isLive(chat));
  }

  private liveSession(id: string): ConversationSkeleton | undefined {
    return this.deletedSessions.has(id) ? undefined : this.sessionsById.get(id);
  }

  listSessions(query: ListQuery): Page {
    const assistantId = query.filters.assistantId;
    const rows = this.sessionsByRecency.filter(
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
        ? this.chatsByRecency
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
    const entry = this.chatsById.get(chat.id);
    if (!entry) throw new Error(`unknown chat ${chat.id}`);
    return chatWire(entry.conversation, chat);
  }

  getChat(id: string): Wire | undefined {
    const entry = this.chatsById.get(id);
    return entry && this.isLive(entry.chat) ? chatWire(entry.conversation, entry.chat) : undefined;
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
    const live = this.data.conversations.map((conversation) => this.liveChats(conversation).length);
    return {
      assistants: this.data.assistants.length,
      sessions: [...this.sessionsById.keys()].filter((id) => !this.deletedSessions.has(id)).length,
      conversations: live.filter((chats) => chats > 0).length,
      chains: this.data.conversations.filter(
        (conversation, index) => conversation.grouping === "chain" && (live[index] ?? 0) > 0,
      ).length,
      chats: live.reduce((sum, chats) => sum + chats, 0),
      deletedSessions: this.deletedSessions.size,
      deletedChats: this.deletedChats.size,
    };
  }
}
