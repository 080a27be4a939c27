/**
 * Wraps better-auth's admin endpoints for user management. Before better-auth runs, it reads the
 * body with zod (refusing bad input with Parley's `{error}` shape), enforces the password length on
 * user creation (better-auth checks it only on sign-up and password changes) and refuses to demote,
 * deactivate or remove the last active administrator (the database enforces the same rule, so two
 * administrators demoting each other at once cannot both win). After it runs, it writes exactly one audit
 * row per request with the target, its state before and after, and the outcome. Passwords are
 * never recorded.
 *
 * The caller (`auth-admin-gate.ts`) has already checked that the request carries a session whose
 * role is exactly one Parley knows; this runs for every such request, admin or staff.
 */
import "server-only";
import { count, eq } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { errorResponse } from "./handler";
import { recordAudit } from "@/lib/audit/audit-log";
import type { Database } from "@/lib/db/client";
import { session, user } from "@/lib/db/schema";
import {
  adminStandingChange,
  lastAdminRefusal,
  parseUserAdminBody,
  userAdminActions,
  type UserAdminBody,
  type UserAdminOperation,
} from "@/lib/users/admin-operations";
import { weakPasswordProblem } from "@/lib/users/password-rules";
import { isActiveAdmin } from "@/lib/users/roles";

type UserRow = { id: string; email: string; name: string; role: string | null; banned: boolean | null };

async function findUser(db: Database, id: string): Promise<UserRow | null> {
  const rows = await db
    .select({ id: user.id, email: user.email, name: user.name, role: user.role, banned: user.banned })
    .from(user)
    .where(eq(user.id, id))
    .limit(1);
  return rows[0] ?? null;
}

async function activeAdminCount(db: Database): Promise<number> {
  const rows = await db.select({ role: user.role, banned: user.banned }).from(user);
  return rows.filter(isActiveAdmin).length;
}

async function sessionCount(db: Database, userId: string): Promise<number> {
  const rows = await db.select({ value: count() }).from(session).where(eq(session.userId, userId));
  return rows[0]?.value ?? 0;
}

async function readJson(source: Request | Response): Promise<unknown> {
  try {
    return (await source.clone().json()) as unknown;
  } catch {
    return null;
  }
}

/** better-auth answers `{code, message}`; Parley answers `{error: {code, message}}`. */
function errorMessage(body: unknown, status: number): string {
  if (body && typeof body === "object") {
    const record = body as { message?: unknown; code?: unknown; error?: { message?: unknown } };
    if (typeof record.message === "string" && record.message) return record.message;
    if (record.error && typeof record.error.message === "string") return record.error.message;
    if (typeof record.code === "string") return record.code;
  }
  return `refused (${status})`;
}

function createdUserId(body: unknown): string | null {
  if (!body || typeof body !== "object" || !("user" in body)) return null;
  const created = (body as { user: unknown }).user;
  if (!created || typeof created !== "object" || !("id" in created)) return null;
  const id = (created as { id: unknown }).id;
  return typeof id === "string" ? id : null;
}

/** The part of a user's state an operation changes, for the audit row's before and after. */
async function stateFor(db: Database, body: UserAdminBody, target: UserRow | null): Promise<unknown> {
  if (!target) return null;
  switch (body.operation) {
    case "create-user":
    case "remove-user":
      return { email: target.email, name: target.name, role: target.role };
    case "set-role":
      return { email: target.email, role: target.role };
    case "ban-user":
    case "unban-user":
      return { email: target.email, active: target.banned !== true };
    case "revoke-user-sessions":
      return { email: target.email, sessions: await sessionCount(db, target.id) };
    case "update-user": {
      const fields = Object.keys(body.data).filter((key) =>
        ["name", "email", "role", "banned"].includes(key),
      );
      return Object.fromEntries([
        ["email", target.email],
        ...fields.map((key) => [key, target[key as keyof UserRow]]),
      ]);
    }
    case "set-user-password":
      return { email: target.email };
  }
}

/** What a refused request asked for, so the row shows the attempt (never a password). */
function requested(body: UserAdminBody): unknown {
  switch (body.operation) {
    case "create-user":
      return { email: body.email, name: body.name, role: body.role ?? "staff" };
    case "set-role":
      return { role: body.role };
    case "update-user":
      return Object.fromEntries(
        Object.entries(body.data).filter(([key]) => ["name", "email", "role", "banned"].includes(key)),
      );
    default:
      return null;
  }
}

export async function handleUserAdminRequest(
  db: Database,
  request: Request,
  operation: UserAdminOperation,
  passThrough: (request: Request) => Promise<Response>,
  actor: Actor,
): Promise<Response> {
  const action = userAdminActions[operation];
  const audit = (entry: {
    targetId: string | null;
    before: unknown;
    after: unknown;
    ok: boolean;
    error: string | null;
  }) =>
    recordAudit(db, {
      actor: { id: actor.id, email: actor.email },
      action,
      targetId: entry.targetId,
      before: entry.before,
      after: entry.after,
      outcome: entry.ok ? "success" : "failure",
      error: entry.error,
    });

  const parsed = parseUserAdminBody(operation, await readJson(request));
  if (!parsed.ok) {
    // Staff get better-auth's 403 rather than a validation message about a request they may not make.
    if (actor.role !== "admin") {
      const refused = await passThrough(request);
      const answer = await readJson(refused);
      await audit({
        targetId: null,
        before: null,
        after: null,
        ok: refused.ok,
        error: refused.ok ? null : errorMessage(answer, refused.status),
      });
      return refused;
    }
    await audit({ targetId: null, before: null, after: null, ok: false, error: parsed.message });
    return errorResponse(400, "invalid_request", parsed.message);
  }
  const body = parsed.body;
  const targetId = body.operation === "create-user" ? null : body.userId;
  const target = targetId === null ? null : await findUser(db, targetId);
  // A new user has no "before"; a password reset has nothing to show in it (the email is in "after").
  const before =
    body.operation === "create-user" || body.operation === "set-user-password"
      ? null
      : await stateFor(db, body, target);

  // A new password must not be easy to guess for the person it is set for.
  if (actor.role === "admin" && body.operation === "set-user-password" && target) {
    const problem = weakPasswordProblem(body.newPassword, { email: target.email });
    if (problem) {
      await audit({ targetId, before, after: { email: target.email }, ok: false, error: problem });
      return errorResponse(400, "invalid_request", `newPassword: ${problem}`);
    }
  }

  // Only an administrator's request can change anyone's standing; better-auth refuses the rest.
  const change = adminStandingChange(body);
  if (
    actor.role === "admin" &&
    change &&
    target &&
    isActiveAdmin(target) &&
    (await activeAdminCount(db)) <= 1
  ) {
    const message = lastAdminRefusal(change);
    await audit({ targetId, before, after: requested(body), ok: false, error: message });
    return errorResponse(400, "invalid_request", message);
  }

  const response = await passThrough(request);
  const answer = await readJson(response);
  // The check above can race another administrator's change; the database refuses the loser
  // (drizzle/0005_last_admin_guard.sql), and the answer says why rather than better-auth's 500.
  if (!response.ok && change && target && isActiveAdmin(target) && (await activeAdminCount(db)) <= 1) {
    const message = lastAdminRefusal(change);
    await audit({ targetId, before, after: requested(body), ok: false, error: message });
    return errorResponse(409, "conflict", message);
  }
  if (!response.ok) {
    await audit({
      targetId,
      before,
      after: requested(body),
      ok: false,
      error: errorMessage(answer, response.status),
    });
    return response;
  }
  const finalId = targetId ?? createdUserId(answer);
  const after =
    body.operation === "remove-user"
      ? null
      : await stateFor(db, body, finalId ? await findUser(db, finalId) : null);
  await audit({ targetId: finalId, before, after, ok: true, error: null });
  return response;
}
