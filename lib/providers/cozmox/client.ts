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
import { parseWire } from "@/lib/providers/errors";
import type { ProviderContext } from "@/lib/providers/contract";
import {
  cozmoxAssistantListSchema,
  cozmoxAssistantSchema,
  cozmoxChatPageSchema,
  cozmoxSessionPageSchema,
  cozmoxSessionSchema,
  type CozmoxAssistant,
  type CozmoxChatPage,
  type CozmoxSession,
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

/** `GET /session/{id}`. */
export async function getSession(context: ProviderContext, id: string): Promise<CozmoxSession> {
  const response = await context.http.request({ method: "GET", path: `/session/${pathId(id)}` });
  return parseWire("cozmox", "GET /session/{id}", cozmoxSessionSchema, response.body);
}

/** `DELETE /session/{id}`: hard delete of the session and its chats; answers with the deleted session. */
export async function deleteSession(context: ProviderContext, id: string): Promise<CozmoxSession> {
  const response = await context.http.request({ method: "DELETE", path: `/session/${pathId(id)}` });
  return parseWire("cozmox", "DELETE /session/{id}", cozmoxSessionSchema, response.body);
}

/** `GET /chat`: chats (turns), usually of one session. */
export async function listChats(context: ProviderContext, query: CozmoxChatQuery): Promise<CozmoxChatPage> {
  const response = await context.http.request({ method: "GET", path: "/chat", query: { ...query } });
  return parseWire("cozmox", "GET /chat", cozmoxChatPageSchema, response.body);
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
