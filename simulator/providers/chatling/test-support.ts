/**
 * Helpers for the simulated Chatling's contract tests: a raw HTTP caller and strict zod schemas of
 * the wire format the simulator promises (NOTES.md). Strict objects make an extra or missing field
 * fail the tests, so the simulator cannot drift from the documented shapes unnoticed.
 */
import { z } from "zod";
import { simulatorKeys } from "../../keys";

const timestamp = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/, "Chatling timestamp");
const numericId = z.string().regex(/^\d{10}$/, "10-digit id");
/** UUID-shaped, lower-case letters and digits, deliberately not restricted to hex. */
const contactId = z
  .string()
  .regex(/^[a-z0-9]{8}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{12}$/, "contact id");

export const pagesSchema = z.strictObject({
  current_page: z.number().int().min(1),
  last_page: z.number().int().min(1),
  per_page: z.number().int().min(1),
});

export const sourceSchema = z.strictObject({
  type: z.enum(["webpage", "file", "text"]),
  title: z.string(),
  url: z.string(),
});

const userOrSystemMessageSchema = z.strictObject({
  id: numericId.optional(),
  text: z.string(),
  role: z.enum(["user", "system"]),
  created_at: timestamp,
});
const botMessageSchema = z.strictObject({
  id: numericId.optional(),
  text: z.string(),
  role: z.literal("bot"),
  is_ai_kb_response: z.boolean(),
  data: z
    .strictObject({
      helpful_value: z.union([z.literal(1), z.literal(-1), z.null()]),
      sources: z.array(sourceSchema),
    })
    .optional(),
  created_at: timestamp,
});
export const messageSchema = z.union([userOrSystemMessageSchema, botMessageSchema]);
export type WireMessage = z.infer<typeof messageSchema>;

export const conversationSchema = z.strictObject({
  id: numericId,
  contact_id: contactId.nullable(),
  archived: z.union([z.literal(0), z.literal(1)]),
  important: z.union([z.literal(0), z.literal(1)]),
  created_at: timestamp,
  messages: z.array(messageSchema),
});
export type WireConversation = z.infer<typeof conversationSchema>;

export const chatbotSchema = z.strictObject({
  id: numericId,
  name: z.string().min(1),
  version: z.string(),
  visibility: z.enum(["public", "private"]),
  created_at: timestamp,
});

export const contactSchema = z.strictObject({
  id: contactId,
  name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  company: z.string().nullable(),
  created_at: timestamp,
});

export const errorBodySchema = z.strictObject({ status: z.literal("error"), message: z.string().min(1) });

/** `{"status":"success","data": …}` around `data`. */
export function successOf<T extends z.ZodType>(data: T) {
  return z.strictObject({ status: z.literal("success"), data });
}

export const chatbotListSchema = successOf(
  z.strictObject({ pages: pagesSchema, chatbots: z.array(chatbotSchema) }),
);
export const conversationListSchema = successOf(
  z.strictObject({ pages: pagesSchema, conversations: z.array(conversationSchema) }),
);
export const messageListSchema = successOf(
  z.strictObject({ pages: pagesSchema, messages: z.array(messageSchema) }),
);
export const contactListSchema = successOf(
  z.strictObject({ pages: pagesSchema, contacts: z.array(contactSchema) }),
);

export interface RawAnswer {
  status: number;
  headers: Headers;
  /** The body as text, since fault tests need to see bodies that are not JSON. */
  text: string;
}

/** Calls the simulated Chatling below `/chatling`, with the primary key unless told otherwise. */
export async function callChatling(
  simulatorUrl: string,
  path: string,
  options: { method?: string; body?: unknown; authorization?: string | null; signal?: AbortSignal } = {},
): Promise<RawAnswer> {
  const authorization =
    options.authorization === undefined ? `Bearer ${simulatorKeys.chatling.primary}` : options.authorization;
  const headers: Record<string, string> = {};
  if (authorization !== null) headers.authorization = authorization;
  if (options.body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(`${simulatorUrl}/chatling${path}`, {
    method: options.method ?? "GET",
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: options.signal,
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** Parses an answer's JSON body with a schema, failing the test with zod's explanation otherwise. */
export function parseAnswer<T extends z.ZodType>(answer: RawAnswer, schema: T): z.infer<T> {
  return schema.parse(JSON.parse(answer.text));
}
