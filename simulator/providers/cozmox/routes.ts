/**
 * Cozmox's HTTP API below the simulator's `/cozmox` prefix: chats (seed 002), sessions (which
 * group some chats) and assistants (responder names). Paths, envelopes and errors as providers.md
 * §3 describes them; see NOTES.md for the choices the documents leave open.
 */
import type { Route, SimRequest, SimResponse } from "../../core/http";
import { json } from "../../core/http";
import { parseListQuery, type ListQuery, type QueryShape } from "./query";
import type { CozmoxStore } from "./store";

/** NestJS-style error body (providers.md §11). */
export function cozmoxError(status: number, message: string): SimResponse {
  return json(status, { statusCode: status, message, error: reasonPhrase(status) });
}

const reasonPhrases: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  404: "Not Found",
  405: "Method Not Allowed",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

function reasonPhrase(status: number): string {
  return reasonPhrases[status] ?? "Error";
}

const sessionQuery: QueryShape = { filters: ["assistantId"], paginated: true };
const chatQuery: QueryShape = { filters: ["assistantId", "sessionId"], paginated: true };
const assistantQuery: QueryShape = { filters: [], paginated: false };

function withQuery(shape: QueryShape, answer: (query: ListQuery) => unknown) {
  return (request: SimRequest): SimResponse => {
    const parsed = parseListQuery(request.query, shape);
    return parsed.ok ? json(200, answer(parsed.value)) : cozmoxError(400, parsed.message);
  };
}

function found(value: Record<string, unknown> | undefined, what: string): SimResponse {
  return value ? json(200, value) : cozmoxError(404, `${what} not found`);
}

/**
 * How `/session` answers: `served`; `empty` (no session is listed or found, as on an account whose
 * chats were all made without sessions); `absent` (404 on every `/session` path, NestJS's answer
 * to a route it does not have).
 */
export const sessionsApiModes = ["served", "empty", "absent"] as const;
export type SessionsApiMode = (typeof sessionsApiModes)[number];

function sessionRoutes(store: CozmoxStore, mode: SessionsApiMode): Route[] {
  const id = (request: SimRequest) => request.params.id ?? "";
  if (mode === "absent") {
    const noRoute = (request: SimRequest) => cozmoxError(404, `Cannot ${request.method} ${request.path}`);
    return [
      { method: "GET", pattern: "/session", handler: noRoute },
      { method: "GET", pattern: "/session/:id", handler: noRoute },
      { method: "DELETE", pattern: "/session/:id", handler: noRoute },
    ];
  }
  const served = mode === "served";
  return [
    {
      method: "GET",
      pattern: "/session",
      handler: withQuery(sessionQuery, (query) =>
        served ? store.listSessions(query) : { results: [], metadata: emptyMetadata(query) },
      ),
    },
    {
      method: "GET",
      pattern: "/session/:id",
      handler: (request) => found(served ? store.getSession(id(request)) : undefined, "Session"),
    },
    {
      method: "DELETE",
      pattern: "/session/:id",
      handler: (request) => found(served ? store.deleteSession(id(request)) : undefined, "Session"),
    },
  ];
}

function emptyMetadata(query: ListQuery): Record<string, number> {
  return { itemsPerPage: query.limit, totalItems: 0, currentPage: query.page };
}

export function createCozmoxRoutes(store: CozmoxStore, sessions: SessionsApiMode = "served"): Route[] {
  const id = (request: SimRequest) => request.params.id ?? "";
  return [
    ...sessionRoutes(store, sessions),
    { method: "GET", pattern: "/chat", handler: withQuery(chatQuery, (query) => store.listChats(query)) },
    { method: "GET", pattern: "/chat/:id", handler: (request) => found(store.getChat(id(request)), "Chat") },
    {
      method: "DELETE",
      pattern: "/chat/:id",
      handler: (request) => found(store.deleteChat(id(request)), "Chat"),
    },
    {
      method: "GET",
      pattern: "/assistant",
      handler: withQuery(assistantQuery, (query) => store.listAssistants(query)),
    },
    {
      method: "GET",
      pattern: "/assistant/:id",
      handler: (request) => found(store.getAssistant(id(request)), "Assistant"),
    },
  ];
}
