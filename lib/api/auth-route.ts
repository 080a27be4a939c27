/**
 * Everything Parley does around better-auth's handler (`app/api/auth/[...all]/route.ts`):
 *
 * - A POST body is read once, up to 64 KB, before anything else (413 beyond, without reading on);
 *   better-auth gets a copy rebuilt from that text, so nothing is buffered or cloned past the limit.
 * - Cross-site POSTs and impersonation are refused; text the database cannot store is a 400.
 * - `/admin/*` goes through the admin gate (role check, audit, last-admin check).
 * - Sign-in goes through the sign-in throttle and audit; one's own password and name changes are
 *   checked and audited.
 * - Session tokens are removed from every JSON answer (the cookie carries the session).
 * - Every POST drops the kept session lookups when it ends, whatever it answered.
 */
import "server-only";
import { toNextJsHandler } from "better-auth/next-js";
import { getAuth } from "@/lib/auth/auth";
import { forgetSessions } from "@/lib/auth/session-cache";
import { getDatabase } from "@/lib/db/client";
import { handleAdminEndpoint } from "./auth-admin-gate";
import { withoutTokens } from "./auth-response";
import { ApiError } from "./errors";
import { errorResponse, toErrorResponse } from "./handler";
import { isSameOriginRequest } from "./origin";
import { handleChangePassword, handleUpdateSelf } from "./own-account";
import { readBodyText } from "./request-body";
import { handleSignIn } from "./sign-in-request";
import { UNSTORABLE_TEXT_MESSAGE, containsUnstorableText } from "./unstorable-text";

export const AUTH_BODY_LIMIT = 64_000;

/** Admin-plugin endpoints Parley does not offer: impersonation would bypass the audit trail. */
const DISABLED_ENDPOINTS = ["/admin/impersonate-user", "/admin/stop-impersonating"];

function betterAuth(request: Request): Promise<Response> {
  return toNextJsHandler(getAuth()).POST(request);
}

function betterAuthGet(request: Request): Promise<Response> {
  return toNextJsHandler(getAuth()).GET(request);
}

function hasUnstorableText(text: string): boolean {
  try {
    return containsUnstorableText(JSON.parse(text));
  } catch {
    return containsUnstorableText(text);
  }
}

export async function handleAuthGet(request: Request): Promise<Response> {
  const db = await getDatabase();
  const pathname = new URL(request.url).pathname;
  const response = pathname.includes("/admin/")
    ? await handleAdminEndpoint(db, request, betterAuthGet)
    : await betterAuthGet(request);
  return withoutTokens(response);
}

export async function handleAuthPost(request: Request): Promise<Response> {
  try {
    return await withoutTokens(await post(request));
  } catch (error) {
    return toErrorResponse(error);
  } finally {
    forgetSessions();
  }
}

async function post(request: Request): Promise<Response> {
  // Refuse cross-site posts before anything is read or audited under the victim's name.
  if (!isSameOriginRequest(request))
    return errorResponse(
      403,
      "forbidden",
      "Cross-site request refused: the Origin header does not match Parley.",
    );
  const text = await readBodyText(request, AUTH_BODY_LIMIT);
  const pathname = new URL(request.url).pathname;
  if (DISABLED_ENDPOINTS.some((endpoint) => pathname.endsWith(endpoint)))
    return errorResponse(403, "forbidden", "Impersonation is not available in Parley.");
  // NUL or an unpaired surrogate would fail the audit and user queries below with a 500.
  if (hasUnstorableText(text)) throw new ApiError(400, "invalid_request", UNSTORABLE_TEXT_MESSAGE);
  const headers = new Headers(request.headers);
  headers.delete("content-length");
  const copy = new Request(request.url, { method: "POST", headers, body: text === "" ? undefined : text });
  const db = await getDatabase();
  if (pathname.includes("/admin/")) return handleAdminEndpoint(db, copy, betterAuth);
  if (pathname.endsWith("/sign-in/email")) return handleSignIn(db, copy, text, betterAuth);
  if (pathname.endsWith("/change-password")) return handleChangePassword(db, copy, text, betterAuth);
  if (pathname.endsWith("/update-user")) return handleUpdateSelf(db, copy, text, betterAuth);
  return betterAuth(copy);
}
