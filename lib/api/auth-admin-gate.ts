/**
 * The gate in front of every better-auth admin endpoint (`/api/auth/admin/*`, GET and POST).
 *
 * better-auth decides admin rights by splitting the stored role on commas, so a user whose role is
 * `admin,staff` (or any list containing `admin`) is an administrator to it, while Parley's session
 * check knows only `admin` and `staff` and sees nobody. Such a "hidden admin" could manage users
 * with no audit row and past the last-admin check. So this gate reads the session itself, not
 * through Parley's role parsing, and:
 * - without a session: better-auth answers (401); anonymous traffic is not audited;
 * - with a session whose role is not exactly `admin` or `staff`: refused with 403 and audited,
 *   whatever the endpoint;
 * - otherwise: user-management writes go through `handleUserAdminRequest` (validation, last-admin
 *   check, one audit row each); other writes (ending one session) are audited here; reads pass.
 */
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { getAuth } from "@/lib/auth/auth";
import { isRole } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/audit-log";
import type { Database } from "@/lib/db/client";
import { userAdminActions, userAdminOperation } from "@/lib/users/admin-operations";
import { errorResponse } from "./handler";
import { handleUserAdminRequest } from "./user-admin-request";

/** Admin endpoints that change something but are not user-management operations Parley wraps. */
const OTHER_WRITES = new Map<string, string>([["revoke-user-session", "user.revoke_session"]]);

function endpointName(pathname: string): string {
  return /\/admin\/([^/]*)\/?$/.exec(pathname)?.[1]?.slice(0, 60) ?? "unknown";
}

export async function handleAdminEndpoint(
  db: Database,
  request: Request,
  passThrough: (request: Request) => Promise<Response>,
): Promise<Response> {
  const pathname = new URL(request.url).pathname;
  const session = await getAuth()
    .api.getSession({ headers: request.headers, query: { disableCookieCache: true } })
    .catch(() => null);
  if (!session) return passThrough(request);
  const name = endpointName(pathname);
  const operation = userAdminOperation(pathname);
  const action = operation
    ? userAdminActions[operation]
    : (OTHER_WRITES.get(name) ?? `user.admin_${name.replace(/-/g, "_")}`);
  const role: unknown = session.user.role;
  if (!isRole(role) || session.user.banned === true) {
    const shown = typeof role === "string" ? role.slice(0, 60) : JSON.stringify(role ?? null);
    await recordAudit(db, {
      actor: { id: session.user.id, email: session.user.email },
      action,
      outcome: "failure",
      error: `refused: the account's role ${JSON.stringify(shown)} is not exactly admin or staff`,
    });
    return errorResponse(
      403,
      "forbidden",
      "Your account's role is not one Parley knows. Ask an administrator to set it to admin or staff.",
    );
  }
  const actor: Actor = { id: session.user.id, email: session.user.email, name: session.user.name, role };
  if (request.method !== "POST") return passThrough(request);
  if (operation) return handleUserAdminRequest(db, request, operation, passThrough, actor);
  const response = await passThrough(request);
  if (OTHER_WRITES.has(name)) {
    await recordAudit(db, {
      actor: { id: actor.id, email: actor.email },
      action,
      outcome: response.ok ? "success" : "failure",
      error: response.ok ? null : `refused (${response.status})`,
    });
  }
  return response;
}
