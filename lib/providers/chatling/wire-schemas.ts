/**
 * Zod schemas of Chatling's v2 JSON (seed 004; providers.md §5, §11). Tolerant where the documents
 * allow absence or null and extra fields pass through; strict where Parley relies on a field
 * (ids, the 0|1 flags, the conversation's `created_at`, page numbers).
 *
 * @see https://docs.chatling.ai/api-reference/v2/conversations/update-conversation
 * @see https://docs.chatling.ai/api-reference/v2/conversations/list-conversations
 */
import { z } from "zod";

/** Ids are strings on the wire; a number is accepted and turned into its decimal string. */
const wireId = z.union([z.string().min(1), z.number().int().transform(String)]);

/** A date-time any ISO parser reads (`2024-06-14T15:45:34+00:00` in every example). */
const wireTimestamp = z.string().refine((value) => !Number.isNaN(Date.parse(value)), "not a date-time");

/** `archived`/`important` are 0|1 in answers; booleans are accepted should Chatling switch. */
const wireFlag = z
  .union([z.literal(0), z.literal(1), z.boolean()])
  .transform((value) => value === 1 || value === true);

export const chatlingPagesSchema = z.looseObject({
  current_page: z.number().int().min(0),
  last_page: z.number().int().min(0),
  per_page: z.number().int().min(1),
});
export type ChatlingPages = z.infer<typeof chatlingPagesSchema>;

export const chatlingSourceSchema = z.looseObject({
  type: z.string().nullish(),
  title: z.string().nullish(),
  url: z.string().nullish(),
});

/** "Varies depending on the message type": only knowledge-base answers are known to carry it. */
export const chatlingMessageDataSchema = z.looseObject({
  helpful_value: z.number().nullish(),
  sources: z.array(chatlingSourceSchema).nullish(),
});

/** Seed 004's example messages have no `id` although the field is documented; user messages have no `data`. */
export const chatlingMessageSchema = z.looseObject({
  id: wireId.nullish(),
  text: z.string().nullish(),
  role: z.string(),
  is_ai_kb_response: z.boolean().nullish(),
  data: chatlingMessageDataSchema.nullish(),
  /** Unreadable times become null in the mapping rather than failing the whole thread. */
  created_at: z.string().nullish(),
});
export type ChatlingMessage = z.infer<typeof chatlingMessageSchema>;

export const chatlingConversationSchema = z.looseObject({
  id: wireId,
  contact_id: z.string().nullish(),
  archived: wireFlag,
  important: wireFlag,
  created_at: wireTimestamp,
  messages: z.array(chatlingMessageSchema).nullish(),
});
export type ChatlingConversation = z.infer<typeof chatlingConversationSchema>;

/** §11 (GUESS): `{id, name, version, visibility, created_at}`. */
export const chatlingChatbotSchema = z.looseObject({
  id: wireId,
  name: z.string().nullish(),
  version: z.string().nullish(),
  visibility: z.string().nullish(),
  created_at: z.string().nullish(),
});
export type ChatlingChatbot = z.infer<typeof chatlingChatbotSchema>;

/** Contact fields are a GUESS (snake_case of MindCloud's normalized names); all but `id` may be absent. */
export const chatlingContactSchema = z.looseObject({
  id: wireId,
  name: z.string().nullish(),
  email: z.string().nullish(),
  phone: z.string().nullish(),
  company: z.string().nullish(),
  created_at: z.string().nullish(),
});
export type ChatlingContact = z.infer<typeof chatlingContactSchema>;

/** `{"status":"success","data": …}`: every successful answer. */
function success<T extends z.ZodType>(data: T) {
  return z.looseObject({ status: z.literal("success"), data });
}

export const chatbotListResponseSchema = success(
  z.looseObject({ pages: chatlingPagesSchema, chatbots: z.array(chatlingChatbotSchema) }),
);
export const chatbotResponseSchema = success(chatlingChatbotSchema);
export const conversationListResponseSchema = success(
  z.looseObject({ pages: chatlingPagesSchema, conversations: z.array(chatlingConversationSchema) }),
);
export const conversationResponseSchema = success(chatlingConversationSchema);
export const messageListResponseSchema = success(
  z.looseObject({ pages: chatlingPagesSchema, messages: z.array(chatlingMessageSchema) }),
);
export const contactResponseSchema = success(chatlingContactSchema);
export const contactListResponseSchema = success(
  z.looseObject({ pages: chatlingPagesSchema, contacts: z.array(chatlingContactSchema) }),
);
