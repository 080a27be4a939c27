/**
 * Zod schemas of SigmaMind's JSON. Tolerant where the docs are loose (extra fields pass through;
 * `transcript`, `response`, `messages`, `dynamicVariables` and `agent` may be missing or null),
 * strict where Parley relies on a field (`chatId`, a parseable `createdAt`, the page envelope).
 *
 * @see https://docs.sigmamind.ai/api-reference/chats/list-chats
 * @see https://docs.sigmamind.ai/api-reference/chats/get-chat
 * @see https://docs.sigmamind.ai/api-reference/chats/update-chat (seed 000)
 */
import { z } from "zod";

const isoTimestamp = z
  .string()
  .refine((value) => !Number.isNaN(Date.parse(value)), "must be an ISO date-time");

/** One item of `messages[]` / `response[]`: `{id, role, type, content: string[]}`, no timestamp. */
export const sigmamindChatItemSchema = z.looseObject({
  id: z.string().nullish(),
  role: z.string().nullish(),
  type: z.string().nullish(),
  /** Documented as `string[]`; a bare string is accepted as one part. */
  content: z.union([z.array(z.string()), z.string()]).nullish(),
});
export type SigmamindChatItem = z.infer<typeof sigmamindChatItemSchema>;

/** "Assigned agent": missing on chats whose agent was deleted. `status` is free-form ("active", "Live"). */
export const sigmamindAgentSchema = z.looseObject({
  name: z.string().nullish(),
  agentId: z.string().nullish(),
  status: z.string().nullish(),
});
export type SigmamindAgent = z.infer<typeof sigmamindAgentSchema>;

export const sigmamindChatSchema = z.looseObject({
  chatId: z.string().min(1),
  agent: sigmamindAgentSchema.nullish(),
  /** The only timestamp SigmaMind gives: when the chat was created. */
  createdAt: isoTimestamp,
  /** `in-progress | ended | error` (older docs) or `in_progress` (newer docs). */
  status: z.string().nullish(),
  transcript: z.string().nullish(),
  response: z.array(sigmamindChatItemSchema).nullish(),
  messages: z.array(sigmamindChatItemSchema).nullish(),
  /** "Null or empty if no dynamic variables were provided." Values are usually strings. */
  dynamicVariables: z.record(z.string(), z.unknown()).nullish(),
});
export type SigmamindChat = z.infer<typeof sigmamindChatSchema>;

/** `GET /v1/chats`: a Spring-style page; `page` counts from 0. */
export const sigmamindChatPageSchema = z.looseObject({
  data: z.array(sigmamindChatSchema),
  page: z.number().int().nonnegative(),
  size: z.number().int().positive(),
  totalCounts: z.number().int().nonnegative(),
  totalPages: z.number().int().nonnegative(),
  hasNext: z.boolean(),
  hasPrevious: z.boolean(),
});
export type SigmamindChatPage = z.infer<typeof sigmamindChatPageSchema>;

/** A `function_call` / `tool_call` item's content: JSON `{name, arguments}`. */
export const sigmamindToolCallContentSchema = z.looseObject({
  name: z.string().min(1),
  arguments: z.unknown().optional(),
});
