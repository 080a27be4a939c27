/**
 * A provider in memory for sync tests: the declared capabilities of a real adapter, pages of a
 * fixed size ordered as the real provider orders them (carrying each thread when it declares
 * `listCarriesTranscripts` and is asked), counted calls, and switches for a page that fails and
 * for deletes and edits made "at the provider".
 */
import type { ConnectionHandle } from "@/lib/connections/connection-handle";
import type { Message } from "@/lib/model/conversation";
import { ProviderError } from "@/lib/model/errors";
import type { ProviderId } from "@/lib/model/constants";
import type {
  Capabilities,
  ListRequest,
  ProviderAdapter,
  ProviderContext,
  ProviderConversationDetail,
} from "@/lib/providers/contract";

export interface FakeConversation {
  id: string;
  title: string;
  createdAt: string;
  lastActivityAt: string;
  messages: string[];
  removed?: boolean;
  scope?: string;
}

export interface FakeProvider {
  handle: ConnectionHandle;
  conversations: Map<string, FakeConversation>;
  calls: { list: string[]; messages: string[]; get: string[] };
  /** The next list call with this page token (scope|token) fails once. */
  failOnce: Set<string>;
  /** Every call fails with this error until cleared. */
  down: ProviderError | null;
}

const minute = 60_000;
export const fakeNow = Date.parse("2026-11-30T12:00:00.000Z");

export function fakeConversations(count: number, scopes: readonly string[] = [""]): FakeConversation[] {
  return Array.from({ length: count }, (_, index) => {
    const created = new Date(fakeNow - (index + 10) * 10 * minute).toISOString();
    return {
      id: `c${String(index).padStart(4, "0")}`,
      title: `Conversation ${index}`,
      createdAt: created,
      lastActivityAt: new Date(Date.parse(created) + 5 * minute).toISOString(),
      messages: [`hello ${index}`, `answer ${index}`],
      scope: scopes[index % scopes.length],
    };
  });
}

export function createFakeProvider(
  provider: ProviderId,
  capabilities: Capabilities,
  rows: readonly FakeConversation[],
  connectionId = `fake-${provider}`,
): FakeProvider {
  const state: FakeProvider = {
    handle: undefined as unknown as ConnectionHandle,
    conversations: new Map(rows.map((row) => [row.id, { ...row }])),
    calls: { list: [], messages: [], get: [] },
    failOnce: new Set(),
    down: null,
  };
  const scoped = capabilities.scoped;
  const pageSize = capabilities.fixedPageSize ?? 10;
  const orderKey = (row: FakeConversation) =>
    capabilities.sync.listOrder === "lastActivity" ? row.lastActivityAt : row.createdAt;
  const check = () => {
    if (state.down) throw state.down;
  };
  const threadOf = (row: FakeConversation): Message[] =>
    row.messages.map((text, position) => ({
      id: `${row.id}:${position}`,
      role: position % 2 === 0 ? "user" : "assistant",
      providerRole: null,
      text,
      createdAt: row.createdAt,
      toolCalls: [],
      toolCallId: null,
      sources: [],
      rating: null,
      cost: null,
    }));
  const toProvider = (row: FakeConversation): ProviderConversationDetail => ({
    id: row.id,
    title: row.title,
    preview: row.messages.at(-1) ?? null,
    channel: null,
    responder: scoped ? { id: row.scope ?? null, name: `Bot ${row.scope}`, kind: "chatbot" } : null,
    version: null,
    owner: null,
    status: null,
    createdAt: row.createdAt,
    lastActivityAt: row.lastActivityAt,
    messageCount: row.messages.length,
    cost: null,
    native: {
      important: capabilities.moderation.important ? false : null,
      archived: capabilities.moderation.archived ? false : null,
      removed: row.removed ?? false,
    },
    costBreakdown: [],
    extras: [],
  });
  const adapter: ProviderAdapter = {
    provider,
    capabilities: { ...capabilities, maxPageSize: pageSize, fixedPageSize: pageSize },
    defaultBaseUrl: "http://fake",
    authHeaders: () => ({}),
    verify: async () => undefined,
    listScopes: async () => {
      check();
      return scoped ? [...new Set(rows.map((row) => row.scope ?? ""))] : [null];
    },
    async listConversations(_context: ProviderContext, request: ListRequest) {
      check();
      const key = `${request.scope ?? ""}|${request.pageToken ?? ""}`;
      state.calls.list.push(key);
      if (state.failOnce.delete(key)) throw new ProviderError("unavailable", provider, "page failed");
      const from = request.filters.from ? Date.parse(request.filters.from) : null;
      const matching = [...state.conversations.values()]
        .filter((row) => !scoped || row.scope === request.scope)
        .filter((row) => from === null || Date.parse(row.lastActivityAt) >= from)
        .sort(
          (left, right) => orderKey(right).localeCompare(orderKey(left)) || left.id.localeCompare(right.id),
        );
      const page = Number(request.pageToken ?? "0");
      const carry = request.transcripts === true && capabilities.listCarriesTranscripts;
      const items = matching
        .slice(page * pageSize, (page + 1) * pageSize)
        .map((row) => (carry ? { ...toProvider(row), transcript: threadOf(row) } : toProvider(row)));
      const more = (page + 1) * pageSize < matching.length;
      return { items, nextPageToken: more ? String(page + 1) : null, total: matching.length };
    },
    async getConversation(_context, id) {
      check();
      state.calls.get.push(id);
      const row = state.conversations.get(id);
      if (!row) throw new ProviderError("not_found", provider, "no such conversation");
      return toProvider(row);
    },
    async listMessages(_context, id, page) {
      check();
      state.calls.messages.push(id);
      const row = state.conversations.get(id);
      if (!row) throw new ProviderError("not_found", provider, "no such conversation");
      const messages = threadOf(row);
      const slice = messages.slice(page.offset, page.offset + page.limit);
      return {
        messages: slice,
        total: messages.length,
        hasMore: page.offset + slice.length < messages.length,
      };
    },
    listFacets: async () => ({ channels: [], channelTypes: [], responders: [], versions: [], statuses: [] }),
  };
  const context = { connectionId, baseUrl: "http://fake" } as ProviderContext;
  state.handle = {
    id: connectionId,
    name: `Fake ${provider}`,
    provider,
    adapter,
    context,
    background: context,
  };
  return state;
}
