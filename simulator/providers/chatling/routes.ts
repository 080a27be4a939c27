/**
 * Chatling's v2 endpoints as the simulator answers them, below the `/chatling` prefix. Shapes
 * follow seed 004 and providers.md §5 and §11; every choice the documents leave open is listed in
 * NOTES.md beside this file.
 *
 * @see https://docs.chatling.ai/api-reference/v2/conversations/list-conversations
 */
import type { Route, SimRequest, SimResponse } from "../../core/http";
import { findConversation, messagesOf, pinThread, type ChatlingState, type ConversationRecord } from "./data";
import { failure, paginate, success, type ChatlingConversation, type ChatlingMessage } from "./wire";

/** Server-fixed page sizes: Chatling has no page-size parameter. */
export const chatlingPageSizes = { chatbots: 15, conversations: 20, messages: 100, contacts: 20 } as const;
/** How many of its newest messages a conversation embeds in the list and in the single read. */
export const chatlingEmbeddedMessages = { list: 3, single: 50 } as const;

type Sort = "date_desc" | "date_asc";
type Parsed<T> = { ok: true; value: T } | { ok: false; response: SimResponse };

function readPage(request: SimRequest): Parsed<number> {
  const raw = request.query.get("page");
  if (raw === null || raw === "") return { ok: true, value: 1 };
  if (!/^-?\d+$/.test(raw) || !Number.isSafeInteger(Number(raw)))
    return { ok: false, response: failure(400, "The page field must be an integer.") };
  const page = Number(raw);
  if (page < 1) return { ok: false, response: failure(400, "The page field must be at least 1.") };
  return { ok: true, value: page };
}

function readSort(request: SimRequest): Parsed<Sort> {
  const raw = request.query.get("sort");
  if (raw === null || raw === "") return { ok: true, value: "date_desc" };
  if (raw === "date_desc" || raw === "date_asc") return { ok: true, value: raw };
  return { ok: false, response: failure(400, "The selected sort is invalid. Use date_desc or date_asc.") };
}

function ordered<T>(oldestFirst: readonly T[], sort: Sort): readonly T[] {
  return sort === "date_asc" ? oldestFirst : [...oldestFirst].reverse();
}

function conversationBody(
  state: ChatlingState,
  record: ConversationRecord,
  embedded: number,
): ChatlingConversation {
  const messages = messagesOf(state, record);
  return {
    id: record.id,
    contact_id: record.contactId,
    archived: record.archived,
    important: record.important,
    created_at: record.createdAt,
    messages: messages.slice(Math.max(0, messages.length - embedded)).reverse(),
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const notFound = {
  chatbot: () => failure(404, "Chatbot not found."),
  conversation: () => failure(404, "Conversation not found."),
  message: () => failure(404, "Message not found."),
  contact: () => failure(404, "Contact not found."),
};

/** Applies `{archive?, important?, contact_id?}`; booleans in, `0|1` out. Nothing changes unless all fields are valid. */
function updateConversation(state: ChatlingState, record: ConversationRecord, body: unknown): SimResponse {
  const fields = body === undefined ? {} : body;
  if (!isPlainObject(fields)) return failure(400, "The request body must be a JSON object.");
  const { archive, important, contact_id: contactId } = fields;
  if (archive !== undefined && typeof archive !== "boolean")
    return failure(400, "The archive field must be true or false.");
  if (important !== undefined && typeof important !== "boolean")
    return failure(400, "The important field must be true or false.");
  if (contactId !== undefined) {
    if (typeof contactId !== "string") return failure(400, "The contact id field must be a string.");
    const contacts = state.contactsByChatbot.get(record.chatbotId) ?? [];
    if (!contacts.some((contact) => contact.id === contactId))
      return failure(400, "The selected contact id is invalid.");
    record.contactId = contactId;
  }
  if (archive !== undefined) record.archived = archive ? 1 : 0;
  if (important !== undefined) record.important = important ? 1 : 0;
  return success(conversationBody(state, record, chatlingEmbeddedMessages.single));
}

const ratings = new Map<unknown, -1 | 0 | 1>([
  [-1, -1],
  [0, 0],
  [1, 1],
  ["-1", -1],
  ["0", 0],
  ["1", 1],
]);

/** Sets `data.helpful_value` of an AI answer: 1 helpful, -1 not helpful, 0 removes the rating. */
function rateAiAnswer(message: ChatlingMessage, body: unknown): SimResponse {
  const rating = isPlainObject(body) ? ratings.get(body.rating) : undefined;
  if (rating === undefined) return failure(400, "The rating field must be one of -1, 0, 1.");
  if (message.role !== "bot" || !message.data) return failure(400, "Only AI answers can be rated.");
  message.data = { ...message.data, helpful_value: rating === 0 ? null : rating };
  return success(message);
}

/** The routes, reading the current state through `getState` so a reset swaps in fresh data. */
export function createChatlingRoutes(getState: () => ChatlingState): Route[] {
  const withConversation = (
    request: SimRequest,
    then: (state: ChatlingState, record: ConversationRecord) => SimResponse,
  ): SimResponse => {
    const state = getState();
    const chatbotId = request.params.chatbotId ?? "";
    if (!state.chatbots.some((chatbot) => chatbot.id === chatbotId)) return notFound.chatbot();
    const record = findConversation(state, chatbotId, request.params.conversationId ?? "");
    return record ? then(state, record) : notFound.conversation();
  };

  return [
    {
      method: "GET",
      pattern: "/v2/chatbots",
      handler: (request) => {
        const page = readPage(request);
        if (!page.ok) return page.response;
        const { pages, items } = paginate(getState().chatbots, page.value, chatlingPageSizes.chatbots);
        return success({ pages, chatbots: items });
      },
    },
    {
      method: "GET",
      pattern: "/v2/chatbots/:chatbotId",
      handler: (request) => {
        const chatbot = getState().chatbots.find((candidate) => candidate.id === request.params.chatbotId);
        return chatbot ? success(chatbot) : notFound.chatbot();
      },
    },
    {
      method: "GET",
      pattern: "/v2/chatbots/:chatbotId/conversations",
      handler: (request) => {
        const state = getState();
        const records = state.conversationsByChatbot.get(request.params.chatbotId ?? "");
        if (!records) return notFound.chatbot();
        const page = readPage(request);
        if (!page.ok) return page.response;
        const sort = readSort(request);
        if (!sort.ok) return sort.response;
        const { pages, items } = paginate(
          ordered(records, sort.value),
          page.value,
          chatlingPageSizes.conversations,
        );
        const conversations = items.map((record) =>
          conversationBody(state, record, chatlingEmbeddedMessages.list),
        );
        return success({ pages, conversations });
      },
    },
    {
      method: "GET",
      pattern: "/v2/chatbots/:chatbotId/conversations/:conversationId",
      handler: (request) =>
        withConversation(request, (state, record) =>
          success(conversationBody(state, record, chatlingEmbeddedMessages.single)),
        ),
    },
    {
      method: "PATCH",
      pattern: "/v2/chatbots/:chatbotId/conversations/:conversationId",
      handler: (request) =>
        withConversation(request, (state, record) => updateConversation(state, record, request.body)),
    },
    {
      method: "GET",
      pattern: "/v2/chatbots/:chatbotId/conversations/:conversationId/messages",
      handler: (request) =>
        withConversation(request, (state, record) => {
          const page = readPage(request);
          if (!page.ok) return page.response;
          const sort = readSort(request);
          if (!sort.ok) return sort.response;
          const all = ordered(messagesOf(state, record), sort.value);
          const { pages, items } = paginate(all, page.value, chatlingPageSizes.messages);
          return success({ pages, messages: items });
        }),
    },
    {
      method: "PATCH",
      pattern: "/v2/chatbots/:chatbotId/conversations/:conversationId/messages/:messageId/rate-ai-answer",
      handler: (request) =>
        withConversation(request, (state, record) => {
          const message = messagesOf(state, record).find(
            (candidate) => candidate.id === request.params.messageId,
          );
          if (!message) return notFound.message();
          // The rating edits the cached thread, so it must outlive the cache's eviction.
          pinThread(state, record);
          return rateAiAnswer(message, request.body);
        }),
    },
    {
      method: "GET",
      pattern: "/v2/chatbots/:chatbotId/contacts",
      handler: (request) => {
        const contacts = getState().contactsByChatbot.get(request.params.chatbotId ?? "");
        if (!contacts) return notFound.chatbot();
        const page = readPage(request);
        if (!page.ok) return page.response;
        const sort = readSort(request);
        if (!sort.ok) return sort.response;
        const oldestFirst = [...contacts].sort(
          (left, right) => left.created_at.localeCompare(right.created_at) || left.id.localeCompare(right.id),
        );
        const { pages, items } = paginate(
          ordered(oldestFirst, sort.value),
          page.value,
          chatlingPageSizes.contacts,
        );
        return success({ pages, contacts: items });
      },
    },
    {
      method: "GET",
      pattern: "/v2/chatbots/:chatbotId/contacts/:contactId",
      handler: (request) => {
        const contacts = getState().contactsByChatbot.get(request.params.chatbotId ?? "");
        if (!contacts) return notFound.chatbot();
        const contact = contacts.find((candidate) => candidate.id === request.params.contactId);
        return contact ? success(contact) : notFound.contact();
      },
    },
  ];
}
