/**
 * The better-auth admin endpoints Parley wraps (`POST /api/auth/admin/<name>`): which audit action
 * each one writes, how its JSON body is read (zod; passwords are read only to check their length
 * and never leave this module), and which ones could take away the last active administrator.
 */
import { z } from "zod";
import { weakPasswordProblem } from "./password-rules";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, hasAdminRole } from "./roles";

const userId = z.coerce.string().trim().min(1, "userId is required").max(200);
/**
 * Exactly one of Parley's roles. better-auth would also take a list (`["admin","staff"]`) or a
 * comma-separated string and treat it as admin, while Parley's session check knows no such role:
 * such a user would be an administrator nobody sees. Both are refused.
 */
const ROLE_MESSAGE = "role: must be exactly admin or staff (one role, not a list)";
const role = z.enum(["admin", "staff"], { message: ROLE_MESSAGE });
const password = z
  .string({ message: "password is required" })
  .min(PASSWORD_MIN_LENGTH, `password: at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `password: at most ${PASSWORD_MAX_LENGTH} characters`);

function refuseWeak(
  value: { password: string; email?: string },
  context: z.RefinementCtx,
  field: "password" | "newPassword",
): void {
  const problem = weakPasswordProblem(value.password, { email: value.email });
  if (problem) context.addIssue({ code: "custom", path: [field], message: `${field}: ${problem}` });
}

const createUserBody = z
  .object({
    email: z.string().trim().toLowerCase().min(3, "email is required").max(320),
    name: z.string().trim().min(1, "name is required").max(120, "name: at most 120 characters"),
    role: role.optional(),
    password,
  })
  .loose()
  .superRefine((body, context) => refuseWeak(body, context, "password"));
const setRoleBody = z.object({ userId, role }).loose();
const userIdBody = z.object({ userId }).loose();
const setPasswordBody = z.object({ userId, newPassword: password }).loose();
const updateUserBody = z
  .object({ userId, data: z.record(z.string(), z.unknown()) })
  .loose()
  .superRefine((body, context) => {
    if ("role" in body.data && !role.safeParse(body.data.role).success)
      context.addIssue({ code: "custom", path: ["data", "role"], message: ROLE_MESSAGE });
  });

export type UserAdminBody =
  | { operation: "create-user"; email: string; name: string; role: string | undefined }
  | { operation: "set-role"; userId: string; role: string }
  | { operation: "update-user"; userId: string; data: Record<string, unknown> }
  /** The new password is checked against the target's email in the wrapper; it is never recorded. */
  | { operation: "set-user-password"; userId: string; newPassword: string }
  | {
      operation: "ban-user" | "unban-user" | "revoke-user-sessions" | "remove-user";
      userId: string;
    };

export type UserAdminOperation = UserAdminBody["operation"];

export const userAdminActions: Record<UserAdminOperation, string> = {
  "create-user": "user.create",
  "set-role": "user.set_role",
  "update-user": "user.update",
  "ban-user": "user.deactivate",
  "unban-user": "user.reactivate",
  "set-user-password": "user.reset_password",
  "revoke-user-sessions": "user.revoke_sessions",
  "remove-user": "user.remove",
};

function isOperation(name: string): name is UserAdminOperation {
  return Object.hasOwn(userAdminActions, name);
}

/** The wrapped operation a request path addresses (`…/api/auth/admin/set-role`), or null. */
export function userAdminOperation(pathname: string): UserAdminOperation | null {
  const match = /\/admin\/([a-z-]+)\/?$/.exec(pathname);
  const name = match?.[1];
  return name !== undefined && isOperation(name) ? name : null;
}

export type ParsedUserAdminBody = { ok: true; body: UserAdminBody } | { ok: false; message: string };

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "The request body is not valid.";
  const path = issue.path.map(String).join(".");
  return issue.message.includes(":") || path === "" ? issue.message : `${path}: ${issue.message}`;
}

/** Reads the body of a wrapped operation; a body that does not parse is refused before better-auth. */
export function parseUserAdminBody(operation: UserAdminOperation, raw: unknown): ParsedUserAdminBody {
  switch (operation) {
    case "create-user": {
      const parsed = createUserBody.safeParse(raw);
      if (!parsed.success) return { ok: false, message: firstIssue(parsed.error) };
      return {
        ok: true,
        body: { operation, email: parsed.data.email, name: parsed.data.name, role: parsed.data.role },
      };
    }
    case "set-role": {
      const parsed = setRoleBody.safeParse(raw);
      if (!parsed.success) return { ok: false, message: firstIssue(parsed.error) };
      return { ok: true, body: { operation, userId: parsed.data.userId, role: parsed.data.role } };
    }
    case "update-user": {
      const parsed = updateUserBody.safeParse(raw);
      if (!parsed.success) return { ok: false, message: firstIssue(parsed.error) };
      return { ok: true, body: { operation, userId: parsed.data.userId, data: parsed.data.data } };
    }
    case "set-user-password": {
      const parsed = setPasswordBody.safeParse(raw);
      if (!parsed.success) return { ok: false, message: firstIssue(parsed.error) };
      return {
        ok: true,
        body: { operation, userId: parsed.data.userId, newPassword: parsed.data.newPassword },
      };
    }
    default: {
      const parsed = userIdBody.safeParse(raw);
      if (!parsed.success) return { ok: false, message: firstIssue(parsed.error) };
      return { ok: true, body: { operation, userId: parsed.data.userId } };
    }
  }
}

/**
 * What the request would do to an administrator's standing, so the last active one can be kept:
 * "demote", "deactivate", "remove", or null when it leaves them an active administrator.
 */
export function adminStandingChange(body: UserAdminBody): "demote" | "deactivate" | "remove" | null {
  switch (body.operation) {
    case "set-role":
      return hasAdminRole(body.role) ? null : "demote";
    case "ban-user":
      return "deactivate";
    case "remove-user":
      return "remove";
    case "update-user": {
      if (body.data.banned === true) return "deactivate";
      const newRole = body.data.role;
      if (newRole === undefined) return null;
      return newRole === "admin" ? null : "demote";
    }
    default:
      return null;
  }
}

const refusals: Record<"demote" | "deactivate" | "remove", string> = {
  demote:
    "This is the last administrator: Parley needs at least one active administrator, so their role cannot change. Make another user an administrator first.",
  deactivate:
    "This is the last administrator: Parley needs at least one active administrator, so they cannot be deactivated. Make another user an administrator first.",
  remove:
    "This is the last administrator: Parley needs at least one active administrator, so they cannot be removed. Make another user an administrator first.",
};

export function lastAdminRefusal(change: "demote" | "deactivate" | "remove"): string {
  return refusals[change];
}
