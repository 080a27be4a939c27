/**
 * Lists SigmaMind chats as Parley pages.
 *
 * SigmaMind filters by one `status` at a time and pages by number (from 0). Parley may ask for
 * several statuses at once, so the list is read as one stream per status (or one unfiltered
 * stream), each from its own offset, and the streams are merged newest first. The page token is
 * those offsets (`"20"`, or `"13.7"` for two streams), so a page never repeats or skips a chat
 * even when the page size changes between calls: an offset that is not on a page boundary costs
 * a second request.
 *
 * @see https://docs.sigmamind.ai/api-reference/chats/list-chats
 */
import type { ListRequest, ListResult, ProviderContext } from "@/lib/providers/contract";
import { ProviderError } from "@/lib/providers/errors";
import { listChats } from "./client";
import { mapSigmamindConversation, toSigmamindStatus } from "./map-sigmamind-conversation";
import type { SigmamindChat } from "./wire-schemas";

/** The largest `size` SigmaMind is asked for (undocumented; the simulator allows 1–100). */
export const SIGMAMIND_MAX_PAGE_SIZE = 100;

interface StreamWindow {
  chats: SigmamindChat[];
  total: number;
}

/**
 * The status streams to read: `[undefined]` without a status filter, one per known status
 * otherwise, and none when no requested status exists at SigmaMind (nothing can match).
 */
export function statusStreams(statuses: readonly string[] | undefined): (string | undefined)[] {
  if (!statuses || statuses.length === 0) return [undefined];
  const known = statuses.map(toSigmamindStatus).filter((status): status is string => status !== null);
  return [...new Set(known)];
}

/** The next offset of each stream, in stream order: `"20"`, `"13.7"`. */
export function encodePageToken(offsets: readonly number[]): string {
  return offsets.join(".");
}

/** Offsets from a token (zeros for the first page); a token of another shape is `invalid_request`. */
export function decodePageToken(token: string | null, streams: number): number[] {
  if (token === null) return Array.from({ length: streams }, () => 0);
  const parts = token.split(".");
  if (parts.length !== streams || !parts.every((part) => /^\d{1,9}$/.test(part)))
    throw new ProviderError(
      "invalid_request",
      "sigmamind",
      "The page token does not belong to this SigmaMind list",
    );
  return parts.map(Number);
}

/** The `count` chats of one stream from `offset` on, in one request or two when `offset` is off a page boundary. */
async function readWindow(
  context: ProviderContext,
  status: string | undefined,
  offset: number,
  count: number,
): Promise<StreamWindow> {
  const page = Math.floor(offset / count);
  const skip = offset - page * count;
  const first = await listChats(context, { page, size: count, status });
  if (skip === 0 || !first.hasNext) return { chats: first.data.slice(skip), total: first.totalCounts };
  const second = await listChats(context, { page: page + 1, size: count, status });
  return { chats: [...first.data.slice(skip), ...second.data].slice(0, count), total: second.totalCounts };
}

/** `ProviderAdapter.listConversations` for SigmaMind: newest first only, `statuses` the one native filter. */
export async function listSigmamindConversations(
  context: ProviderContext,
  request: ListRequest,
): Promise<ListResult> {
  if (request.sort !== "recent")
    throw new ProviderError("unsupported", "sigmamind", "SigmaMind lists chats newest first only");
  const streams = statusStreams(request.filters.statuses);
  if (streams.length === 0) return { items: [], nextPageToken: null, total: 0 };
  const pageSize = Math.min(SIGMAMIND_MAX_PAGE_SIZE, Math.max(1, Math.floor(request.pageSize)));
  const offsets = decodePageToken(request.pageToken, streams.length);
  const windows = await Promise.all(
    streams.map((status, index) => readWindow(context, status, offsets[index] ?? 0, pageSize)),
  );

  const taken = windows.map(() => 0);
  const merged: SigmamindChat[] = [];
  while (merged.length < pageSize) {
    let newest: { index: number; chat: SigmamindChat; time: number } | null = null;
    for (const [index, window] of windows.entries()) {
      const chat = window.chats[taken[index] ?? 0];
      if (!chat) continue;
      const time = Date.parse(chat.createdAt);
      if (!newest || time > newest.time) newest = { index, chat, time };
    }
    if (!newest) break;
    merged.push(newest.chat);
    taken[newest.index] = (taken[newest.index] ?? 0) + 1;
  }

  const nextOffsets = offsets.map((offset, index) => offset + (taken[index] ?? 0));
  const more = nextOffsets.some((offset, index) => offset < (windows[index]?.total ?? 0));
  return {
    items: merged.map((chat) => mapSigmamindConversation(chat, request.transcripts === true)),
    nextPageToken: more ? encodePageToken(nextOffsets) : null,
    total: windows.reduce((sum, window) => sum + window.total, 0),
  };
}
