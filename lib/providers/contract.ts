/**
 * The provider contract: the only thing the rest of Parley knows about a provider.
 *
 * Each provider lives in `lib/providers/<provider>/` with the same file roles:
 * `client.ts` (HTTP calls with the provider's auth and paths), `wire-schemas.ts` (zod schemas of
 * the provider's JSON), `map-<provider>-*.ts` (pure mapping into Parley's model), `adapter.ts`
 * (implements `ProviderAdapter`), and tests beside them with fixtures from the seed documents.
 *
 * Quirks stop here: nothing above an adapter knows that SigmaMind pages start at 0 or that
 * Chatling says `archive` in requests and `archived` in responses.
 */
import type {
  Channel,
  Cost,
  CostItem,
  DetailSection,
  FilterKey,
  Message,
  Owner,
  ProviderId,
  Responder,
  Version,
} from "@/lib/model/conversation";
import type { HttpClient } from "@/lib/http/client";

/** How a provider's list API applies one of Parley's filters. */
export type FilterSupport = "native" | "scan" | "unsupported";

/**
 * What the provider's list offers to sync (`lib/index`): the order of its newest-first list, and
 * whether it can be bounded by a last-activity range. Declared, never sniffed.
 */
export interface SyncCapabilities {
  /**
   * `lastActivity`: the newest-first list is ordered by last activity, so an incremental sync
   * pages until it meets rows it already has. `created`: ordered by creation, so new
   * conversations are found the same way, but activity on older ones only by reconciliation.
   */
  listOrder: "lastActivity" | "created";
  /** Whether `filters.from`/`to` bound the list by last activity at the provider. */
  activityRange: boolean;
}

/** What an adapter declares it can do. The UI and the service are driven by this, never by sniffing. */
export interface Capabilities {
  /**
   * How each filter is applied for this provider: `native` (sent to the provider's API), `scan`
   * (the service checks the mapped rows of a bounded number of pages), or `unsupported` (the
   * provider has no such data, so the connection is left out of a result that uses the filter).
   */
  /** Labels, assignee and review state are Parley's own data, not the provider's: no provider declares them. */
  filters: Readonly<Record<Exclude<FilterKey, "label" | "assignee" | "reviewState">, FilterSupport>>;
  /** Whether the list can be asked oldest first (newest first is always supported). */
  sortOldest: boolean;
  /** Moderation the provider stores itself; everything else lives in Parley's overlay. */
  moderation: Readonly<{
    important: boolean;
    archived: boolean;
    title: boolean;
    /** `hard`: gone for good; `soft`: the provider marks it removed. null: no delete. */
    deleteAtProvider: "hard" | "soft" | null;
  }>;
  /** Whether conversations carry costs. Without them Parley shows "unknown", never $0. */
  costs: boolean;
  /** The largest page the list endpoint returns. */
  maxPageSize: number;
  /** Set when the provider fixes the page size itself (the adapter ignores `pageSize`). */
  fixedPageSize: number | null;
  /** Whether the list must be fanned out over scopes (Chatling: one list per chatbot). */
  scoped: boolean;
  /** The provider's documented request budget per key (Chatling: 300 a minute), or null. */
  requestsPerMinute: number | null;
  sync: SyncCapabilities;
  /**
   * Whether the list's answers already hold each conversation's whole thread (SigmaMind's chats
   * carry `messages[]`; Cozmox's chats their input, context and output): asked with
   * `ListRequest.transcripts`, such an adapter puts it on each row as `transcript`, and sync stores
   * it with the row instead of reading the thread again. Declared, never sniffed.
   */
  listCarriesTranscripts: boolean;
}

/**
 * A small store that lives as long as the connection's runtime (a new key or base URL starts it
 * empty): for things that change rarely and cost provider calls, such as chatbot lists and
 * assistant names. Adapters keep nothing at module level; they keep it here.
 */
export interface ConnectionMemo {
  /**
   * The value kept under `key`, or what `load` gives, kept `ttlMs`. Concurrent callers share one
   * load in flight; a load that fails is not kept.
   */
  get<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T>;
  set<T>(key: string, value: T, ttlMs: number): void;
  /** Drops one key, or every key. */
  forget(key?: string): void;
}

/** Everything an adapter needs to talk to one connection, built by the connection's runtime. */
export interface ProviderContext {
  connectionId: string;
  /** The provider's root, such as `https://api.chatling.ai`; adapters add the paths. */
  baseUrl: string;
  /** Already authenticated for this connection; adapters only name paths and queries. */
  http: HttpClient;
  memo: ConnectionMemo;
}

/** Filters in Parley's words, as adapters receive them (only those they declared `native`). */
export interface NativeFilters {
  channelIds?: readonly string[];
  channelTypes?: readonly string[];
  responderIds?: readonly string[];
  versionIds?: readonly string[];
  statuses?: readonly string[];
  ownerIds?: readonly string[];
  /** Inclusive ISO bounds on last activity. */
  from?: string;
  to?: string;
  search?: string;
}

export type SortOrder = "recent" | "oldest";

export interface ListRequest {
  /** One of the values `listScopes` returned; null for unscoped providers. */
  scope: string | null;
  filters: NativeFilters;
  sort: SortOrder;
  /** Opaque token from a previous `ListResult.nextPageToken`; null for the first page. */
  pageToken: string | null;
  pageSize: number;
  /**
   * Asks an adapter that declares `listCarriesTranscripts` to put each row's `transcript` on it
   * (sync, for a connection that indexes transcripts). Others ignore it.
   */
  transcripts?: boolean;
}

/** A conversation as the provider knows it: no overlay, no connection names. */
export interface ProviderConversation {
  id: string;
  title: string | null;
  preview: string | null;
  channel: Channel | null;
  responder: Responder | null;
  version: Version | null;
  owner: Owner | null;
  status: string | null;
  createdAt: string | null;
  lastActivityAt: string | null;
  messageCount: number | null;
  cost: Cost | null;
  /**
   * The cost's line items where the provider lists them with the conversation (Cozmox `costs[]`:
   * model, transport, …, with tokens), for the index's token totals by model. Absent otherwise.
   */
  costItems?: CostItem[];
  /** Flags the provider stores. null where the provider has no such flag. */
  native: { important: boolean | null; archived: boolean | null; removed: boolean };
  /**
   * The whole thread, oldest first, exactly as `listMessages` would give it (the same mappers,
   * ids and order), when the list was asked for transcripts (`ListRequest.transcripts`) and its
   * answer held the complete thread. Absent otherwise: then sync reads it with `listMessages`.
   */
  transcript?: Message[];
}

export interface ProviderConversationDetail extends ProviderConversation {
  costBreakdown: CostItem[];
  extras: DetailSection[];
}

export interface ListResult {
  items: ProviderConversation[];
  /** Token for the next page, or null at the end. */
  nextPageToken: string | null;
  /** The provider's total for this query, or null when it gives none (Zaia). */
  total: number | null;
}

export interface ProviderMessagePage {
  messages: Message[];
  /** Whole-thread message count when known. */
  total: number | null;
  hasMore: boolean;
}

export interface FacetValue {
  value: string;
  label: string;
}

export interface ProviderFacets {
  channels: FacetValue[];
  channelTypes: FacetValue[];
  responders: FacetValue[];
  versions: FacetValue[];
  statuses: FacetValue[];
}

export interface ProviderAdapter {
  readonly provider: ProviderId;
  readonly capabilities: Capabilities;
  /** Default base URL of the real provider, shown when an admin adds a connection. */
  readonly defaultBaseUrl: string;
  /** Builds the auth header for a key (SigmaMind `X-API-Key`, Zaia raw `Authorization`, …). */
  authHeaders(apiKey: string): Record<string, string>;
  /** A cheap authenticated call that proves the key works; throws ProviderError otherwise. */
  verify(context: ProviderContext): Promise<void>;
  /** The scopes a list is fanned out over; `[null]` for unscoped providers. */
  listScopes(context: ProviderContext, filters: NativeFilters): Promise<(string | null)[]>;
  listConversations(context: ProviderContext, request: ListRequest): Promise<ListResult>;
  getConversation(context: ProviderContext, id: string): Promise<ProviderConversationDetail>;
  /** Messages oldest first, `offset` counted from the first message of the thread. */
  listMessages(
    context: ProviderContext,
    id: string,
    page: { offset: number; limit: number },
  ): Promise<ProviderMessagePage>;
  listFacets(context: ProviderContext): Promise<ProviderFacets>;
  /** Present exactly when `capabilities.moderation.important` is true. */
  setImportant?(context: ProviderContext, id: string, important: boolean): Promise<void>;
  /** Present exactly when `capabilities.moderation.archived` is true. */
  setArchived?(context: ProviderContext, id: string, archived: boolean): Promise<void>;
  /** Present exactly when `capabilities.moderation.title` is true. null clears the title. */
  setTitle?(context: ProviderContext, id: string, title: string | null): Promise<void>;
  /** Present exactly when `capabilities.moderation.deleteAtProvider` is not null. */
  deleteAtProvider?(context: ProviderContext, id: string): Promise<void>;
}
