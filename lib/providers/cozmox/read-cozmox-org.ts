/**
 * Reads a Cozmox org's chats and sessions for the chat index, whole or by what changed.
 *
 * Chats never change once made (Vapi has no `PATCH /chat`), so what is new since the last read is
 * `createdAtGe` the newest chat seen; sessions change, and `updatedAtGe` the newest update seen
 * finds them. Either read counts the whole list with `limit=0` and is kept only when the count
 * adds up: a count that does not (something was deleted elsewhere) means a whole read.
 *
 * A whole read goes newest first in pages of Cozmox's largest `limit` (1,000): each call counts
 * against the provider, and a backfill's fewest calls are these pages. A page of chats can be
 * megabytes (a chat may embed a large assistant config; the demo's pages are about 2.5 MB), so
 * only `PAGES_IN_FLIGHT` are read side by side.
 *
 * With `keepThreads` (sync indexes this connection's transcripts from the list) each chat keeps
 * its messages (`CozmoxChatSummary.thread`).
 */
import type { ProviderContext } from "@/lib/providers/contract";
import { COZMOX_MAX_LIMIT, listChats, listSessionsIfOffered } from "./client";
import { summarizeCozmoxChat, type CozmoxChatSummary } from "./group-cozmox-chats";
import type { CozmoxPagination, CozmoxSession } from "./wire-schemas";

const WHOLE_READ_PAGE = COZMOX_MAX_LIMIT;
const PAGES_IN_FLIGHT = 2;
/** At most this many chats (the newest) and sessions are read. */
export const MAX_CHATS = 50_000;
export const MAX_SESSIONS = 20_000;

interface Page<T> {
  results: T[];
  metadata: CozmoxPagination;
}

type PageQuery = {
  page?: number;
  limit?: number;
  sortOrder?: "ASC" | "DESC";
  createdAtGe?: string;
  updatedAtGe?: string;
};

/**
 * Reads every page of a list (up to `max` items) newest first, `PAGES_IN_FLIGHT` at a time, each
 * page through `take` as it arrives. True when the list held more than `max`.
 */
async function readWhole<T>(
  list: (query: PageQuery) => Promise<Page<T>>,
  max: number,
  take: (items: readonly T[]) => void,
): Promise<boolean> {
  const query = { sortOrder: "DESC" as const, limit: WHOLE_READ_PAGE };
  const first = await list({ ...query, page: 1 });
  const pageCount = Math.min(Math.ceil(first.metadata.totalItems / WHOLE_READ_PAGE), max / WHOLE_READ_PAGE);
  take(first.results);
  for (let next = 2; next <= pageCount; next += PAGES_IN_FLIGHT) {
    const batch = Array.from({ length: Math.min(PAGES_IN_FLIGHT, pageCount - next + 1) }, (_, offset) =>
      list({ ...query, page: next + offset }),
    );
    for (const page of await Promise.all(batch)) take(page.results);
  }
  return first.metadata.totalItems > max;
}

/**
 * What changed since `since` (`createdAtGe` or `updatedAtGe`), and the whole list's count. null
 * when one page does not hold all the changes.
 */
async function readChanges<T>(
  list: (query: PageQuery) => Promise<Page<T>>,
  field: "createdAtGe" | "updatedAtGe",
  since: string,
): Promise<{ changed: T[]; total: number } | null> {
  const [count, changes] = await Promise.all([
    list({ limit: 0 }),
    list({ [field]: since, sortOrder: "ASC", limit: COZMOX_MAX_LIMIT, page: 1 }),
  ]);
  if (changes.metadata.totalItems > changes.results.length) return null;
  return { changed: changes.results, total: count.metadata.totalItems };
}

export interface ChatsRead {
  chats: Map<string, CozmoxChatSummary>;
  /** `createdAt` of the newest chat, exactly as Cozmox wrote it: where the next read starts. */
  newest: string | null;
  /** Whether the org has more chats than `MAX_CHATS` (the oldest were not read). */
  capped: boolean;
  /** Whether the chats keep their messages (`keepThreads`). */
  threads: boolean;
}

function newestOf<T>(items: Iterable<T>, time: (item: T) => string): string | null {
  let newest: string | null = null;
  for (const item of items)
    if (newest === null || Date.parse(time(item)) > Date.parse(newest)) newest = time(item);
  return newest;
}

/**
 * The org's chats: what changed since `previous`, or all of them. A previous read that did not
 * keep threads is not built on when `keepThreads` asks for them (its chats have none).
 */
export async function readCozmoxChats(
  context: ProviderContext,
  previous: ChatsRead | null,
  keepThreads = false,
): Promise<ChatsRead> {
  const list = (query: PageQuery) => listChats(context, query);
  if (previous?.newest && (previous.threads || !keepThreads)) {
    const changes = await readChanges(list, "createdAtGe", previous.newest);
    if (changes) {
      const chats = new Map(previous.chats);
      for (const chat of changes.changed) chats.set(chat.id, summarizeCozmoxChat(chat, keepThreads));
      if (chats.size === changes.total)
        return {
          chats,
          newest: newestOf(chats.values(), (chat) => chat.createdAt),
          capped: false,
          threads: previous.threads && keepThreads,
        };
    }
  }
  const chats = new Map<string, CozmoxChatSummary>();
  const capped = await readWhole(list, MAX_CHATS, (page) => {
    for (const chat of page) chats.set(chat.id, summarizeCozmoxChat(chat, keepThreads));
  });
  return { chats, newest: newestOf(chats.values(), (chat) => chat.createdAt), capped, threads: keepThreads };
}

export interface SessionsRead {
  /** null where the account has no sessions API (404). */
  sessions: Map<string, CozmoxSession> | null;
  /** `updatedAt` of the latest session update: where the next read starts. */
  newest: string | null;
}

/** Thrown inside a sessions read when `/session` answers 404: the account has no sessions API. */
class SessionsAbsent extends Error {}

async function listOrAbsent(context: ProviderContext, query: PageQuery): Promise<Page<CozmoxSession>> {
  const page = await listSessionsIfOffered(context, query);
  if (page === null) throw new SessionsAbsent("Cozmox offers no sessions API");
  return page;
}

export async function readCozmoxSessions(
  context: ProviderContext,
  previous: SessionsRead | null,
): Promise<SessionsRead> {
  const list = (query: PageQuery) => listOrAbsent(context, query);
  try {
    if (previous?.sessions && previous.newest) {
      const changes = await readChanges(list, "updatedAtGe", previous.newest);
      if (changes) {
        const sessions = new Map(previous.sessions);
        for (const session of changes.changed) sessions.set(session.id, session);
        if (sessions.size === changes.total)
          return { sessions, newest: newestOf(sessions.values(), (session) => session.updatedAt) };
      }
    }
    const sessions = new Map<string, CozmoxSession>();
    await readWhole(list, MAX_SESSIONS, (page) => {
      for (const session of page) sessions.set(session.id, session);
    });
    return { sessions, newest: newestOf(sessions.values(), (session) => session.updatedAt) };
  } catch (error) {
    if (error instanceof SessionsAbsent) return { sessions: null, newest: null };
    throw error;
  }
}
