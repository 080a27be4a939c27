// GET/POST /api/auth/* — better-auth (sign-in, sign-out, session, admin user management).
// Sign-ins get a per-account limit and an audit row; the admin user-management endpoints
// (create-user, set-role, ban-user, …) go through `handleUserAdminRequest`, which validates the
// body, keeps the last active administrator and writes one audit row per request.
import { toNextJsHandler } from "better-auth/next-js";
import { z } from "zod";
import { errorResponse } from "@/lib/api/handler";
import { isSameOriginRequest } from "@/lib/api/origin";
import { UNSTORABLE_TEXT_MESSAGE, bodyHasUnstorableText } from "@/lib/api/unstorable-text";
import { getAuth } from "@/lib/auth/auth";
import { forgetSessions } from "@/lib/auth/session-cache";
import { ACCOUNT_FAILURE_LIMIT, auditSignIn, recentFailures } from "@/lib/auth/sign-in-guard";
import { getDatabase } from "@/lib/db/client";
import { userAdminOperation } from "@/lib/users/admin-operations";
import { handleUserAdminRequest } from "@/lib/api/user-admin-request";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const signInBodySchema = z.object({ email: z.string().trim().toLowerCase().max(320) }).loose();

function handlers() {
  return toNextJsHandler(getAuth());
}

export async function GET(request: Request): Promise<Response> {
  await getDatabase();
  return handlers().GET(request);
}

/** Admin-plugin endpoints Parley does not offer: impersonation would bypass the audit trail. */
const DISABLED_ENDPOINTS = ["/admin/impersonate-user", "/admin/stop-impersonating"];

/**
 * Every change to users and sessions (sign-in, sign-out, user management) is a POST here, so the
 * kept session lookups are dropped when one ends, whatever it answered.
 */
export async function POST(request: Request): Promise<Response> {
  try {
    return await handlePost(request);
  } finally {
    forgetSessions();
  }
}

async function handlePost(request: Request): Promise<Response> {
  // Refuse cross-site posts before anything is audited under the victim's name.
  if (!isSameOriginRequest(request))
    return errorResponse(
      403,
      "forbidden",
      "Cross-site request refused: the Origin header does not match Parley.",
    );
  const db = await getDatabase();
  if (DISABLED_ENDPOINTS.some((endpoint) => new URL(request.url).pathname.endsWith(endpoint)))
    return errorResponse(403, "forbidden", "Impersonation is not available in Parley.");
  // NUL or an unpaired surrogate would fail the audit and user queries below with a 500.
  if (await bodyHasUnstorableText(request))
    return errorResponse(400, "invalid_request", UNSTORABLE_TEXT_MESSAGE);
  const pathname = new URL(request.url).pathname;
  const adminOperation = userAdminOperation(pathname);
  if (adminOperation)
    return handleUserAdminRequest(db, request, adminOperation, (forwarded) => handlers().POST(forwarded));
  if (!pathname.endsWith("/sign-in/email")) return handlers().POST(request);

  let email: string | null = null;
  try {
    const parsed = signInBodySchema.safeParse(await request.clone().json());
    if (parsed.success) email = parsed.data.email;
  } catch {
    email = null;
  }
  if (email && (await recentFailures(db, email)) >= ACCOUNT_FAILURE_LIMIT) {
    await auditSignIn(db, { email, userId: null, succeeded: false, reason: "account temporarily locked" });
    return errorResponse(
      429,
      "rate_limited",
      "Too many failed sign-ins for this account. Try again in 15 minutes.",
      {
        "retry-after": "900",
      },
    );
  }
  const response = await handlers().POST(request);
  if (email) {
    let userId: string | null = null;
    if (response.ok) {
      const body: unknown = await response
        .clone()
        .json()
        .catch(() => null);
      const parsed = z.object({ user: z.object({ id: z.string() }) }).safeParse(body);
      userId = parsed.success ? parsed.data.user.id : null;
    }
    const reason = response.ok
      ? null
      : response.status === 429
        ? "rate limited"
        : `refused (${response.status})`;
    await auditSignIn(db, { email, userId, succeeded: response.ok, reason });
  }
  return response;
}
