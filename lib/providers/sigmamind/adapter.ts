/**
 * The SigmaMind adapter: `X-API-Key` auth, `/v1/chats` pages from 0, threads from the chat's
 * `messages[]`. SigmaMind stores no moderation flags and offers no delete, so every moderation
 * action lives in Parley's overlay; it has no costs.
 *
 * Filters: `status` is sent to SigmaMind; responder (the chat's agent), date range (on
 * `createdAt`, the only timestamp) and search are checked by the service on a bounded scan;
 * SigmaMind has no channels, versions or contact ids.
 *
 * @see https://docs.sigmamind.ai/api-reference/chats/list-chats
 */
import type { Capabilities, ProviderAdapter, ProviderFacets } from "@/lib/providers/contract";
import { getChat, listChats } from "./client";
import { listSigmamindConversations, SIGMAMIND_MAX_PAGE_SIZE } from "./list-conversations";
import { mapSigmamindConversationDetail, sigmamindStatuses } from "./map-sigmamind-conversation";
import { mapSigmamindThread } from "./map-sigmamind-message";

/** Pages of 100 read to find the agents, as SigmaMind documents no agents endpoint. */
export const RESPONDER_SCAN_PAGES = 3;

/** What SigmaMind can do, as the service and the UI read it. */
export const sigmamindCapabilities: Capabilities = {
  filters: {
    channel: "unsupported",
    channelType: "unsupported",
    responder: "scan",
    version: "unsupported",
    status: "native",
    owner: "unsupported",
    dateRange: "scan",
    search: "scan",
  },
  sortOldest: false,
  moderation: { important: false, archived: false, title: false, deleteAtProvider: null },
  costs: false,
  maxPageSize: SIGMAMIND_MAX_PAGE_SIZE,
  fixedPageSize: null,
  scoped: false,
  requestsPerMinute: null,
  sync: { listOrder: "created", activityRange: false },
  listCarriesTranscripts: true,
};

export const sigmamindAdapter: ProviderAdapter = {
  provider: "sigmamind",
  capabilities: sigmamindCapabilities,
  defaultBaseUrl: "https://api.sigmamind.ai",

  authHeaders(apiKey) {
    return { "X-API-Key": apiKey };
  },

  async verify(context) {
    await listChats(context, { page: 0, size: 1 });
  },

  async listScopes() {
    return [null];
  },

  listConversations: listSigmamindConversations,

  async getConversation(context, id) {
    return mapSigmamindConversationDetail(await getChat(context, id));
  },

  async listMessages(context, id, page) {
    const thread = mapSigmamindThread(await getChat(context, id));
    const offset = Math.max(0, Math.floor(page.offset));
    const limit = Math.max(0, Math.floor(page.limit));
    const messages = thread.slice(offset, offset + limit);
    return { messages, total: thread.length, hasMore: offset + messages.length < thread.length };
  },

  async listFacets(context) {
    const agents = new Map<string, string>();
    for (let page = 0; page < RESPONDER_SCAN_PAGES; page++) {
      const result = await listChats(context, { page, size: sigmamindCapabilities.maxPageSize });
      for (const chat of result.data) {
        const agentId = chat.agent?.agentId;
        if (agentId && !agents.has(agentId)) agents.set(agentId, chat.agent?.name || agentId);
      }
      if (!result.hasNext) break;
    }
    const facets: ProviderFacets = {
      channels: [],
      channelTypes: [],
      responders: [...agents]
        .map(([value, label]) => ({ value, label }))
        .sort((left, right) => left.label.localeCompare(right.label)),
      versions: [],
      statuses: sigmamindStatuses.map(({ value, label }) => ({ value, label })),
    };
    return facets;
  },
};
