/**
 * The wrapper every API route handler goes through: it checks the session and role on the
 * server, refuses cross-site mutations, parses nothing itself (handlers parse with zod), and maps
 * every thrown error to a JSON error. Unknown errors become a 500 whose message reveals nothing.
 */
import "server-only";
import { ZodError } from "zod";
import { readActor, type Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/auth/permissions";
import { recordAudit, type AuditEntry } from "@/lib/audit/audit-log";
import { getDatabase } from "@/lib/db/client";
import { DomainError, isProviderError } from "@/lib/model/errors";
import { ApiError, badRequest, httpForDomainError, statusForProviderError } from "./errors";
import { UNSTORABLE_TEXT_MESSAGE, containsUnstorableText } from "./unstorable-text";
import { isSameOriginRequest } from "./origin";

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
  if (error instanceof DomainError) {
    const { status, code } = httpForDomainError(error.kind);
    const retryAfter = error.details.retryAfterSeconds;
    return errorResponse(
      status,
      code,
      error.message,
      retryAfter === undefined ? {} : { "retry-after": String(retryAfter) },
    );
  }
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

export interface RouteOptions<Params> {
  /** `admin` limits the route to admins (staff get 403); `any` admits every signed-in user. */
  role: Role | "any";
  /**
   * For routes whose refusals belong in the audit log (an attempt to delete at the provider, say):
   * what to record when a signed-in user's role is refused.
   */
  auditRefusal?: (params: Params) => Omit<AuditEntry, "actor" | "outcome" | "error">;
}

/**
 * Wraps a route handler. Every route needs a session (anonymous requests get 401) and says which
 * role it requires; the role is checked here, before the handler runs.
 */
export function withApi<Params = Record<string, never>>(
  options: RouteOptions<Params>,
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
      const actor = await readActor(request.headers);
      if (!actor) throw new ApiError(401, "unauthorized", "Sign in to continue.");
      const params = routeContext?.params ? await routeContext.params : ({} as Params);
      if (containsUnstorableText(params)) throw badRequest(UNSTORABLE_TEXT_MESSAGE);
      if (options.role === "admin" && actor.role !== "admin") {
        const refusal = "Only administrators can do this.";
        if (options.auditRefusal)
          await recordAudit(await getDatabase(), {
            ...options.auditRefusal(params),
            actor: { id: actor.id, email: actor.email },
            outcome: "failure",
            error: refusal,
          });
        throw new ApiError(403, "forbidden", refusal);
      }
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
