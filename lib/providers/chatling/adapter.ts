/**
 * The Chatling adapter. A Chatling key belongs to a project with several chatbots, and every list
 * is per chatbot, so the adapter is scoped: `listScopes` gives the chatbot ids and each list reads
 * one chatbot. Parley addresses a conversation as `${chatbotId}-${conversationId}`.
 *
 * Chatling stores `archived` and `important` itself (PATCH with `archive`/`important`); it has no
 * title, no delete, no filters and no costs, so owner, date and search filters are applied by the
 * service on a bounded scan of mapped rows.
 *
 * @see https://docs.chatling.ai/api-reference/v2/intro
 */
import type {
  Capabilities,
  ListRequest,
  ListResult,
  ProviderAdapter,
  ProviderContext,
  SortOrder,
} from "@/lib/providers/contract";
import { isProviderError, ProviderError } from "@/lib/providers/errors";
import * as chatling from "./client";
import { isChatlingIdPart, parseChatlingConversationId } from "./conversation-id";
import {
  mapChatlingConversation,
  mapChatlingConversationDetail,
  type ContactLookup,
} from "./map-chatling-conversation";
import { mapChatlingMessage } from "./map-chatling-message";
import { readThreadSlice } from "./message-pages";
import type { ChatlingChatbot, ChatlingContact } from "./wire-schemas";

/** Chatling's documented budget: 300 API calls a minute per key. */
const REQUESTS_PER_MINUTE = 300;
/** Chatling fixes the conversation page size itself (20 in the simulator; not documented). */
const CONVERSATIONS_PER_PAGE = 20;
/** Safety bound on the chatbot list's pages (15 chatbots a page). */
const MAX_CHATBOT_PAGES = 50;
/** Chatbot names change rarely; list rows reuse them for a while instead of asking on every page. */
const CHATBOT_CACHE_MS = 5 * 60_000;

export const chatlingCapabilities: Capabilities = {
  filters: {
    channel: "unsupported",
    channelType: "unsupported",
    responder: "native",
    version: "unsupported",
    status: "unsupported",
    owner: "scan",
    dateRange: "scan",
    search: "scan",
  },
  sortOldest: true,
  moderation: { important: true, archived: true, title: false, deleteAtProvider: null },
  costs: false,
  maxPageSize: CONVERSATIONS_PER_PAGE,
  fixedPageSize: CONVERSATIONS_PER_PAGE,
  scoped: true,
  requestsPerMinute: REQUESTS_PER_MINUTE,
  sync: { listOrder: "created", activityRange: false },
  listCarriesTranscripts: false,
};

const chatbotKey = (chatbotId: string) => `chatbot|${chatbotId}`;

function remember(context: ProviderContext, chatbot: ChatlingChatbot): void {
  context.memo.set(chatbotKey(chatbot.id), chatbot, CHATBOT_CACHE_MS);
}

/** The chatbot, from the connection's memo or from `GET /v2/chatbots/{id}`. */
function chatbotFor(context: ProviderContext, chatbotId: string): Promise<ChatlingChatbot> {
  return context.memo.get(chatbotKey(chatbotId), CHATBOT_CACHE_MS, () =>
    chatling.getChatbot(context, chatbotId),
  );
}

/** Contact pages read per chatbot for names in the list (20 a page). */
const MAX_CONTACT_PAGES = 50;
const CONTACTS_CACHE_MS = 10 * 60_000;

/**
 * The chatbot's contacts by id, read a page at a time and kept in the memo a while, so listed
 * conversations carry their contact's name (the list answer has only `contact_id`) without a call
 * per row. When the contacts cannot be read, rows are listed without names (not kept).
 */
async function contactDirectory(
  context: ProviderContext,
  chatbotId: string,
): Promise<Map<string, ChatlingContact>> {
  try {
    return await context.memo.get(`contacts|${chatbotId}`, CONTACTS_CACHE_MS, async () => {
      const byId = new Map<string, ChatlingContact>();
      for (let page = 1; page <= MAX_CONTACT_PAGES; page++) {
        const answer = await chatling.listContacts(context, chatbotId, page);
        for (const contact of answer.contacts) byId.set(contact.id, contact);
        if (answer.pages.current_page >= answer.pages.last_page || answer.contacts.length === 0) break;
      }
      return byId;
    });
  } catch {
    return new Map();
  }
}

/** Every chatbot of the project, following `last_page`. */
async function listAllChatbots(context: ProviderContext): Promise<ChatlingChatbot[]> {
  const chatbots: ChatlingChatbot[] = [];
  for (let page = 1; page <= MAX_CHATBOT_PAGES; page++) {
    const answer = await chatling.listChatbots(context, page);
    chatbots.push(...answer.chatbots);
    if (answer.chatbots.length === 0 || answer.pages.current_page >= answer.pages.last_page) break;
  }
  for (const chatbot of chatbots) remember(context, chatbot);
  return chatbots;
}

function chatlingSort(sort: SortOrder): chatling.ChatlingSort {
  switch (sort) {
    case "recent":
      return "date_desc";
    case "oldest":
      return "date_asc";
    default: {
      const unreachable: never = sort;
      return unreachable;
    }
  }
}

function pageNumber(pageToken: string | null): number {
  if (pageToken === null) return 1;
  if (!/^[1-9]\d{0,8}$/.test(pageToken))
    throw new ProviderError(
      "invalid_request",
      "chatling",
      "The page token is not one this Chatling connection issued",
    );
  return Number(pageToken);
}

async function lookUpContact(
  context: ProviderContext,
  chatbotId: string,
  contactId: string | null | undefined,
): Promise<ContactLookup> {
  if (!contactId) return { kind: "anonymous" };
  try {
    return { kind: "found", contact: await chatling.getContact(context, chatbotId, contactId) };
  } catch (error) {
    if (isProviderError(error) && error.code === "not_found") return { kind: "not_found" };
    throw error;
  }
}

async function listConversations(context: ProviderContext, request: ListRequest): Promise<ListResult> {
  const chatbotId = request.scope;
  if (chatbotId === null || !isChatlingIdPart(chatbotId))
    throw new ProviderError(
      "invalid_request",
      "chatling",
      "Chatling lists conversations per chatbot; no valid chatbot was given",
    );
  const responderIds = request.filters.responderIds ?? [];
  if (responderIds.length > 0 && !responderIds.includes(chatbotId))
    return { items: [], nextPageToken: null, total: 0 };

  const page = pageNumber(request.pageToken);
  const [answer, chatbot, contacts] = await Promise.all([
    chatling.listConversations(context, chatbotId, { page, sort: chatlingSort(request.sort) }),
    chatbotFor(context, chatbotId),
    contactDirectory(context, chatbotId),
  ]);
  const lookup = (contactId: string | null | undefined): ContactLookup => {
    const contact = contactId ? contacts.get(contactId) : undefined;
    return contact ? { kind: "found", contact } : { kind: "anonymous" };
  };
  const { current_page: currentPage, last_page: lastPage, per_page: perPage } = answer.pages;
  const hasNext = currentPage < lastPage && answer.conversations.length > 0;
  return {
    items: answer.conversations.map((conversation) =>
      mapChatlingConversation(conversation, chatbot, lookup(conversation.contact_id)),
    ),
    nextPageToken: hasNext ? String(currentPage + 1) : null,
    // Chatling counts pages, not rows: the total is exact only once the last page is in hand.
    total: currentPage === lastPage ? (lastPage - 1) * perPage + answer.conversations.length : null,
  };
}

async function setFlag(
  context: ProviderContext,
  id: string,
  flag: "archived" | "important",
  value: boolean,
): Promise<void> {
  const { chatbotId, conversationId } = parseChatlingConversationId(id);
  const changes = flag === "archived" ? { archive: value } : { important: value };
  const updated = await chatling.updateConversation(context, chatbotId, conversationId, changes);
  if (updated[flag] !== value)
    throw new ProviderError(
      "bad_response",
      "chatling",
      `Chatling answered the update without applying ${flag} = ${value}`,
    );
}

export const chatlingAdapter: ProviderAdapter = {
  provider: "chatling",
  capabilities: chatlingCapabilities,
  defaultBaseUrl: "https://api.chatling.ai",

  authHeaders(apiKey) {
    return { authorization: `Bearer ${apiKey}` };
  },

  async verify(context) {
    await chatling.listChatbots(context, 1);
  },

  async listScopes(context, filters) {
    const ids = (await listAllChatbots(context)).map((chatbot) => chatbot.id);
    const wanted = filters.responderIds ?? [];
    return wanted.length > 0 ? ids.filter((id) => wanted.includes(id)) : ids;
  },

  listConversations,

  async getConversation(context, id) {
    const { chatbotId, conversationId } = parseChatlingConversationId(id);
    const [conversation, chatbot] = await Promise.all([
      chatling.getConversation(context, chatbotId, conversationId),
      chatbotFor(context, chatbotId),
    ]);
    const contact = await lookUpContact(context, chatbotId, conversation.contact_id);
    return mapChatlingConversationDetail(conversation, chatbot, contact);
  },

  async listMessages(context, id, { offset, limit }) {
    const { chatbotId, conversationId } = parseChatlingConversationId(id);
    if (!Number.isSafeInteger(offset) || offset < 0 || !Number.isSafeInteger(limit) || limit < 1)
      throw new ProviderError("invalid_request", "chatling", "offset must be 0 or more and limit 1 or more");
    const slice = await readThreadSlice(
      (page) =>
        chatling.listConversationMessages(context, chatbotId, conversationId, { page, sort: "date_asc" }),
      offset,
      limit,
    );
    return {
      messages: slice.messages.map(({ message, position }) =>
        mapChatlingMessage(message, `${id}:${position}`),
      ),
      total: slice.total,
      hasMore: offset + slice.messages.length < slice.total,
    };
  },

  async listFacets(context) {
    const chatbots = await listAllChatbots(context);
    return {
      channels: [],
      channelTypes: [],
      responders: chatbots.map((chatbot) => ({ value: chatbot.id, label: chatbot.name ?? chatbot.id })),
      versions: [],
      statuses: [],
    };
  },

  setImportant(context, id, important) {
    return setFlag(context, id, "important", important);
  },

  setArchived(context, id, archived) {
    return setFlag(context, id, "archived", archived);
  },
};
