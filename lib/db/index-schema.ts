/**
 * The conversation index: a copy of what every connection's provider holds, kept fresh by sync
 * (`lib/index`), from which the list, search and facets are served. The providers stay the source
 * of truth; rows here go with their connection (ON DELETE CASCADE).
 *
 * Search reads columns generated with `f_unaccent` (an IMMUTABLE wrapper around `unaccent`,
 * created by migration 0001 with the `pg_trgm` and `unaccent` extensions), so no query folds text
 * row by row: a `tsvector` for full-text search with the `simple` configuration (no stemming, so
 * every language is treated alike) and the folded text with a trigram index for CJK and partial
 * words.
 */
import { sql } from "drizzle-orm";
import {
  bigserial,
  customType,
  boolean,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from "drizzle-orm/pg-core";
import type { CostItem } from "@/lib/model/conversation";
import { connections } from "./connections-schema";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/** Where a conversation's transcript stands in the index. */
export const transcriptStates = ["pending", "indexed", "partial", "skipped", "failed"] as const;
export type TranscriptState = (typeof transcriptStates)[number];

export const indexedConversations = pgTable(
  "indexed_conversations",
  {
    connectionId: text("connection_id")
      .notNull()
      .references(() => connections.id, { onDelete: "cascade" }),
    /** The provider's id, as Parley addresses it. */
    id: text("id").notNull(),
    title: text("title"),
    preview: text("preview"),
    contactId: text("contact_id"),
    contactName: text("contact_name"),
    contactIdentifier: text("contact_identifier"),
    channelId: text("channel_id"),
    channelType: text("channel_type"),
    channelName: text("channel_name"),
    responderId: text("responder_id"),
    responderName: text("responder_name"),
    responderKind: text("responder_kind"),
    versionId: text("version_id"),
    versionNumber: integer("version_number"),
    status: text("status"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "string" }),
    lastActivityAt: timestamp("last_activity_at", { withTimezone: true, mode: "string" }),
    /** `last_activity_at ?? created_at ?? epoch`: the list's keyset order, never null. */
    sortAt: timestamp("sort_at", { withTimezone: true, mode: "string" }).notNull(),
    /** null currency means "unknown" (the provider has no costs), never 0. */
    costCurrency: text("cost_currency"),
    costAmount: doublePrecision("cost_amount"),
    costPromptTokens: integer("cost_prompt_tokens"),
    costCompletionTokens: integer("cost_completion_tokens"),
    /**
     * The cost's line items where the provider lists them (Cozmox `costs[]`), in the row's
     * currency: `[{type, label, usd, promptTokens, completionTokens}]`; null where it has none.
     */
    costItems: jsonb("cost_items").$type<CostItem[]>(),
    /** Flags the provider stores (null where it has no such flag). */
    nativeImportant: boolean("native_important"),
    nativeArchived: boolean("native_archived"),
    nativeRemoved: boolean("native_removed").notNull().default(false),
    messageCount: integer("message_count"),
    /** Titles, contact and responder in one text, for search. */
    searchText: text("search_text").notNull().default(""),
    /** `search_text` lower-cased without accents, for substring (trigram) search. */
    searchFolded: text("search_folded").generatedAlwaysAs(sql`f_unaccent(lower(search_text))`),
    /** `search_text`'s words for full-text search (`simple`: no stemming, every language alike). */
    searchVector: tsvector("search_vector").generatedAlwaysAs(
      sql`to_tsvector('simple'::regconfig, f_unaccent(search_text))`,
    ),
    /** When a provider answer last showed this conversation. */
    confirmedAt: timestamp("confirmed_at", { withTimezone: true, mode: "string" }).notNull(),
    transcriptState: text("transcript_state").$type<TranscriptState>().notNull().default("pending"),
    /** `sort_at` when the transcript was read: a later `sort_at` means it must be read again. */
    transcriptSortAt: timestamp("transcript_sort_at", { withTimezone: true, mode: "string" }),
  },
  (table) => [
    primaryKey({ columns: [table.connectionId, table.id] }),
    index("indexed_conversations_order_idx").on(table.sortAt.desc(), table.connectionId, table.id),
    index("indexed_conversations_connection_order_idx").on(table.connectionId, table.sortAt.desc()),
    index("indexed_conversations_transcripts_idx").on(table.connectionId, table.transcriptState),
    index("indexed_conversations_fts_idx").using("gin", table.searchVector),
    index("indexed_conversations_trgm_idx").using("gin", table.searchFolded.op("gin_trgm_ops")),
    /**
     * The filters that select a few rows out of many (responder, channel, a date range) without a
     * heap scan of the whole index: the Costs page's aggregates and the list's filtered pages.
     */
    index("indexed_conversations_responder_idx").on(table.responderId, table.lastActivityAt),
    index("indexed_conversations_channel_idx").on(table.channelId, table.lastActivityAt),
    index("indexed_conversations_activity_idx").on(table.lastActivityAt),
    // And `indexed_conversations_facts_idx` (migration 0011): (connection_id) INCLUDE the flags and
    // filter fields, for index-only counts; drizzle's builder cannot declare INCLUDE.
  ],
);

export const indexedMessages = pgTable(
  "indexed_messages",
  {
    connectionId: text("connection_id").notNull(),
    conversationId: text("conversation_id").notNull(),
    /** 0-based position in the thread. */
    position: integer("position").notNull(),
    messageId: text("message_id").notNull(),
    role: text("role").notNull(),
    /** The message's text with its tool calls flattened to text. */
    text: text("text").notNull(),
    /** `text` lower-cased without accents, for substring (trigram) search. */
    folded: text("folded").generatedAlwaysAs(sql`f_unaccent(lower(text))`),
    /** `text`'s words for full-text search. */
    vector: tsvector("vector").generatedAlwaysAs(sql`to_tsvector('simple'::regconfig, f_unaccent(text))`),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "string" }),
  },
  (table) => [
    primaryKey({ columns: [table.connectionId, table.conversationId, table.position] }),
    foreignKey({
      columns: [table.connectionId, table.conversationId],
      foreignColumns: [indexedConversations.connectionId, indexedConversations.id],
      name: "indexed_messages_conversation_fk",
    }).onDelete("cascade"),
    index("indexed_messages_fts_idx").using("gin", table.vector),
    index("indexed_messages_trgm_idx").using("gin", table.folded.op("gin_trgm_ops")),
  ],
);

export const syncStates = ["backfilling", "idle", "syncing", "failing"] as const;
export type SyncStateName = (typeof syncStates)[number];

/** One row per connection: how far its sync got. */
export const syncState = pgTable("sync_state", {
  connectionId: text("connection_id")
    .primaryKey()
    .references(() => connections.id, { onDelete: "cascade" }),
  state: text("state").$type<SyncStateName>().notNull().default("backfilling"),
  /** Where each phase stands (see `lib/index/bookmarks.ts`); opaque to everything else. */
  bookmarks: jsonb("bookmarks").notNull().default({}),
  lastSuccessAt: timestamp("last_success_at", { withTimezone: true, mode: "string" }),
  lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true, mode: "string" }),
  lastError: text("last_error"),
  conversationsIndexed: integer("conversations_indexed").notNull().default(0),
  /** The provider's own count when it gives one, else what a complete listing found. */
  conversationsKnown: integer("conversations_known"),
  transcriptsIndexed: integer("transcripts_indexed").notNull().default(0),
  transcriptsKnown: integer("transcripts_known").notNull().default(0),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
});

/**
 * Provider calls started per budget key (Chatling: one key's 300 a minute), shared by every
 * instance on the database. Rows older than the window are deleted as calls are taken.
 */
export const requestBudgetCalls = pgTable(
  "request_budget_calls",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    budgetKey: text("budget_key").notNull(),
    priority: text("priority").notNull(),
    takenAt: timestamp("taken_at", { withTimezone: true })
      .notNull()
      .default(sql`clock_timestamp()`),
  },
  (table) => [index("request_budget_calls_key_idx").on(table.budgetKey, table.takenAt)],
);

export type IndexedConversationRow = typeof indexedConversations.$inferSelect;
export type IndexedConversationInsert = typeof indexedConversations.$inferInsert;
export type IndexedMessageInsert = typeof indexedMessages.$inferInsert;
export type SyncStateRow = typeof syncState.$inferSelect;
