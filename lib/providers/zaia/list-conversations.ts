/**
 * Lists Zaia chats for Parley's inbox.
 *
 * Zaia has two lists: `GET /api/v1/chats/details` returns everything a row shows but the seed
 * documents only four filters on it (channels, responders, versions, search); `GET /api/v1/chats`
 * takes every filter but returns lean rows. So the details list is used when the filters allow it,
 * and otherwise the lean list is filtered at Zaia and each row is read with
 * `GET /api/v1/chats/{id}/details` (at most six at a time).
 *
 * Zaia gives no total: the page token is the next page number, offered when a page came back full.
 *
 * @see https://docs.zaia.app/documentation/api-reference-alpha/reference/chats
 */
import type {
  ListRequest,
  ListResult,
  NativeFilters,
  ProviderContext,
  ProviderConversation,
} from "@/lib/providers/contract";
import { isProviderError, ProviderError } from "@/lib/providers/errors";
import {
  getChatDetails,
  listChatDetails,
  listLeanChats,
  ZAIA_MAX_PAGE_SIZE,
  type ZaiaChatFilters,
} from "./client";
import { mapZaiaChatDetails, mapZaiaLeanChat } from "./map-zaia-conversation";
import type { ZaiaLeanChat } from "./wire-schemas";

/** How many chat details are read at once when enriching a lean page. */
export const DETAIL_CONCURRENCY = 6;

const nonEmpty = (values: readonly string[] | undefined): readonly string[] | undefined =>
  values && values.length > 0 ? values : undefined;

/** Parley's native filters in Zaia's parameter names; statuses are a scan filter and never sent. */
export function toZaiaFilters(filters: NativeFilters): ZaiaChatFilters {
  const search = filters.search?.trim();
  return {
    channelIds: nonEmpty(filters.channelIds),
    channelTypes: nonEmpty(filters.channelTypes),
    ownerIds: nonEmpty(filters.ownerIds),
    responderIds: nonEmpty(filters.responderIds),
    responderVersionIds: nonEmpty(filters.versionIds),
    lastChatMessageCreatedAtStart: filters.from,
    lastChatMessageCreatedAtEnd: filters.to,
    search: search ? search : undefined,
  };
}

/** Whether `GET /api/v1/chats/details` can apply every filter given. */
export function detailsListApplies(filters: ZaiaChatFilters): boolean {
  return (
    filters.channelTypes === undefined &&
    filters.ownerIds === undefined &&
    filters.lastChatMessageCreatedAtStart === undefined &&
    filters.lastChatMessageCreatedAtEnd === undefined
  );
}

/** Reads a page token (the next page number); anything else is a request Parley got wrong. */
export function pageNumberFromToken(token: string | null): number {
  if (token === null) return 1;
  if (!/^[1-9]\d{0,6}$/.test(token))
    throw new ProviderError("invalid_request", "zaia", "The page token is not a Zaia page number");
  return Number(token);
}

/** Runs `work` over `items` with at most `limit` in flight, keeping the input order. */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < items.length) {
      const index = next;
      next += 1;
      const item = items[index];
      if (item !== undefined) results[index] = await work(item);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, () => worker()));
  return results;
}

/** A lean row with its details; a chat gone between the two reads keeps its lean fields. */
async function enrich(context: ProviderContext, chat: ZaiaLeanChat): Promise<ProviderConversation> {
  try {
    return mapZaiaChatDetails(await getChatDetails(context, chat.id));
  } catch (error) {
    if (isProviderError(error) && error.code === "not_found") return mapZaiaLeanChat(chat);
    throw error;
  }
}

export async function listZaiaConversations(
  context: ProviderContext,
  request: ListRequest,
): Promise<ListResult> {
  if (request.sort !== "recent")
    throw new ProviderError("unsupported", "zaia", "Zaia lists chats newest first only");
  const page = {
    pageNumber: pageNumberFromToken(request.pageToken),
    pageSize: Math.min(ZAIA_MAX_PAGE_SIZE, Math.max(1, Math.floor(request.pageSize))),
  };
  const filters = toZaiaFilters(request.filters);
  let items: ProviderConversation[];
  let received: number;
  if (detailsListApplies(filters)) {
    const rows = await listChatDetails(context, filters, page);
    received = rows.length;
    items = rows.map(mapZaiaChatDetails);
  } else {
    const rows = await listLeanChats(context, filters, page);
    received = rows.length;
    items = await mapWithConcurrency(rows, DETAIL_CONCURRENCY, (chat) => enrich(context, chat));
  }
  return {
    items,
    nextPageToken: received >= page.pageSize ? String(page.pageNumber + 1) : null,
    total: null,
  };
}
