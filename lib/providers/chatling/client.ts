/**
 * Chatling's v2 endpoints as Parley calls them, each answer parsed with its wire schema. Paths are
 * appended to the connection's base URL (`https://api.chatling.ai` in production, the simulator's
 * `/chatling` prefix in demo and tests).
 *
 * @see https://docs.chatling.ai/api-reference/v2/intro
 */
import type { ProviderContext } from "@/lib/providers/contract";
import { parseWire } from "@/lib/providers/errors";
import {
  chatbotListResponseSchema,
  chatbotResponseSchema,
  contactListResponseSchema,
  contactResponseSchema,
  conversationListResponseSchema,
  conversationResponseSchema,
  messageListResponseSchema,
  type ChatlingChatbot,
  type ChatlingContact,
  type ChatlingConversation,
  type ChatlingMessage,
  type ChatlingPages,
} from "./wire-schemas";

/** Chatling's only sort orders, by date. */
export type ChatlingSort = "date_desc" | "date_asc";

const chatbotPath = (chatbotId: string) => `/v2/chatbots/${encodeURIComponent(chatbotId)}`;
const conversationPath = (chatbotId: string, conversationId: string) =>
  `${chatbotPath(chatbotId)}/conversations/${encodeURIComponent(conversationId)}`;

/** `GET /v2/chatbots?page=`: one page of the project's chatbots. */
export async function listChatbots(
  context: ProviderContext,
  page: number,
): Promise<{ pages: ChatlingPages; chatbots: ChatlingChatbot[] }> {
  const response = await context.http.request({ method: "GET", path: "/v2/chatbots", query: { page } });
  return parseWire("chatling", "list chatbots", chatbotListResponseSchema, response.body).data;
}

/** `GET /v2/chatbots/{chatbotId}`. */
export async function getChatbot(context: ProviderContext, chatbotId: string): Promise<ChatlingChatbot> {
  const response = await context.http.request({ method: "GET", path: chatbotPath(chatbotId) });
  return parseWire("chatling", "chatbot", chatbotResponseSchema, response.body).data;
}

/** `GET /v2/chatbots/{chatbotId}/conversations?page=&sort=`: a server-sized page, each row embedding its newest messages. */
export async function listConversations(
  context: ProviderContext,
  chatbotId: string,
  options: { page: number; sort: ChatlingSort },
): Promise<{ pages: ChatlingPages; conversations: ChatlingConversation[] }> {
  const response = await context.http.request({
    method: "GET",
    path: `${chatbotPath(chatbotId)}/conversations`,
    query: { page: options.page, sort: options.sort },
  });
  return parseWire("chatling", "list conversations", conversationListResponseSchema, response.body).data;
}

/** `GET /v2/chatbots/{chatbotId}/conversations/{conversationId}`: embeds the newest messages, newest first. */
export async function getConversation(
  context: ProviderContext,
  chatbotId: string,
  conversationId: string,
): Promise<ChatlingConversation> {
  const response = await context.http.request({
    method: "GET",
    path: conversationPath(chatbotId, conversationId),
  });
  return parseWire("chatling", "conversation", conversationResponseSchema, response.body).data;
}

/** `GET …/conversations/{conversationId}/messages?page=&sort=`: one server-sized page of the thread. */
export async function listConversationMessages(
  context: ProviderContext,
  chatbotId: string,
  conversationId: string,
  options: { page: number; sort: ChatlingSort },
): Promise<{ pages: ChatlingPages; messages: ChatlingMessage[] }> {
  const response = await context.http.request({
    method: "GET",
    path: `${conversationPath(chatbotId, conversationId)}/messages`,
    query: { page: options.page, sort: options.sort },
  });
  return parseWire("chatling", "conversation messages", messageListResponseSchema, response.body).data;
}

/**
 * `PATCH …/conversations/{conversationId}` with `{archive?, important?}` (booleans; the answer says
 * `archived`/`important` as 0|1). Setting a flag to a value is idempotent, so the call may be retried.
 */
export async function updateConversation(
  context: ProviderContext,
  chatbotId: string,
  conversationId: string,
  changes: { archive?: boolean; important?: boolean },
): Promise<ChatlingConversation> {
  const response = await context.http.request({
    method: "PATCH",
    path: conversationPath(chatbotId, conversationId),
    body: changes,
    idempotent: true,
  });
  return parseWire("chatling", "update conversation", conversationResponseSchema, response.body).data;
}

/** `GET /v2/chatbots/{chatbotId}/contacts?page=`: one page of the chatbot's contacts (shape is a GUESS). */
export async function listContacts(
  context: ProviderContext,
  chatbotId: string,
  page: number,
): Promise<{ pages: ChatlingPages; contacts: ChatlingContact[] }> {
  const response = await context.http.request({
    method: "GET",
    path: `${chatbotPath(chatbotId)}/contacts`,
    query: { page },
  });
  return parseWire("chatling", "list contacts", contactListResponseSchema, response.body).data;
}

/** `GET /v2/chatbots/{chatbotId}/contacts/{contactId}` (shape is a GUESS; see wire-schemas.ts). */
export async function getContact(
  context: ProviderContext,
  chatbotId: string,
  contactId: string,
): Promise<ChatlingContact> {
  const response = await context.http.request({
    method: "GET",
    path: `${chatbotPath(chatbotId)}/contacts/${encodeURIComponent(contactId)}`,
  });
  return parseWire("chatling", "contact", contactResponseSchema, response.body).data;
}
