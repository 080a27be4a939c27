/**
 * The Zaia adapter ("Zaia Endless" Public API, seed 003).
 *
 * - Auth is the raw key in `Authorization`, with no `Bearer` prefix.
 * - Filters: channel, channel type, responder, version, owner, date range and search are applied
 *   by Zaia; status (the linked ticket's status) is on every row but not a Zaia filter, so Parley
 *   checks it on a bounded scan. Lists are newest first only.
 * - Moderation at Zaia: rename (`title`) and a soft remove (`isRemoved`); important and archived
 *   live in Parley's overlay. Zaia has no per-chat costs.
 * - Threads come from `GET /api/v1/chat-messages`, oldest first, by offset.
 *
 * @see https://docs.zaia.app/documentation/api-reference-alpha/reference/chats
 */
import type {
  Capabilities,
  ProviderMessagePage,
  ProviderAdapter,
  ProviderContext,
} from "@/lib/providers/contract";
import { isProviderError, ProviderError } from "@/lib/providers/errors";
import {
  getChatDetails,
  listAgents,
  listChannels,
  listChatMessages,
  listLeanChats,
  listResponders,
  readAllPages,
  removeChat,
  updateChatTitle,
  ZAIA_MAX_MESSAGES_PER_REQUEST,
  ZAIA_MAX_PAGE_SIZE,
} from "./client";
import { listZaiaConversations } from "./list-conversations";
import { mapZaiaChatDetailsToDetail } from "./map-zaia-conversation";
import { mapZaiaFacets } from "./map-zaia-facets";
import { mapZaiaMessage } from "./map-zaia-message";
import type { ZaiaAgent, ZaiaMessage } from "./wire-schemas";

export const zaiaCapabilities: Capabilities = {
  filters: {
    channel: "native",
    channelType: "native",
    responder: "native",
    version: "native",
    status: "scan",
    owner: "native",
    dateRange: "native",
    search: "native",
  },
  sortOldest: false,
  moderation: { important: false, archived: false, title: true, deleteAtProvider: "soft" },
  costs: false,
  maxPageSize: ZAIA_MAX_PAGE_SIZE,
  fixedPageSize: null,
  scoped: false,
  requestsPerMinute: null,
  sync: { listOrder: "lastActivity", activityRange: true },
  listCarriesTranscripts: false,
};

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Zaia ids are UUIDs: anything else cannot name a chat, so it is not found without a request. */
function chatId(id: string): string {
  if (!uuidPattern.test(id))
    throw new ProviderError("not_found", "zaia", "Zaia has no such chat (its ids are UUIDs)");
  return id;
}

/**
 * Reads `limit` messages from `offset`, plus one more to learn whether the thread goes on, in
 * requests of at most 1,000 (Zaia's `pagination[limit]` maximum).
 */
async function listZaiaMessages(
  context: ProviderContext,
  id: string,
  page: { offset: number; limit: number },
): Promise<ProviderMessagePage> {
  const conversationId = chatId(id);
  const offset = Math.max(0, Math.floor(page.offset));
  const limit = Math.max(1, Math.floor(page.limit));
  const wanted = limit + 1;
  const rows: ZaiaMessage[] = [];
  while (rows.length < wanted) {
    const size = Math.min(ZAIA_MAX_MESSAGES_PER_REQUEST, wanted - rows.length);
    const batch = await listChatMessages(context, {
      chatId: conversationId,
      offset: offset + rows.length,
      limit: size,
    });
    rows.push(...batch);
    if (batch.length < size) break;
  }
  const hasMore = rows.length > limit;
  const messages = rows
    .slice(0, limit)
    .map((message, index) => mapZaiaMessage(message, { conversationId, position: offset + index }));
  const reachedEnd = !hasMore && (messages.length > 0 || offset === 0);
  return { messages, total: reachedEnd ? offset + messages.length : null, hasMore };
}

/**
 * Agents with their versions, for the version filter's options. The shape of `/api/v1/agents` is
 * a guess, so a Zaia that answers it differently (not there, another shape, refused) leaves the
 * version options empty instead of failing every facet; the version filter itself still works.
 */
async function readAgentsForVersions(context: ProviderContext): Promise<ZaiaAgent[]> {
  try {
    return await readAllPages((page) => listAgents(context, page));
  } catch (error) {
    const guessMissed =
      isProviderError(error) &&
      (error.code === "not_found" || error.code === "bad_response" || error.code === "invalid_request");
    if (guessMissed) return [];
    throw error;
  }
}

export const zaiaAdapter: ProviderAdapter = {
  provider: "zaia",
  capabilities: zaiaCapabilities,
  defaultBaseUrl: "https://api.endless.zaia.app",

  authHeaders(apiKey) {
    return { authorization: apiKey };
  },

  async verify(context) {
    await listLeanChats(context, {}, { pageNumber: 1, pageSize: 1 });
  },

  async listScopes() {
    return [null];
  },

  listConversations: listZaiaConversations,

  async getConversation(context, id) {
    return mapZaiaChatDetailsToDetail(await getChatDetails(context, chatId(id)));
  },

  listMessages: listZaiaMessages,

  async listFacets(context) {
    const [channels, responders, agents] = await Promise.all([
      readAllPages((page) => listChannels(context, page)),
      readAllPages((page) => listResponders(context, page)),
      readAgentsForVersions(context),
    ]);
    return mapZaiaFacets({ channels, responders, agents });
  },

  async setTitle(context, id, title) {
    await updateChatTitle(context, chatId(id), title);
  },

  async deleteAtProvider(context, id) {
    await removeChat(context, chatId(id));
  },
};
