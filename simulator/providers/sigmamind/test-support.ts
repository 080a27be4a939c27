/**
 * Strict zod schemas of the simulated SigmaMind's answers, for the contract tests: every answer
 * the tests read is parsed, so an extra, missing or mistyped field fails the test instead of
 * being cast away.
 */
import { z } from "zod";
import { chatStatuses } from "./wire";

const chatItemSchema = z.strictObject({
  id: z.string().min(1),
  role: z.string().min(1),
  type: z.string().min(1),
  content: z.array(z.string()),
});

const agentSchema = z.strictObject({ name: z.string(), agentId: z.string(), status: z.string() });

export const chatSchema = z.strictObject({
  chatId: z.string().regex(/^chat[-_][A-Za-z0-9]+$/),
  agent: agentSchema.optional(),
  createdAt: z.iso.datetime({ precision: 3 }),
  status: z.enum(chatStatuses),
  transcript: z.string(),
  response: z.array(chatItemSchema),
  messages: z.array(chatItemSchema),
  dynamicVariables: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).nullable(),
});

export const chatPageSchema = z.strictObject({
  data: z.array(chatSchema),
  page: z.number().int().nonnegative(),
  size: z.number().int().positive(),
  totalCounts: z.number().int().nonnegative(),
  totalPages: z.number().int().nonnegative(),
  hasNext: z.boolean(),
  hasPrevious: z.boolean(),
});

export const createdChatSchema = z.strictObject({
  chatId: z.string(),
  createdAt: z.iso.datetime({ precision: 3 }),
  status: z.enum(chatStatuses),
  response: z.array(chatItemSchema),
  agent: agentSchema.optional(),
});

export const errorSchema = z.strictObject({ message: z.string().min(1) });

/** Reads a response body with a schema; throws with the first issue when it does not fit. */
export async function readBody<T>(response: Response, schema: z.ZodType<T>): Promise<T> {
  return schema.parse(await response.json());
}
