/**
 * Calls to the Zaia Public API through the connection's authenticated HTTP client. Each function
 * names one path and returns its payload parsed with the wire schemas, so a bad payload becomes a
 * `bad_response` ProviderError naming the field.
 *
 * Zaia lists are bare JSON arrays with no total, paged by `pageNumber` (from 1) and `pageSize`
 * (1–100, default 10). Array filters are sent as repeated keys.
 *
 * @see https://docs.zaia.app/documentation/api-reference-alpha/reference/chats
 * @see https://docs.zaia.app/documentation/api-reference-alpha/reference/chat-messages
 */
import type { ProviderContext } from "@/lib/providers/contract";
import { parseWire } from "@/lib/providers/errors";
import {
  zaiaAgentListSchema,
  zaiaChannelListSchema,
  zaiaChatDetailsListSchema,
  zaiaChatDetailsSchema,
  zaiaLeanChatListSchema,
  zaiaLeanChatSchema,
  zaiaMessageAnswerSchema,
  zaiaMessageListSchema,
  zaiaResponderListSchema,
  type ZaiaAgent,
  type ZaiaChannel,
  type ZaiaChatDetails,
  type ZaiaLeanChat,
  type ZaiaMessage,
  type ZaiaResponder,
} from "./wire-schemas";

/** The largest `pageSize` Zaia accepts. */
export const ZAIA_MAX_PAGE_SIZE = 100;
/** The largest `pagination[limit]` of `GET /api/v1/chat-messages`. */
export const ZAIA_MAX_MESSAGES_PER_REQUEST = 1_000;

export interface ZaiaPage {
  pageNumber: number;
  pageSize: number;
}

/** The filters of `GET /api/v1/chats`; `GET /api/v1/chats/details` takes only the marked ones. */
export interface ZaiaChatFilters {
  /** Also on details. */
  channelIds?: readonly string[];
  channelTypes?: readonly string[];
  ownerIds?: readonly string[];
  /** Also on details. */
  responderIds?: readonly string[];
  /** Also on details. */
  responderVersionIds?: readonly string[];
  lastChatMessageCreatedAtStart?: string;
  lastChatMessageCreatedAtEnd?: string;
  /** Also on details. */
  search?: string;
}

const chatPath = (id: string) => `/api/v1/chats/${encodeURIComponent(id)}`;

/** `GET /api/v1/chats`: lean chats, every filter. */
export async function listLeanChats(
  context: ProviderContext,
  filters: ZaiaChatFilters,
  page: ZaiaPage,
): Promise<ZaiaLeanChat[]> {
  const response = await context.http.request({
    method: "GET",
    path: "/api/v1/chats",
    query: { ...filters, ...page },
  });
  return parseWire("zaia", "chat list", zaiaLeanChatListSchema, response.body);
}

/** `GET /api/v1/chats/details`: chats with details; the seed documents only some filters here. */
export async function listChatDetails(
  context: ProviderContext,
  filters: Pick<ZaiaChatFilters, "channelIds" | "responderIds" | "responderVersionIds" | "search">,
  page: ZaiaPage,
): Promise<ZaiaChatDetails[]> {
  const query = {
    channelIds: filters.channelIds,
    responderIds: filters.responderIds,
    responderVersionIds: filters.responderVersionIds,
    search: filters.search,
    ...page,
  };
  const response = await context.http.request({ method: "GET", path: "/api/v1/chats/details", query });
  return parseWire("zaia", "chat details list", zaiaChatDetailsListSchema, response.body);
}

/** `GET /api/v1/chats/{id}/details`. */
export async function getChatDetails(context: ProviderContext, id: string): Promise<ZaiaChatDetails> {
  const response = await context.http.request({ method: "GET", path: `${chatPath(id)}/details` });
  return parseWire("zaia", "chat details", zaiaChatDetailsSchema, response.body);
}

/** `GET /api/v1/chat-messages?chatId=…`: oldest first, `limit` at most 1,000. */
export async function listChatMessages(
  context: ProviderContext,
  request: { chatId: string; offset: number; limit: number },
): Promise<ZaiaMessage[]> {
  const response = await context.http.request({
    method: "GET",
    path: "/api/v1/chat-messages",
    query: {
      chatId: request.chatId,
      "pagination[limit]": request.limit,
      "pagination[offset]": request.offset,
    },
  });
  return parseWire("zaia", "chat messages", zaiaMessageListSchema, response.body);
}

/** `GET /api/v1/channels`. */
export async function listChannels(context: ProviderContext, page: ZaiaPage): Promise<ZaiaChannel[]> {
  const response = await context.http.request({
    method: "GET",
    path: "/api/v1/channels",
    query: { ...page },
  });
  return parseWire("zaia", "channels", zaiaChannelListSchema, response.body);
}

/** `GET /api/v1/super-identities/responders`: agents and squads. */
export async function listResponders(context: ProviderContext, page: ZaiaPage): Promise<ZaiaResponder[]> {
  const response = await context.http.request({
    method: "GET",
    path: "/api/v1/super-identities/responders",
    query: { ...page },
  });
  return parseWire("zaia", "responders", zaiaResponderListSchema, response.body);
}

/** `GET /api/v1/agents`, read for the versions each agent has. */
export async function listAgents(context: ProviderContext, page: ZaiaPage): Promise<ZaiaAgent[]> {
  const response = await context.http.request({ method: "GET", path: "/api/v1/agents", query: { ...page } });
  return parseWire("zaia", "agents", zaiaAgentListSchema, response.body);
}

/**
 * `PATCH /api/v1/chats/{id}` with `{ title }`; null clears the title. Setting a title is
 * idempotent, so the client may retry it after a 5xx.
 */
export async function updateChatTitle(
  context: ProviderContext,
  id: string,
  title: string | null,
): Promise<ZaiaLeanChat> {
  const response = await context.http.request({
    method: "PATCH",
    path: chatPath(id),
    body: { title },
    idempotent: true,
  });
  return parseWire("zaia", "chat update", zaiaLeanChatSchema, response.body);
}

/** `DELETE /api/v1/chats/{id}`: a soft remove (`isRemoved: true`); removing twice changes nothing. */
export async function removeChat(context: ProviderContext, id: string): Promise<void> {
  const response = await context.http.request({ method: "DELETE", path: chatPath(id), idempotent: true });
  parseWire("zaia", "chat removal", zaiaMessageAnswerSchema, response.body);
}

/**
 * Reads every page of a Zaia list (100 rows a page) until a short page, up to `maxPages`; the
 * lists this is used for (channels, responders, agents) are small.
 */
export async function readAllPages<T>(
  readPage: (page: ZaiaPage) => Promise<T[]>,
  maxPages = 20,
): Promise<T[]> {
  const rows: T[] = [];
  for (let pageNumber = 1; pageNumber <= maxPages; pageNumber++) {
    const batch = await readPage({ pageNumber, pageSize: ZAIA_MAX_PAGE_SIZE });
    rows.push(...batch);
    if (batch.length < ZAIA_MAX_PAGE_SIZE) break;
  }
  return rows;
}
