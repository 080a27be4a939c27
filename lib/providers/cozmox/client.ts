/**
 * Calls to Cozmox's HTTP API through the connection's authenticated client. Each function names
 * one path and returns the body parsed with its wire schema, so a payload of the wrong shape is a
 * `bad_response` ProviderError naming the field. Ids go into paths URL-encoded (seed 002's own
 * example ids are `<string>`).
 *
 * Only the query parameters Cozmox is known to share with Vapi's mid-2025 API are sent
 * (providers.md §6.3); `squadId`, `assistantIdAny`, `sortBy` and friends are Vapi-only until seen
 * working on Cozmox.
 *
 * @see https://docs.cozmox.cloud/api-reference/chats/list-chats
 */
import { isProviderError, parseWire } from "@/lib/providers/errors";
import type { ProviderContext } from "@/lib/providers/contract";
import {
  cozmoxAssistantListSchema,
  cozmoxAssistantSchema,
  cozmoxChatPageSchema,
  cozmoxChatSchema,
  cozmoxSessionPageSchema,
  type CozmoxAssistant,
  type CozmoxChat,
  type CozmoxChatPage,
  type CozmoxSessionPage,
} from "./wire-schemas";

/** Cozmox's documented maximum `limit`. */
export const COZMOX_MAX_LIMIT = 1000;

interface CozmoxPageQuery {
  /** 1-based. */
  page?: number;
  /** 0–1000, default 100. */
  limit?: number;
  sortOrder?: "ASC" | "DESC";
  assistantId?: string;
  createdAtGe?: string;
  createdAtLe?: string;
  updatedAtGe?: string;
  updatedAtLe?: string;
}

export type CozmoxSessionQuery = CozmoxPageQuery;

export interface CozmoxChatQuery extends CozmoxPageQuery {
  sessionId?: string;
}

const pathId = (id: string): string => encodeURIComponent(id);

/** `GET /session`: sessions with Vapi's `{results, metadata}` envelope. */
export async function listSessions(
  context: ProviderContext,
  query: CozmoxSessionQuery,
): Promise<CozmoxSessionPage> {
  const response = await context.http.request({ method: "GET", path: "/session", query: { ...query } });
  return parseWire("cozmox", "GET /session", cozmoxSessionPageSchema, response.body);
}

/**
 * `GET /session`, or null where the account has no sessions API: seed 002 does not document
 * `/session`, so a 404 there means "not offered", not a failure.
 */
export async function listSessionsIfOffered(
  context: ProviderContext,
  query: CozmoxSessionQuery,
): Promise<CozmoxSessionPage | null> {
  try {
    return await listSessions(context, query);
  } catch (error) {
    if (isProviderError(error) && error.code === "not_found") return null;
    throw error;
  }
}

/** `GET /chat`: chats, of the whole org or of one session. */
export async function listChats(context: ProviderContext, query: CozmoxChatQuery): Promise<CozmoxChatPage> {
  const response = await context.http.request({ method: "GET", path: "/chat", query: { ...query } });
  return parseWire("cozmox", "GET /chat", cozmoxChatPageSchema, response.body);
}

/** `GET /chat/{id}`. */
export async function getChat(context: ProviderContext, id: string): Promise<CozmoxChat> {
  const response = await context.http.request({ method: "GET", path: `/chat/${pathId(id)}` });
  return parseWire("cozmox", "GET /chat/{id}", cozmoxChatSchema, response.body);
}

/**
 * `DELETE /chat/{id}` (seed 002): a hard delete that answers with the whole deleted chat. Retried
 * like a read when the answer is lost: a repeat finds the chat gone (404), which callers count as
 * deleted.
 */
export async function deleteChat(context: ProviderContext, id: string): Promise<CozmoxChat> {
  const response = await context.http.request({
    method: "DELETE",
    path: `/chat/${pathId(id)}`,
    idempotent: true,
  });
  return parseWire("cozmox", "DELETE /chat/{id}", cozmoxChatSchema, response.body);
}

/** `GET /assistant`: a bare array of the org's assistants. */
export async function listAssistants(context: ProviderContext): Promise<CozmoxAssistant[]> {
  const response = await context.http.request({
    method: "GET",
    path: "/assistant",
    query: { limit: COZMOX_MAX_LIMIT },
  });
  return parseWire("cozmox", "GET /assistant", cozmoxAssistantListSchema, response.body);
}

/** `GET /assistant/{id}`. */
export async function getAssistant(context: ProviderContext, id: string): Promise<CozmoxAssistant> {
  const response = await context.http.request({ method: "GET", path: `/assistant/${pathId(id)}` });
  return parseWire("cozmox", "GET /assistant/{id}", cozmoxAssistantSchema, response.body);
}
