/**
 * The Cozmox adapter (seed 002: a white-label Vapi API). Parley's conversation is a Cozmox
 * session; its thread is the session's chats, oldest first, each adding its new input and output.
 *
 * Native: responder (`assistantId`), date range (`updatedAtGe`/`updatedAtLe` = last activity),
 * sort order, hard delete (`DELETE /session/{id}`). Status (session `status`), owner (the
 * session's customer) and search are on every row, so Parley's service scans for them.
 * Cozmox has no channels, versions, or flags Parley can set.
 *
 * @see https://docs.cozmox.cloud/api-reference/chats/list-chats
 * @see https://docs.cozmox.cloud/api-reference/chats/delete-chat
 */
import type { Message } from "@/lib/model/conversation";
import type { Capabilities, ProviderAdapter, ProviderContext } from "@/lib/providers/contract";
import { isProviderError } from "@/lib/providers/errors";
import { linkToolResults, mapCozmoxChatTurn, chatTurnMessages } from "./assemble-cozmox-thread";
import { deleteSession, getAssistant, getSession, listAssistants, listChats, listSessions } from "./client";
import { listCozmoxSessions } from "./list-cozmox-sessions";
import { cozmoxStatuses, mapCozmoxSession, mapCozmoxSessionDetail } from "./map-cozmox-conversation";
import { cozmoxMessageText } from "./map-cozmox-message";

export const cozmoxCapabilities: Capabilities = {
  filters: {
    channel: "unsupported",
    channelType: "unsupported",
    responder: "native",
    version: "unsupported",
    status: "scan",
    owner: "scan",
    dateRange: "native",
    search: "scan",
  },
  sortOldest: true,
  moderation: { important: false, archived: false, title: false, deleteAtProvider: "hard" },
  costs: true,
  maxPageSize: 1000,
  fixedPageSize: null,
  scoped: false,
  requestsPerMinute: null,
  sync: { listOrder: "lastActivity", activityRange: true },
};

/** Chats are heavy (each may embed an assistant config), so threads are read 100 chats at a time. */
const THREAD_CHATS_PER_PAGE = 100;
/** A ceiling on one thread read: 200 pages of 100 chats. */
const MAX_THREAD_PAGES = 200;

/** How long assistant names are reused: they only label rows, and rarely change. */
const ASSISTANT_NAMES_MS = 60_000;

/**
 * Assistant names for responder labels, kept a minute per connection so a list or a thread does
 * not ask for every assistant each time. They only decorate rows, so a failure here leaves the
 * names empty instead of failing the list (the sessions call reports real failures).
 */
async function assistantNames(context: ProviderContext): Promise<ReadonlyMap<string, string>> {
  try {
    return await context.memo.get("assistant-names", ASSISTANT_NAMES_MS, async () => {
      const assistants = await listAssistants(context);
      return new Map(
        assistants.flatMap((assistant) => (assistant.name ? [[assistant.id, assistant.name] as const] : [])),
      );
    });
  } catch (error) {
    if (isProviderError(error)) return new Map();
    throw error;
  }
}

async function assistantName(context: ProviderContext, id: string): Promise<string | null> {
  const known = (await assistantNames(context)).get(id);
  if (known) return known;
  try {
    return (await getAssistant(context, id)).name ?? null;
  } catch (error) {
    if (isProviderError(error)) return null;
    throw error;
  }
}

export const cozmoxAdapter: ProviderAdapter = {
  provider: "cozmox",
  capabilities: cozmoxCapabilities,
  defaultBaseUrl: "https://api.cozmox.ai",

  authHeaders(apiKey) {
    return { authorization: `Bearer ${apiKey.trim()}` };
  },

  async verify(context) {
    await listSessions(context, { limit: 1 });
  },

  async listScopes() {
    return [null];
  },

  async listConversations(context, request) {
    const [page, names] = await Promise.all([listCozmoxSessions(context, request), assistantNames(context)]);
    return {
      items: page.sessions.map((session) => mapCozmoxSession(session, names)),
      nextPageToken: page.nextPageToken,
      total: page.total,
    };
  },

  async getConversation(context, id) {
    // The session and its latest chat at once: one round trip instead of two.
    const [session, latest] = await Promise.all([
      getSession(context, id),
      listChats(context, { sessionId: id, sortOrder: "DESC", page: 1, limit: 1 }),
    ]);
    const name = session.assistantId ? await assistantName(context, session.assistantId) : null;
    const latestChat = latest.results[0];
    const lastAnswer = latestChat ? chatTurnMessages(latestChat).output.at(-1) : undefined;
    return mapCozmoxSessionDetail(session, {
      assistantName: name,
      chatCount: latest.metadata.totalItems,
      preview: lastAnswer ? cozmoxMessageText(lastAnswer) : null,
    });
  },

  async listMessages(context, id, page) {
    const offset = Math.max(0, Math.floor(page.offset));
    const end = offset + Math.max(0, Math.floor(page.limit));
    const messages: Message[] = [];
    let complete = false;
    for (let chatPage = 1; chatPage <= MAX_THREAD_PAGES; chatPage++) {
      const { results, metadata } = await listChats(context, {
        sessionId: id,
        sortOrder: "ASC",
        page: chatPage,
        limit: THREAD_CHATS_PER_PAGE,
      });
      for (const chat of results) messages.push(...mapCozmoxChatTurn(chat, id, messages.length));
      const more =
        results.length > 0 &&
        (metadata.hasNextPage ?? chatPage * THREAD_CHATS_PER_PAGE < metadata.totalItems);
      if (!more) {
        complete = true;
        break;
      }
      if (messages.length > end) break;
    }
    // An unknown session lists no chats; asking for it turns that into not_found.
    if (complete && messages.length === 0) await getSession(context, id);
    const thread = linkToolResults(messages);
    return {
      messages: thread.slice(offset, end),
      total: complete ? thread.length : null,
      hasMore: !complete || end < thread.length,
    };
  },

  async listFacets(context) {
    const assistants = await listAssistants(context);
    return {
      channels: [],
      channelTypes: [],
      responders: assistants
        .map((assistant) => ({ value: assistant.id, label: assistant.name?.trim() || assistant.id }))
        .sort((left, right) => left.label.localeCompare(right.label)),
      versions: [],
      statuses: cozmoxStatuses.map((status) => ({ ...status })),
    };
  },

  async deleteAtProvider(context, id) {
    await deleteSession(context, id);
  },
};
