/**
 * SigmaMind's chat endpoints below the simulator's `/sigmamind` prefix:
 * `GET /v1/chats`, `POST /v1/chats`, `GET /v1/chats/{chatId}`, `PATCH /v1/chats/{chatId}`.
 * Bad input gets SigmaMind's 400 body `{"message": …}`, never a crash.
 *
 * @see https://docs.sigmamind.ai/api-reference/chats/list-chats
 * @see https://docs.sigmamind.ai/api-reference/chats/update-chat (seed 000)
 * @see https://docs.sigmamind.ai/api-reference/chats/create-chat (seed 001)
 */
import { z } from "zod";
import { intParam, json, type Route, type SimRequest, type SimResponse } from "../../core/http";
import { findPersona } from "./data";
import type { ChatStore } from "./store";
import { chatStatuses, type ChatStatus, type WireChatPage, type WireCreatedChat } from "./wire";

export const DEFAULT_PAGE_SIZE = 10;
export const MAX_PAGE_SIZE = 100;
const INT32_MAX = 2_147_483_647;

/** SigmaMind's error body (undocumented; providers.md §11). */
export function sigmamindError(status: number, message: string): SimResponse {
  return json(status, { message });
}

const dynamicVariablesSchema = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));

const createChatBodySchema = z.object({
  agentId: z.string().min(1).max(64),
  input: z.string().min(1).max(20_480),
  dynamicVariables: dynamicVariablesSchema.nullable().optional(),
  previousChatId: z.string().min(1).max(128).optional(),
});

const updateChatBodySchema = z.object({
  agentId: z.string().min(1).max(64).optional(),
  dynamicVariables: dynamicVariablesSchema.nullable().optional(),
});

function badBody(error: z.ZodError): SimResponse {
  const issue = error.issues[0];
  const path = issue && issue.path.length > 0 ? issue.path.map(String).join(".") : "body";
  return sigmamindError(400, `${path}: ${issue?.message ?? "invalid request body"}`);
}

/** Accepts the seed's `in-progress` and the newer docs' `in_progress`. */
function parseStatus(raw: string | null): ChatStatus | null | "invalid" {
  if (raw === null || raw === "") return null;
  const spelled = raw.replace(/_/g, "-");
  return chatStatuses.find((status) => status === spelled) ?? "invalid";
}

function listChats(store: ChatStore, request: SimRequest): SimResponse {
  const page = intParam(request.query, "page", 0);
  const size = intParam(request.query, "size", DEFAULT_PAGE_SIZE);
  if (!Number.isInteger(page) || page < 0 || page > INT32_MAX)
    return sigmamindError(400, "page must be an integer of 0 or more");
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE)
    return sigmamindError(400, `size must be an integer from 1 to ${MAX_PAGE_SIZE}`);
  const status = parseStatus(request.query.get("status"));
  if (status === "invalid") return sigmamindError(400, `status must be one of: ${chatStatuses.join(", ")}`);

  const matching = store.list(status);
  const start = page * size;
  const body: WireChatPage = {
    data: matching.slice(start, start + size).map((record) => store.toWire(record)),
    page,
    size,
    totalCounts: matching.length,
    totalPages: Math.ceil(matching.length / size),
    hasNext: start + size < matching.length,
    hasPrevious: page > 0,
  };
  return json(200, body);
}

function getChat(store: ChatStore, request: SimRequest): SimResponse {
  const record = store.find(request.params.chatId ?? "");
  return record ? json(200, store.toWire(record)) : sigmamindError(404, "Chat not found");
}

function updateChat(store: ChatStore, request: SimRequest): SimResponse {
  const parsed = updateChatBodySchema.safeParse(request.body ?? {});
  if (!parsed.success) return badBody(parsed.error);
  const chatId = request.params.chatId ?? "";
  if (!store.find(chatId)) return sigmamindError(404, "Chat not found");
  const { agentId, dynamicVariables } = parsed.data;
  if (agentId !== undefined && !findPersona(agentId)) return sigmamindError(404, "Agent not found");
  const updated = store.update(chatId, { agentId, dynamicVariables });
  return updated ? json(200, store.toWire(updated)) : sigmamindError(404, "Chat not found");
}

function createChat(store: ChatStore, request: SimRequest): SimResponse {
  const parsed = createChatBodySchema.safeParse(request.body);
  if (!parsed.success) return badBody(parsed.error);
  const { agentId, input, dynamicVariables, previousChatId } = parsed.data;
  const agent = findPersona(agentId);
  if (!agent) return sigmamindError(404, "Agent not found");
  const previousChat = previousChatId === undefined ? null : store.find(previousChatId);
  if (previousChat === undefined) return sigmamindError(404, "Previous chat not found");
  const record = store.create({ agent, input, dynamicVariables: dynamicVariables ?? null, previousChat });
  const wire = store.toWire(record);
  const body: WireCreatedChat = {
    chatId: wire.chatId,
    createdAt: wire.createdAt,
    status: wire.status,
    response: wire.response,
    ...(wire.agent ? { agent: wire.agent } : {}),
  };
  return json(201, body);
}

/** The four chat routes, all reading and writing `store`. */
export function createSigmamindRoutes(store: ChatStore): Route[] {
  return [
    { method: "GET", pattern: "/v1/chats", handler: (request) => listChats(store, request) },
    { method: "POST", pattern: "/v1/chats", handler: (request) => createChat(store, request) },
    { method: "GET", pattern: "/v1/chats/:chatId", handler: (request) => getChat(store, request) },
    { method: "PATCH", pattern: "/v1/chats/:chatId", handler: (request) => updateChat(store, request) },
  ];
}
