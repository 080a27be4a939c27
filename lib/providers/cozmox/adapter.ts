/**
 * The Cozmox adapter (seed 002: a white-label Vapi API). Seed 002 documents the chat: Parley's
 * conversation is a group of chats (a session's, a `previousChatId` chain, or one chat alone; see
 * `group-cozmox-chats.ts`), listed from the connection's chat index (`cozmox-chat-index.ts`). The
 * sessions API decorates session conversations with a name, status and customer where Cozmox
 * offers it; where it answers 404 or nothing, conversations are built from chats alone.
 *
 * Native (applied by this adapter over every conversation): responder (`assistantId`), date range
 * (last activity), sort order, hard delete (`DELETE /chat/{id}` for each chat). Status (the
 * session's), owner (its customer) and search are on every row, so Parley's service scans for
 * them. Cozmox has no channels, versions, or flags Parley can set.
 *
 * @see https://docs.cozmox.cloud/api-reference/chats/list-chats
 * @see https://docs.cozmox.cloud/api-reference/chats/delete-chat
 */
import type { Message } from "@/lib/model/conversation";
import type { Capabilities, ProviderAdapter, ProviderContext } from "@/lib/providers/contract";
import { isProviderError, ProviderError } from "@/lib/providers/errors";
import { assembleCozmoxChain } from "./assemble-cozmox-chain";
import { linkToolResults, mapCozmoxChatTurn } from "./assemble-cozmox-thread";
import { getAssistant, getChat, listAssistants, listChats } from "./client";
import { cozmoxChatIndex, findCozmoxConversation, keepCozmoxThreads } from "./cozmox-chat-index";
import { cozmoxListTranscript } from "./cozmox-list-transcript";
import { deleteCozmoxConversation } from "./delete-cozmox-conversation";
import { parseCozmoxConversationId } from "./group-cozmox-chats";
import { listCozmoxConversations } from "./list-cozmox-conversations";
import {
  cozmoxStatuses,
  mapCozmoxConversation,
  mapCozmoxConversationDetail,
} from "./map-cozmox-conversation";

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
  listCarriesTranscripts: true,
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
    // Chats are what seed 002 documents; `/session` may be absent on a working account.
    await listChats(context, { limit: 1 });
  },

  async listScopes() {
    return [null];
  },

  async listConversations(context, request) {
    if (request.transcripts) keepCozmoxThreads(context);
    const [page, names] = await Promise.all([
      listCozmoxConversations(context, request),
      assistantNames(context),
    ]);
    return {
      items: page.entries.map((entry) => {
        const row = mapCozmoxConversation(entry, names);
        const transcript = request.transcripts ? cozmoxListTranscript(entry, page.chatsComplete) : null;
        return transcript ? { ...row, transcript } : row;
      }),
      nextPageToken: page.nextPageToken,
      total: page.total,
    };
  },

  async getConversation(context, id) {
    const entry = await findCozmoxConversation(context, id);
    const name = entry.assistantId ? await assistantName(context, entry.assistantId) : null;
    return mapCozmoxConversationDetail(entry, name);
  },

  async listMessages(context, id, page) {
    const offset = Math.max(0, Math.floor(page.offset));
    const end = offset + Math.max(0, Math.floor(page.limit));
    const ref = parseCozmoxConversationId(id);
    if (ref.kind === "chain") {
      const thread = await chainThread(context, id);
      return { messages: thread.slice(offset, end), total: thread.length, hasMore: end < thread.length };
    }
    const messages: Message[] = [];
    let complete = false;
    for (let chatPage = 1; chatPage <= MAX_THREAD_PAGES; chatPage++) {
      const { results, metadata } = await listChats(context, {
        sessionId: ref.sessionId,
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
    // A conversation is its chats: a session without any is not one Parley can show.
    if (complete && messages.length === 0)
      throw new ProviderError("not_found", "cozmox", "Cozmox has no chats for this conversation");
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
    await deleteCozmoxConversation(context, id);
  },
};

/**
 * A chain's thread from its latest chat, which holds the whole history. If that chat was deleted
 * since the index was read, the index is read again once.
 */
async function chainThread(context: ProviderContext, id: string): Promise<Message[]> {
  for (let attempt = 0; ; attempt++) {
    const entry =
      attempt === 0
        ? await findCozmoxConversation(context, id)
        : (await cozmoxChatIndex(context)).byId.get(id);
    const latest = entry?.chats.at(-1);
    if (!entry || !latest)
      throw new ProviderError("not_found", "cozmox", "Cozmox has no chats for this conversation");
    try {
      return assembleCozmoxChain(id, await getChat(context, latest.id), entry.chats);
    } catch (error) {
      if (attempt > 0 || !isProviderError(error) || error.code !== "not_found") throw error;
    }
  }
}
