/**
 * One page of Cozmox conversations from the connection's chat index (`cozmox-chat-index.ts`):
 * the responder (`assistantId`) and last-activity range filters and both orders are applied here,
 * over every conversation, so a page is never short because a provider page held other chats.
 *
 * Paging is by keyset: the token holds the last row's activity time and id, so a conversation
 * that gains a chat between two pages moves to the top instead of shifting every later page.
 * Page tokens are opaque to callers: base64url JSON, validated with zod when they come back.
 *
 * Freshness: a first page asks Cozmox what changed (`cozmoxChatIndex` with no age); a following
 * page reads the index as it stands when it is at most `CONTINUATION_MAX_AGE_MS` old. Its rows come
 * after the token's, and a conversation's new activity moves it above the token (the next first
 * page shows it), so asking again on every page (three calls each) only repeated what the first
 * page had asked: the sync's backfill of a large org pages through it in seconds apart, and paid
 * 1.3× the fewest calls for it. A conversation deleted meanwhile at Cozmox may still be listed by
 * a following page; the index's reconciliation removes it.
 */
import { z } from "zod";
import type { ListRequest, ProviderContext } from "@/lib/providers/contract";
import { ProviderError } from "@/lib/providers/errors";
import { COZMOX_MAX_LIMIT } from "./client";
import { cozmoxChatIndex, type CozmoxConversationEntry } from "./cozmox-chat-index";

const pageTokenSchema = z.object({
  kind: z.literal("after"),
  /** Last activity (epoch ms) of the last row shown. */
  at: z.number(),
  id: z.string(),
});
type PageToken = z.infer<typeof pageTokenSchema>;

export function encodePageToken(token: PageToken): string {
  return Buffer.from(JSON.stringify(token), "utf8").toString("base64url");
}

export function decodePageToken(raw: string | null): PageToken | null {
  if (raw === null) return null;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    decoded = undefined;
  }
  const parsed = pageTokenSchema.safeParse(decoded);
  if (!parsed.success)
    throw new ProviderError("invalid_request", "cozmox", "The Cozmox page token is not valid");
  return parsed.data;
}

export interface ConversationListPage {
  entries: CozmoxConversationEntry[];
  nextPageToken: string | null;
  total: number;
  /** Whether every chat of the org was read (not past `MAX_CHATS`), so every session has all its chats. */
  chatsComplete: boolean;
}

/** How old an index a following page (one with a token) reads as it stands. */
export const CONTINUATION_MAX_AGE_MS = 2 * 60_000;

const clampLimit = (size: number): number => Math.max(1, Math.min(COZMOX_MAX_LIMIT, Math.floor(size) || 1));

/** Whether `entry` comes after the token's row in the list's order (newest first: ties by id). */
function comesAfter(entry: CozmoxConversationEntry, token: PageToken, sort: ListRequest["sort"]): boolean {
  if (entry.lastActivityMs === token.at) return sort === "oldest" ? entry.id < token.id : entry.id > token.id;
  return sort === "oldest" ? entry.lastActivityMs > token.at : entry.lastActivityMs < token.at;
}

export async function listCozmoxConversations(
  context: ProviderContext,
  request: ListRequest,
): Promise<ConversationListPage> {
  const token = decodePageToken(request.pageToken);
  const index = await cozmoxChatIndex(context, { maxAgeMs: token ? CONTINUATION_MAX_AGE_MS : 0 });
  const responders = new Set(request.filters.responderIds ?? []);
  const from = request.filters.from === undefined ? -Infinity : Date.parse(request.filters.from);
  const to = request.filters.to === undefined ? Infinity : Date.parse(request.filters.to);
  const matching = index.byRecency.filter(
    (entry) =>
      (responders.size === 0 || (entry.assistantId !== null && responders.has(entry.assistantId))) &&
      entry.lastActivityMs >= from &&
      entry.lastActivityMs <= to,
  );
  const ordered = request.sort === "oldest" ? [...matching].reverse() : matching;
  const start = token ? ordered.findIndex((entry) => comesAfter(entry, token, request.sort)) : 0;
  const limit = clampLimit(request.pageSize);
  const entries = start < 0 ? [] : ordered.slice(start, start + limit);
  const last = entries.at(-1);
  const more = start >= 0 && start + limit < ordered.length;
  return {
    entries,
    nextPageToken:
      more && last ? encodePageToken({ kind: "after", at: last.lastActivityMs, id: last.id }) : null,
    total: matching.length,
    chatsComplete: !index.reads.chats.capped,
  };
}
