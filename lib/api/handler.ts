/**
 * The wrapper every API route handler goes through: it checks the session and role on the
 * server, refuses cross-site mutations, parses nothing itself (handlers parse with zod), and maps
 * every thrown error to a JSON error. Unknown errors become a 500 whose message reveals nothing.
 */
import "server-only";
import { ZodError } from "zod";
import { getSessionCookie } from "better-auth/cookies";
import { getAuth } from "@/lib/auth/auth";
import { cachedSession, rememberSession, sessionGeneration } from "@/lib/auth/session-cache";
import { isRole, type Role } from "@/lib/auth/permissions";
import { getDatabase } from "@/lib/db/client";
import { isSingleProcess } from "@/lib/db/single-process";
import { isProviderError } from "@/lib/providers/errors";
import { ApiError, badRequest, statusForProviderError } from "./errors";
import { UNSTORABLE_TEXT_MESSAGE, containsUnstorableText } from "./unstorable-text";
import { isSameOriginRequest } from "./origin";

export interface Actor {
  id: string;
  email: string;
  name: string;
  role: Role;
}

export interface HandlerContext<Params> {
  request: Request;
  params: Params;
  actor: Actor;
}

type RouteContext<Params> = { params: Promise<Params> };

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export function errorResponse(
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
) {
  return Response.json(
    { error: { code, message } },
    { status, headers: { "cache-control": "no-store", ...headers } },
  );
}

export function toErrorResponse(error: unknown): Response {
  if (error instanceof ApiError) return errorResponse(error.status, error.code, error.message, error.headers);
  if (error instanceof ZodError) {
    const issue = error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.map(String).join(".")}: ` : "";
    return errorResponse(400, "invalid_request", `${where}${issue?.message ?? "invalid input"}`);
  }
  if (isProviderError(error)) {
    const retryAfter = error.details.retryAfterSeconds;
    return errorResponse(
      statusForProviderError(error.code),
      `provider_${error.code}`,
      error.message,
      retryAfter === undefined ? {} : { "retry-after": String(retryAfter) },
    );
  }
  console.error(
    "[api] unexpected error:",
    error instanceof Error ? `${error.name}: ${error.message}` : "unknown",
  );
  return errorResponse(500, "internal", "Something went wrong on the server. The error has been logged.");
}

/**
 * Reads the signed-in user from the request's session cookie, or null. On the embedded database a
 * lookup is reused for a few seconds and dropped on any change to users or sessions
 * (see `lib/auth/session-cache.ts`).
 */
export async function readActor(request: Request): Promise<Actor | null> {
  const db = await getDatabase();
  const cookie = isSingleProcess(db) ? getSessionCookie(request.headers) : null;
  if (cookie) {
    const cached = cachedSession(cookie);
    if (cached) return cached;
  }
  const generation = sessionGeneration();
  const session = await getAuth().api.getSession({ headers: request.headers });
  if (!session || session.user.banned) return null;
  const role = isRole(session.user.role) ? session.user.role : null;
  if (!role) return null;
  const actor: Actor = { id: session.user.id, email: session.user.email, name: session.user.name, role };
  if (cookie) rememberSession(cookie, actor, session.session.expiresAt, generation);
  return actor;
}

/**
 * Wraps a route handler. `role: "admin"` limits it to admins; staff get 403. Every route needs a
 * session; anonymous requests get 401.
 */
export function withApi<Params = Record<string, never>>(
  options: { role: Role | "any" },
  handler: (context: HandlerContext<Params>) => Promise<Response>,
) {
  return async (request: Request, routeContext: RouteContext<Params>): Promise<Response> => {
    try {
      if (MUTATING.has(request.method) && !isSameOriginRequest(request))
        throw new ApiError(
          403,
          "forbidden",
          "Cross-site request refused: the Origin header does not match Parley.",
        );
      const actor = await readActor(request);
      if (!actor) throw new ApiError(401, "unauthorized", "Sign in to continue.");
      if (options.role === "admin" && actor.role !== "admin")
        throw new ApiError(403, "forbidden", "Only administrators can do this.");
      const params = routeContext?.params ? await routeContext.params : ({} as Params);
      if (containsUnstorableText(params)) throw badRequest(UNSTORABLE_TEXT_MESSAGE);
      return await handler({ request, params, actor });
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}

/** Parses a JSON body, answering 400 (not 500) for a body that is not JSON or is too large. */
export async function readJsonBody(request: Request, maxBytes = 64_000): Promise<unknown> {
  const text = await request.text();
  if (text.length > maxBytes)
    throw new ApiError(413, "payload_too_large", `The body is larger than ${maxBytes} bytes.`);
  if (text.trim() === "") throw new ApiError(400, "invalid_request", "The request needs a JSON body.");
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ApiError(400, "invalid_request", "The body is not valid JSON.");
  }
  if (containsUnstorableText(body)) throw badRequest(UNSTORABLE_TEXT_MESSAGE);
  return body;
}

/**
 * Query string as a plain object; repeated keys become arrays. Every key is an own property (a
 * `__proto__` key stays a key the schema refuses), and text the database cannot store is refused.
 */
export function queryObject(request: Request): Record<string, string | string[]> {
  const values = new Map<string, string | string[]>();
  for (const [key, value] of new URL(request.url).searchParams) {
    if (containsUnstorableText(key) || containsUnstorableText(value))
      throw badRequest(UNSTORABLE_TEXT_MESSAGE);
    const existing = values.get(key);
    values.set(
      key,
      existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value],
    );
  }
  return Object.fromEntries(values);
}
