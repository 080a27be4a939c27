/**
 * The sync section's arithmetic, pure so it is unit-tested (`sync-calls.test.ts`): the fewest
 * provider calls a full read of the data allows, the backfill's calls against it, Chatling's
 * busiest minute, and when a backfill counts as finished.
 *
 * The fewest calls ("floor") of each provider, from its page sizes and its data's counts (the
 * simulator's `GET /__admin/scale` reports the same figure as `backfillFloor`, computed from its own
 * data, with the paging in words as `detail`; the section shows both and uses the simulator's,
 * which knows every thread's length):
 * - SigmaMind: `GET /v1/chats` pages of `pageSize` chats, each chat carrying its whole thread:
 *   ⌈chats ÷ pageSize⌉.
 * - Cozmox: `GET /chat` pages (each chat carries its messages; the answer's total says where they
 *   end), `GET /session` pages for the sessions' names, statuses and customers, and one
 *   `GET /assistant` (a bare array, not paged) for the responders' names, which chats carry only
 *   as ids: ⌈chats ÷ pageSize⌉ + ⌈sessions ÷ pageSize⌉ + 1.
 * - Zaia: list pages of `pageSize` chats until a short page (no total is given, so a list that fills
 *   its last page needs one more, empty page): ⌊chats ÷ pageSize⌋ + 1; then for each chat with
 *   messages ⌈messages ÷ messagePageSize⌉ message pages.
 * - Chatling: ⌈chatbots ÷ chatbotPageSize⌉ chatbot pages, each chatbot's conversation pages
 *   (at least one, an empty first page included), and for each conversation with at least as many
 *   messages as a list row embeds, ⌈messages ÷ messagePageSize⌉ message pages.
 * Each provider allows at least one call, so a floor is never 0.
 */

/** ⌈rows ÷ pageSize⌉, at least 1: a listing costs one call even when empty. */
export function pagesOf(rows: number, pageSize: number): number {
  if (!(pageSize > 0)) throw new Error(`page size must be positive, got ${pageSize}`);
  return Math.max(1, Math.ceil(rows / pageSize));
}

/** Pages of a listing that ends at a short page: ⌊rows ÷ pageSize⌋ + 1. */
export function pagesUntilShort(rows: number, pageSize: number): number {
  if (!(pageSize > 0)) throw new Error(`page size must be positive, got ${pageSize}`);
  return Math.floor(rows / pageSize) + 1;
}

/** The data each provider's floor depends on. */
export type FloorInput =
  | { provider: "sigmamind"; pageSize: number; chats: number }
  | { provider: "cozmox"; pageSize: number; chats: number; sessions: number }
  | { provider: "zaia"; pageSize: number; messagePageSize: number; threadLengths: readonly number[] }
  | {
      provider: "chatling";
      chatbotPageSize: number;
      conversationPageSize: number;
      messagePageSize: number;
      embeddedMessages: number;
      /** Per chatbot, its conversations' thread lengths. */
      chatbots: readonly (readonly number[])[];
    };

/** The fewest calls a full read of the data needs (see the module comment). */
export function backfillFloor(input: FloorInput): number {
  switch (input.provider) {
    case "sigmamind":
      return pagesOf(input.chats, input.pageSize);
    case "cozmox":
      return pagesOf(input.chats, input.pageSize) + pagesOf(input.sessions, input.pageSize) + 1;
    case "zaia": {
      let calls = pagesUntilShort(input.threadLengths.length, input.pageSize);
      for (const length of input.threadLengths)
        if (length > 0) calls += Math.ceil(length / input.messagePageSize);
      return calls;
    }
    case "chatling": {
      let calls = pagesOf(input.chatbots.length, input.chatbotPageSize);
      for (const threads of input.chatbots) {
        calls += pagesOf(threads.length, input.conversationPageSize);
        for (const length of threads)
          if (length >= input.embeddedMessages) calls += Math.ceil(length / input.messagePageSize);
      }
      return calls;
    }
    default: {
      const unreachable: never = input;
      return unreachable;
    }
  }
}

/** One provider's backfill calls against its floor. */
export interface CallsAgainstFloor {
  provider: string;
  calls: number;
  floor: number;
  /** calls ÷ floor, null without a positive floor. */
  ratio: number | null;
}

/** Calls made (simulator counters at the end minus at the start) against each provider's floor. */
export function callsAgainstFloors(
  before: Readonly<Record<string, number>>,
  after: Readonly<Record<string, number>>,
  floors: Readonly<Record<string, number>>,
): CallsAgainstFloor[] {
  return Object.keys(floors).map((provider) => {
    const calls = (after[provider] ?? 0) - (before[provider] ?? 0);
    const floor = floors[provider] ?? 0;
    return { provider, calls, floor, ratio: floor > 0 ? calls / floor : null };
  });
}

/** The busiest 60 seconds over every key of a provider (the simulator's `peakPerMinute` per key). */
export function busiestMinute(keys: Readonly<Record<string, { peakPerMinute: number }>>): number {
  return Math.max(0, ...Object.values(keys).map((key) => key.peakPerMinute));
}

/** A connection's sync state as `GET /api/sync` reports it. */
export interface SyncProgress {
  state: "backfilling" | "idle" | "syncing" | "failing";
}

/**
 * The backfill is over once no connection is backfilling any more and none is failing: `idle`, or
 * already `syncing` again on its interval after its first full sync.
 */
export function backfillFinished(connections: readonly SyncProgress[]): boolean {
  return (
    connections.length > 0 &&
    connections.every((connection) => connection.state === "idle" || connection.state === "syncing")
  );
}

/** Whether a listed conversation is the one added at the simulator (Chatling's id is `<chatbot>-<conversation>`). */
export function isAddedConversation(listedId: string, addedId: string): boolean {
  return listedId === addedId || listedId.endsWith(`-${addedId}`);
}
