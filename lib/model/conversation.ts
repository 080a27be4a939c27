/**
 * Parley's one model of a conversation, shared by every provider adapter, the conversations
 * service, the HTTP API and the browser. Provider shapes never pass this line: adapters map into
 * these types, and everything above them trusts them.
 *
 * This file is imported by client components too, so it holds only zod schemas and types.
 */
import { z } from "zod";

import { providerIds, type ProviderId } from "./constants";
import { facetKeys, filterKeySchema, type FacetKey } from "./filters";

export { providerIds, providerLabels, type ProviderId } from "./constants";
export { facetKeys, filterKeys, filterKeySchema, type FacetKey, type FilterKey } from "./filters";
export const providerIdSchema = z.enum(providerIds) satisfies z.ZodType<ProviderId>;

/** Where a moderation flag is stored: at the provider (native) or in Parley's overlay. */
export const flagHomeSchema = z.enum(["provider", "parley"]);
export type FlagHome = z.infer<typeof flagHomeSchema>;

export const messageRoles = [
  "user",
  "assistant",
  "system",
  "tool",
  "developer",
  "human_agent",
  "unknown",
] as const;
export const messageRoleSchema = z.enum(messageRoles);
export type MessageRole = z.infer<typeof messageRoleSchema>;

export const channelSchema = z.object({
  id: z.string().nullable(),
  /** Provider channel kind such as widget, whatsapp, instagram, api, web, voice. */
  type: z.string().nullable(),
  name: z.string().nullable(),
});
export type Channel = z.infer<typeof channelSchema>;

export const responderSchema = z.object({
  id: z.string().nullable(),
  name: z.string().nullable(),
  /** agent, squad, assistant, chatbot: what the provider calls the thing that answers. */
  kind: z.string().nullable(),
});
export type Responder = z.infer<typeof responderSchema>;

export const versionSchema = z.object({ id: z.string().nullable(), number: z.number().nullable() });
export type Version = z.infer<typeof versionSchema>;

export const ownerSchema = z.object({
  id: z.string().nullable(),
  name: z.string().nullable(),
  /** Email, phone number or any other handle the provider gives for the person. */
  identifier: z.string().nullable(),
});
export type Owner = z.infer<typeof ownerSchema>;

export const costSchema = z.object({
  /** Total in US dollars. A conversation whose provider has no costs has `cost: null`, never 0. */
  usd: z.number().nullable(),
  promptTokens: z.number().nullable(),
  completionTokens: z.number().nullable(),
});
export type Cost = z.infer<typeof costSchema>;

export const costItemSchema = z.object({
  type: z.string(),
  label: z.string(),
  usd: z.number().nullable(),
  promptTokens: z.number().nullable(),
  completionTokens: z.number().nullable(),
});
export type CostItem = z.infer<typeof costItemSchema>;

export const flagsSchema = z.object({
  important: z.boolean(),
  archived: z.boolean(),
  trashed: z.boolean(),
  removedAtProvider: z.boolean(),
});
export type Flags = z.infer<typeof flagsSchema>;

export const flagHomesSchema = z.object({
  important: flagHomeSchema,
  archived: flagHomeSchema,
  title: flagHomeSchema,
  trashed: z.literal("parley"),
});
export type FlagHomes = z.infer<typeof flagHomesSchema>;

/** A highlighted stretch of a snippet: UTF-16 offsets into `snippet`, end exclusive. */
export const highlightSchema = z.object({ start: z.number().int(), end: z.number().int() });
export type Highlight = z.infer<typeof highlightSchema>;

/**
 * Where a search matched: the field, a short snippet of its text with the matched words as
 * ranges (never HTML), and for a message its id and position in the thread. A `note` match is
 * one of Parley's internal notes (its message id when the note is about a message).
 */
export const matchSchema = z.object({
  field: z.enum(["title", "contact", "responder", "message", "note"]),
  snippet: z.string(),
  highlights: z.array(highlightSchema),
  messageId: z.string().nullable(),
  position: z.number().int().nullable(),
});
export type Match = z.infer<typeof matchSchema>;

/** A row of the conversation list. */
export const conversationSchema = z.object({
  connectionId: z.string(),
  connectionName: z.string(),
  provider: providerIdSchema,
  /** The provider's id, as Parley addresses it (opaque; may encode a scope such as a chatbot). */
  id: z.string(),
  title: z.string().nullable(),
  /** The provider's own title, before any rename kept in Parley's overlay. */
  providerTitle: z.string().nullable(),
  preview: z.string().nullable(),
  channel: channelSchema.nullable(),
  responder: responderSchema.nullable(),
  version: versionSchema.nullable(),
  owner: ownerSchema.nullable(),
  status: z.string().nullable(),
  createdAt: z.string().nullable(),
  lastActivityAt: z.string().nullable(),
  messageCount: z.number().nullable(),
  cost: costSchema.nullable(),
  flags: flagsSchema,
  flagHomes: flagHomesSchema,
  /** When the provider last confirmed this row (index rows); absent on live reads. */
  confirmedAt: z.string().nullable().optional(),
  /** Where a search (`q`) matched this conversation; absent without `q`. */
  matches: z.array(matchSchema).optional(),
  /** Parley's labels on it (ids; `/api/labels` names them); list rows from the index. */
  labelIds: z.array(z.string()).optional(),
});
export type Conversation = z.infer<typeof conversationSchema>;

export const toolCallSchema = z.object({
  id: z.string().nullable(),
  name: z.string(),
  /** Arguments as the provider sent them (usually a JSON string). */
  arguments: z.string(),
  /** The tool's answer, when the provider links it to the call. */
  result: z.string().nullable(),
});
export type ToolCall = z.infer<typeof toolCallSchema>;

export const sourceSchema = z.object({
  type: z.string().nullable(),
  title: z.string().nullable(),
  url: z.string().nullable(),
});
export type Source = z.infer<typeof sourceSchema>;

export const messageSchema = z.object({
  id: z.string(),
  role: messageRoleSchema,
  /** The provider's own role word, kept for display when `role` is `unknown`. */
  providerRole: z.string().nullable(),
  text: z.string(),
  /** ISO time, or null when the provider gives none (the UI then shows the position). */
  createdAt: z.string().nullable(),
  toolCalls: z.array(toolCallSchema),
  /** For `tool` messages: the id of the call they answer. */
  toolCallId: z.string().nullable(),
  sources: z.array(sourceSchema),
  /** Answer rating: 1 helpful, -1 not helpful, null none. */
  rating: z.number().nullable(),
  cost: costSchema.nullable(),
});
export type Message = z.infer<typeof messageSchema>;

/** A labelled value the thread's side panel shows (SigmaMind dynamic variables, Zaia ticket, …). */
export const detailFieldSchema = z.object({ label: z.string(), value: z.string() });
export type DetailField = z.infer<typeof detailFieldSchema>;

export const detailSectionSchema = z.object({ title: z.string(), fields: z.array(detailFieldSchema) });
export type DetailSection = z.infer<typeof detailSectionSchema>;

export const conversationDetailSchema = conversationSchema.extend({
  /**
   * How this conversation can be deleted at its provider: `hard` (gone for good), `soft` (the
   * provider marks it removed) or null (no delete; trash is Parley's). Says it once here, like
   * `flagHomes`, so the thread needs no other request to offer the action.
   */
  deleteAtProvider: z.enum(["hard", "soft"]).nullable(),
  costBreakdown: z.array(costItemSchema),
  /** Provider-specific extras worth showing, already labelled. Never keys or assistant configs. */
  extras: z.array(detailSectionSchema),
});
export type ConversationDetail = z.infer<typeof conversationDetailSchema>;

/**
 * What a list or facets answer says about a connection. `backfilling`: its first sync is still
 * running, so its rows may be incomplete. `failing`: its last sync failed; its rows are those of
 * `syncedAt`. `metadata_only`: a search did not cover its transcripts (the connection keeps
 * metadata only). `failed`: a live read of the provider failed.
 */
export const noticeKinds = ["backfilling", "failing", "metadata_only", "failed"] as const;
export const noticeSchema = z.object({
  kind: z.enum(noticeKinds),
  connectionId: z.string(),
  connectionName: z.string(),
  provider: providerIdSchema,
  message: z.string(),
  /** The provider error code for `failed` and `failing` notices. */
  code: z.string().nullable(),
  /** When the connection's rows were last brought up to date (its last successful sync). */
  syncedAt: z.string().nullable(),
});
export type Notice = z.infer<typeof noticeSchema>;

export const conversationPageSchema = z.object({
  items: z.array(conversationSchema),
  nextCursor: z.string().nullable(),
  /** The number of conversations matching, across every page. */
  total: z.number().nullable(),
  /** True when `total` is an estimate (a search, or connections still backfilling). */
  totalIsEstimate: z.boolean(),
  notices: z.array(noticeSchema),
});
export type ConversationPage = z.infer<typeof conversationPageSchema>;

export const messagePageSchema = z.object({
  messages: z.array(messageSchema),
  /** Position of the first message of this page within the whole thread (0-based). */
  offset: z.number(),
  nextCursor: z.string().nullable(),
  /** Whole-thread message count when the provider tells it. */
  totalMessages: z.number().nullable(),
});
export type MessagePage = z.infer<typeof messagePageSchema>;

/** A conversation with the first page of its thread. Later pages come from the messages route. */
export const threadPageSchema = messagePageSchema.extend({ conversation: conversationDetailSchema });
export type ThreadPage = z.infer<typeof threadPageSchema>;

export const facetOptionSchema = z.object({
  value: z.string(),
  label: z.string(),
  connectionId: z.string(),
  connectionName: z.string(),
  /** Conversations of this connection with this value (every view but trash). */
  count: z.number(),
});
export type FacetOption = z.infer<typeof facetOptionSchema>;

/** Whether a connection's indexed conversations carry a field at all (SigmaMind has no channels). */
export const fieldPresenceSchema = z.enum(["present", "absent"]);
export type FieldPresence = z.infer<typeof fieldPresenceSchema>;

export const connectionFacetsSchema = z.object({
  connectionId: z.string(),
  connectionName: z.string(),
  provider: providerIdSchema,
  /** Per filter: whether this connection's rows have the field; rows without it never match. */
  filters: z.record(filterKeySchema, fieldPresenceSchema),
  /** The index sorts every connection both ways. */
  sortOldest: z.boolean(),
  moderation: z.object({
    important: flagHomeSchema,
    archived: flagHomeSchema,
    title: flagHomeSchema,
    deleteAtProvider: z.enum(["hard", "soft"]).nullable(),
  }),
  hasCosts: z.boolean(),
  /** Whether sync keeps this connection's transcripts (searchable message text). */
  indexTranscripts: z.boolean(),
  error: z.string().nullable(),
});
export type ConnectionFacets = z.infer<typeof connectionFacetsSchema>;

export const facetsSchema = z.object({
  /** Options per facet filter, keyed by the filter's key (`channel`, `channelType`, …). */
  options: z.object(
    Object.fromEntries(facetKeys.map((key) => [key, z.array(facetOptionSchema)])) as Record<
      FacetKey,
      z.ZodArray<typeof facetOptionSchema>
    >,
  ),
  connections: z.array(connectionFacetsSchema),
  notices: z.array(noticeSchema),
});
export type Facets = z.infer<typeof facetsSchema>;
