/**
 * The simulated org's state: the immutable seed data plus the hard deletes made since the last
 * reset. Cozmox has no rename, archive or flag endpoints for chats or sessions in Parley's scope,
 * so deletes are the only change; `reset()` forgets them and the seed data is back exactly.
 */
import { assistantWire } from "./assistants";
import type { ChatSkeleton, CozmoxData, SessionSkeleton } from "./data";
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

export class CozmoxStore {
  private readonly sessionsById = new Map<string, SessionSkeleton>();
  private readonly chatsById = new Map<string, { session: SessionSkeleton; chat: ChatSkeleton }>();
  /** Sessions ordered by `updatedAt` descending (last activity), the default list order. */
  private readonly sessionsByRecency: readonly SessionSkeleton[];
  /** Chats ordered by `createdAt` descending (chats never change after their turn). */
  private readonly chatsByRecency: readonly ChatSkeleton[];
  private readonly deletedSessions = new Set<string>();
  private readonly deletedChats = new Set<string>();

  constructor(private readonly data: CozmoxData) {
    for (const session of data.sessions) {
      this.sessionsById.set(session.id, session);
      for (const chat of session.chats) this.chatsById.set(chat.id, { session, chat });
    }
    this.sessionsByRecency = [...data.sessions].sort(byRecency((session) => session.updatedAtMs));
    this.chatsByRecency = data.sessions
      .flatMap((session) => session.chats)
      .sort(byRecency((chat) => chat.createdAtMs));
  }

  reset(): void {
    this.deletedSessions.clear();
    this.deletedChats.clear();
  }

  private isLive(chat: ChatSkeleton): boolean {
    return !this.deletedChats.has(chat.id) && !this.deletedSessions.has(chat.sessionId);
  }

  private liveChats(session: SessionSkeleton): ChatSkeleton[] {
    return session.chats.filter((chat) => this.isLive(chat));
  }

  private liveSession(id: string): SessionSkeleton | undefined {
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
    return chatWire(entry.session, chat);
  }

  getChat(id: string): Wire | undefined {
    const entry = this.chatsById.get(id);
    return entry && this.isLive(entry.chat) ? chatWire(entry.session, entry.chat) : undefined;
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

  stats(): Record<string, number> {
    const sessions = this.data.sessions.filter((session) => !this.deletedSessions.has(session.id));
    return {
      assistants: this.data.assistants.length,
      sessions: sessions.length,
      chats: sessions.reduce((sum, session) => sum + this.liveChats(session).length, 0),
      deletedSessions: this.deletedSessions.size,
      deletedChats: this.deletedChats.size,
    };
  }
}
