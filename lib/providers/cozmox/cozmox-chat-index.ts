/**
 * The connection's view of its Cozmox org: every chat (summarised), grouped into conversations,
 * and the sessions where the API offers them. Cozmox's `GET /chat` lists chats, not
 * conversations, and has no filter for "chats without a session", so the list, its filters and
 * paging are answered from this index rather than page by page from the provider.
 *
 * Freshness: the list revalidates on every call (a few small calls while nothing was deleted
 * elsewhere, see `read-cozmox-org.ts`), so new chats show at once and a failing Cozmox fails the
 * list instead of hiding behind a copy. Detail and thread lookups accept an index up to
 * `LOOKUP_MAX_AGE_MS` old and ask again before answering "not found". Every `WHOLE_READ_MS`
 * everything is read again, which catches what the incremental reads cannot see (a session whose
 * status changed without a newer `updatedAt`). Deletes made through Parley update it at once.
 *
 * It lives in the connection's memo (adapters keep nothing at module level). Concurrent callers
 * share one read in flight. Bounded: see `MAX_CHATS` and `MAX_SESSIONS`; past those the
 * conversation index's sync is the right tool, and this adapter lists what it read.
 *
 * Messages: once sync has asked this connection's list for transcripts (`keepCozmoxThreads`),
 * reads keep each session chat's turn and each chain's latest history (earlier chats of a chain
 * drop theirs: the latest holds the whole history), so list pages carry whole threads without a
 * call per conversation. Until then, no message text beyond previews is kept.
 */
import type { ProviderContext } from "@/lib/providers/contract";
import { ProviderError } from "@/lib/providers/errors";
import { groupCozmoxChats, type CozmoxChatGroup, type CozmoxChatSummary } from "./group-cozmox-chats";
import { readCozmoxChats, readCozmoxSessions, type ChatsRead, type SessionsRead } from "./read-cozmox-org";
import type { CozmoxSession } from "./wire-schemas";

const LOOKUP_MAX_AGE_MS = 10_000;
const WHOLE_READ_MS = 5 * 60_000;
/** How long the last index is kept to read changes from. */
const KEPT_MS = 30 * 60_000;

const HOLDER_KEY = "cozmox-chat-index";
const THREADS_KEY = "cozmox-keep-threads";

/** The connection's index and the read in flight, if any (shared by concurrent callers). */
interface IndexHolder {
  index: CozmoxChatIndex | null;
  reading: Promise<CozmoxChatIndex> | null;
}

const holderOf = (context: ProviderContext): Promise<IndexHolder> =>
  context.memo.get<IndexHolder>(HOLDER_KEY, KEPT_MS, async () => ({ index: null, reading: null }));

export interface CozmoxConversationEntry extends CozmoxChatGroup {
  /** The session behind a session conversation, when `/session` offers it. */
  session: CozmoxSession | null;
  createdAtMs: number;
  lastActivityMs: number;
  /** The session's assistant, else the latest chat's that names one. */
  assistantId: string | null;
}

export interface CozmoxChatIndex {
  chats: ReadonlyMap<string, CozmoxChatSummary>;
  /** null where the account has no sessions API (404); an empty map where it lists none. */
  sessions: ReadonlyMap<string, CozmoxSession> | null;
  byId: ReadonlyMap<string, CozmoxConversationEntry>;
  /** Newest activity first, ties by id: the list's order (oldest first is its reverse). */
  byRecency: readonly CozmoxConversationEntry[];
  /** Where the next reads start. */
  reads: { chats: ChatsRead; sessions: SessionsRead };
  /** When it was read (epoch ms), and when everything was last read whole. */
  readAt: number;
  wholeReadAt: number;
}

/** The latest and earliest of some times, skipping unparseable ones (NaN). */
const latestOf = (times: readonly number[]): number =>
  times.reduce((latest, time) => (Number.isNaN(time) ? latest : Math.max(latest, time)), -Infinity);
const earliestOf = (times: readonly number[]): number =>
  times.reduce((earliest, time) => (Number.isNaN(time) ? earliest : Math.min(earliest, time)), Infinity);

function entryFor(
  group: CozmoxChatGroup,
  sessions: ReadonlyMap<string, CozmoxSession> | null,
): CozmoxConversationEntry {
  const session = group.ref.kind === "session" ? (sessions?.get(group.ref.sessionId) ?? null) : null;
  const createdAtMs = earliestOf([
    ...group.chats.map((chat) => chat.createdAtMs),
    session ? Date.parse(session.createdAt) : NaN,
  ]);
  const lastActivityMs = latestOf([
    ...group.chats.map((chat) => chat.updatedAtMs),
    session ? Date.parse(session.updatedAt) : NaN,
  ]);
  const latestAssistant =
    [...group.chats].reverse().find((chat) => chat.assistantId !== null)?.assistantId ?? null;
  return {
    ...group,
    session,
    createdAtMs,
    lastActivityMs,
    assistantId: session?.assistantId || latestAssistant,
  };
}

/**
 * Builds the index from what was read. A chain's earlier chats drop their kept history (each is a
 * prefix of the latest chat's), so kept text grows with the threads, not with their square; a
 * session's chats drop theirs when the chats were cut at `MAX_CHATS`.
 */
export function buildCozmoxChatIndex(
  reads: CozmoxChatIndex["reads"],
  times: { readAt: number; wholeReadAt: number } = { readAt: Date.now(), wholeReadAt: Date.now() },
): CozmoxChatIndex {
  const { chats } = reads.chats;
  const { sessions } = reads.sessions;
  const byId = new Map<string, CozmoxConversationEntry>();
  for (const [id, group] of groupCozmoxChats(chats.values())) {
    if (group.ref.kind === "chain") for (const chat of group.chats.slice(0, -1)) chat.thread = null;
    // Past the bound a session may miss its oldest chats: its turns make no whole thread.
    if (group.ref.kind === "session" && reads.chats.capped)
      for (const chat of group.chats) chat.thread = null;
    byId.set(id, entryFor(group, sessions));
  }
  const byRecency = [...byId.values()].sort(
    (left, right) =>
      right.lastActivityMs - left.lastActivityMs || (left.id < right.id ? -1 : left.id > right.id ? 1 : 0),
  );
  return { chats, sessions, byId, byRecency, reads, ...times };
}

/**
 * Marks this connection's chats to keep their messages from now on (sync asks its list for
 * transcripts); kept as long as the index itself without a new ask.
 */
export function keepCozmoxThreads(context: ProviderContext): void {
  context.memo.set(THREADS_KEY, true, KEPT_MS);
}

async function read(context: ProviderContext, previous: CozmoxChatIndex | null): Promise<CozmoxChatIndex> {
  const now = Date.now();
  const whole = !previous || now - previous.wholeReadAt > WHOLE_READ_MS;
  const keepThreads = await context.memo.get(THREADS_KEY, KEPT_MS, async () => false);
  const [chats, sessions] = await Promise.all([
    readCozmoxChats(context, whole ? null : previous.reads.chats, keepThreads),
    // An account without `/session` is not asked again until the next whole read.
    !whole && previous.reads.sessions.sessions === null
      ? previous.reads.sessions
      : readCozmoxSessions(context, whole ? null : previous.reads.sessions),
  ]);
  return buildCozmoxChatIndex(
    { chats, sessions },
    { readAt: now, wholeReadAt: whole ? now : (previous?.wholeReadAt ?? now) },
  );
}

/**
 * The index, at most `maxAgeMs` old (0, the default, asks Cozmox what changed). Concurrent callers
 * share one read.
 */
export async function cozmoxChatIndex(
  context: ProviderContext,
  options: { maxAgeMs?: number } = {},
): Promise<CozmoxChatIndex> {
  const holder = await holderOf(context);
  const kept = holder.index;
  if (kept && Date.now() - kept.readAt <= (options.maxAgeMs ?? 0)) return kept;
  holder.reading ??= read(context, kept)
    .then((index) => {
      holder.index = index;
      return index;
    })
    .finally(() => {
      holder.reading = null;
    });
  return holder.reading;
}

/** The conversation `id`, asking Cozmox again before answering that it does not exist. */
export async function findCozmoxConversation(
  context: ProviderContext,
  id: string,
): Promise<CozmoxConversationEntry> {
  const known = (await cozmoxChatIndex(context, { maxAgeMs: LOOKUP_MAX_AGE_MS })).byId.get(id);
  if (known) return known;
  const found = (await cozmoxChatIndex(context)).byId.get(id);
  if (found) return found;
  throw new ProviderError("not_found", "cozmox", "Cozmox has no chats for this conversation");
}

/** Forgets chats Parley deleted, so the list drops them at once and the next read stays small. */
export async function forgetCozmoxChats(context: ProviderContext, chatIds: readonly string[]): Promise<void> {
  if (chatIds.length === 0) return;
  const holder = await holderOf(context);
  const kept = holder.index;
  if (!kept) return;
  const chats = new Map(kept.reads.chats.chats);
  for (const id of chatIds) chats.delete(id);
  holder.index = buildCozmoxChatIndex(
    { chats: { ...kept.reads.chats, chats }, sessions: kept.reads.sessions },
    { readAt: kept.readAt, wholeReadAt: kept.wholeReadAt },
  );
}
