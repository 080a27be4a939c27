/**
 * The wrapper every API route handler goes through: it checks the session and role on the
 * server, refuses cross-site mutations, parses nothing itself (handlers parse with zod), and maps
 * every thrown error to a JSON error. Unknown errors become a 500 whose message reveals nothing.
 */
import "server-only";
import { ZodError } from "zod";
import { recordAudit } from "@/lib/audit/audit-log";
import { readActor, type Actor } from "@/lib/auth/actor";
import { getDatabase } from "@/lib/db/client";
import { log } from "@/lib/logger";
import type { Role } from "@/lib/auth/permissions";
import { isDomainError, isProviderError } from "@/lib/model/errors";
import { ApiError, badRequest, httpForDomainError, statusForProviderError } from "./errors";
import { UNSTORABLE_TEXT_MESSAGE, containsUnstorableText } from "./unstorable-text";
import { isSameOriginRequest } from "./origin";
import { DEFAULT_BODY_LIMIT, readBodyText } from "./request-body";

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
  if (isDomainError(error)) {
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
  log.error("api.unexpected_error", {
    error: error instanceof Error ? `${error.name}: ${error.message}` : "unknown",
  });
  return errorResponse(500, "internal", "Something went wrong on the server. The error has been logged.");
}

/** Longest path parameter (a connection or conversation id) a route accepts. */
export const MAX_PARAM_LENGTH = 512;

/**
 * A refused parameter cut for the audit row (200 characters, so two of them stay within the audit
 * index's row size whatever the script), still showing what was asked for.
 */
function boundedParam(value: unknown): string | null {
  if (typeof value !== "string") return null;
  return value.length > 200 ? `${value.slice(0, 200)}…` : value;
}

export interface ApiOptions {
  /** `admin` limits the route to admins (staff get 403); `any` admits every signed-in user. */
  role: Role | "any";
  /**
   * The audit action a refused request is recorded under (conversation writes): a role refused,
   * or an id too long to serve (cut for the row), still leaves a row.
   */
  auditRefusalAs?: string;
}

/**
 * Wraps a route handler. Every route needs a session (anonymous requests get 401) and says which
 * role it requires; the role is checked here, before the handler runs. Path parameters longer
 * than 512 characters are a 400.
 */
export function withApi<Params = Record<string, never>>(
  options: ApiOptions,
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
      const refuse = async (message: string) => {
        if (!options.auditRefusalAs) return;
        const values = params as Record<string, unknown>;
        await recordAudit(await getDatabase(), {
          actor: { id: actor.id, email: actor.email },
          action: options.auditRefusalAs,
          connectionId: boundedParam(values.connectionId),
          conversationId: boundedParam(values.conversationId),
          outcome: "failure",
          error: message,
        });
      };
      const longParam = Object.entries(params as Record<string, unknown>).find(
        ([, value]) => typeof value === "string" && value.length > MAX_PARAM_LENGTH,
      );
      if (longParam) {
        const message = `${longParam[0]}: at most ${MAX_PARAM_LENGTH} characters.`;
        await refuse(message);
        throw badRequest(message);
      }
      if (options.role === "admin" && actor.role !== "admin") {
        const message = "Only administrators can do this.";
        await refuse(message);
        throw new ApiError(403, "forbidden", message);
      }
      return await handler({ request, params, actor });
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}

/** Parses a JSON body, answering 400 for a body that is not JSON and 413 (read no further) for one too large. */
export async function readJsonBody(request: Request, maxBytes = DEFAULT_BODY_LIMIT): Promise<unknown> {
  const text = await readBodyText(request, maxBytes);
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
