/**
 * Zod schemas of Cozmox's JSON (a white-label Vapi API, seed 002; providers.md §3).
 *
 * Tolerance: everything the documents mark optional is `.nullish()` (Vapi omits absent fields;
 * null is accepted too). Strict only where Parley relies on a field: ids, `createdAt`,
 * `updatedAt`, and the pagination metadata.
 *
 * `Chat`, `Session` and `Assistant` use `z.object`, not `z.looseObject`, on purpose: unknown keys
 * are dropped at the boundary, so the transient `assistant` config (thousands of lines, with
 * credentials), `assistantOverrides` and `squad` never travel past this file.
 *
 * @see https://docs.cozmox.cloud/api-reference/chats/delete-chat (seed 002)
 * @see https://docs.cozmox.cloud/api-reference/chats/list-chats
 */
import { z } from "zod";

const dateTime = z
  .string()
  .refine((value) => !Number.isNaN(Date.parse(value)), "must be an ISO 8601 date-time");

export const cozmoxToolCallSchema = z.looseObject({
  id: z.string().nullish(),
  type: z.string().nullish(),
  function: z.looseObject({
    name: z.string(),
    /** A JSON string per OpenAI; an object is tolerated. */
    arguments: z.union([z.string(), z.record(z.string(), z.unknown())]).nullish(),
  }),
});
export type CozmoxToolCall = z.infer<typeof cozmoxToolCallSchema>;

/**
 * One message in either shape the API uses: OpenAI-style `{role, content, tool_calls?,
 * tool_call_id?}` or call-transcript style `{role, message, time, secondsFromStart}` (seed 002's
 * example). `role` is a free string in the transcript shape (`bot`, `<string>`, …).
 */
export const cozmoxMessageSchema = z.looseObject({
  role: z.string(),
  content: z
    .union([z.string(), z.array(z.looseObject({ type: z.string().nullish(), text: z.string().nullish() }))])
    .nullish(),
  message: z.string().nullish(),
  refusal: z.string().nullish(),
  /** Transcript messages: epoch milliseconds. */
  time: z.number().nullish(),
  secondsFromStart: z.number().nullish(),
  tool_calls: z.array(cozmoxToolCallSchema).nullish(),
  tool_call_id: z.string().nullish(),
  name: z.string().nullish(),
});
export type CozmoxMessage = z.infer<typeof cozmoxMessageSchema>;

/** An `input` element: text, a message, or (seed 002's rendering of the oneOf) a nested array. */
export type CozmoxInputItem = string | CozmoxMessage | CozmoxInputItem[];
export const cozmoxInputItemSchema: z.ZodType<CozmoxInputItem> = z.lazy(() =>
  z.union([z.string(), cozmoxMessageSchema, z.array(cozmoxInputItemSchema)]),
);

/** `input`: a string or an array of chat messages (seed 002 shows a mixed array). */
export const cozmoxInputSchema = z.union([z.string(), z.array(cozmoxInputItemSchema)]);
export type CozmoxInput = z.infer<typeof cozmoxInputSchema>;

/** `ModelCost` (`type: "model"`), `ChatCost` (`type: "chat"`) and session cost kinds; `type` may be missing. */
export const cozmoxCostSchema = z.looseObject({
  type: z.string().nullish(),
  model: z.looseObject({ provider: z.string().nullish(), model: z.string().nullish() }).nullish(),
  promptTokens: z.number().nullish(),
  completionTokens: z.number().nullish(),
  cost: z.number().nullish(),
});
export type CozmoxCost = z.infer<typeof cozmoxCostSchema>;

export const cozmoxCustomerSchema = z.object({
  number: z.string().nullish(),
  name: z.string().nullish(),
  email: z.string().nullish(),
});
export type CozmoxCustomer = z.infer<typeof cozmoxCustomerSchema>;

/** A session: Parley's conversation on Cozmox. */
export const cozmoxSessionSchema = z.object({
  id: z.string().min(1),
  orgId: z.string().nullish(),
  createdAt: dateTime,
  updatedAt: dateTime,
  name: z.string().nullish(),
  /** `active` or `completed`; other words are kept as they come. */
  status: z.string().nullish(),
  assistantId: z.string().nullish(),
  customer: cozmoxCustomerSchema.nullish(),
  cost: z.number().nullish(),
  costs: z.array(cozmoxCostSchema).nullish(),
});
export type CozmoxSession = z.infer<typeof cozmoxSessionSchema>;

/** A chat: one turn of a session (seed 002). */
export const cozmoxChatSchema = z.object({
  id: z.string().min(1),
  orgId: z.string().nullish(),
  createdAt: dateTime,
  updatedAt: dateTime,
  assistantId: z.string().nullish(),
  name: z.string().nullish(),
  sessionId: z.string().nullish(),
  previousChatId: z.string().nullish(),
  input: cozmoxInputSchema.nullish(),
  messages: z.array(cozmoxMessageSchema).nullish(),
  output: z.array(cozmoxMessageSchema).nullish(),
  costs: z.array(cozmoxCostSchema).nullish(),
  cost: z.number().nullish(),
});
export type CozmoxChat = z.infer<typeof cozmoxChatSchema>;

/** Vapi's `PaginationMeta`: three required fields; newer fields are optional. */
export const cozmoxPaginationSchema = z.looseObject({
  itemsPerPage: z.number(),
  totalItems: z.number(),
  currentPage: z.number(),
  totalPages: z.number().nullish(),
  hasNextPage: z.boolean().nullish(),
});
export type CozmoxPagination = z.infer<typeof cozmoxPaginationSchema>;

export const cozmoxSessionPageSchema = z.object({
  results: z.array(cozmoxSessionSchema),
  metadata: cozmoxPaginationSchema,
});
export type CozmoxSessionPage = z.infer<typeof cozmoxSessionPageSchema>;

export const cozmoxChatPageSchema = z.object({
  results: z.array(cozmoxChatSchema),
  metadata: cozmoxPaginationSchema,
});
export type CozmoxChatPage = z.infer<typeof cozmoxChatPageSchema>;

/** An assistant, reduced to what Parley shows: its id and name (the model config is dropped). */
export const cozmoxAssistantSchema = z.object({
  id: z.string().min(1),
  name: z.string().nullish(),
});
export type CozmoxAssistant = z.infer<typeof cozmoxAssistantSchema>;

export const cozmoxAssistantListSchema = z.array(cozmoxAssistantSchema);
