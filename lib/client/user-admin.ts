/**
 * The browser's user administration: thin calls to better-auth's admin endpoints through
 * `authClient.admin`, each answering its data or throwing an `ApiRequestError` whose message is
 * fit to show. The server wrapper (`handle-user-admin-request.ts`) validates, keeps the last
 * administrator and audits every call.
 */
import "client-only";
import { ApiRequestError } from "@/lib/client/api-client";
import { authClient } from "@/lib/client/auth-client";
import type { Role } from "@/lib/auth/permissions";

export interface ManagedUser {
  id: string;
  name: string;
  email: string;
  role: string | null;
  banned: boolean;
  banReason: string | null;
  createdAt: string;
}

export const userKeys = {
  all: ["users"] as const,
  list: () => [...userKeys.all, "list"] as const,
};

type AuthResult<T> = { data: T; error: null } | { data: null; error: AuthFailure };
interface AuthFailure {
  status: number;
  statusText?: string;
  code?: string;
  message?: string;
  /** Parley's own refusals (last administrator, bad input) nest the message here. */
  error?: { code?: string; message?: string };
}

/** Answers the data, or throws with the most helpful message either error shape carries. */
async function unwrap<T>(call: Promise<AuthResult<T>>): Promise<T> {
  const result = await call;
  if (result.error === null) return result.data;
  const failure = result.error;
  const message =
    failure.error?.message ??
    failure.message ??
    failure.statusText ??
    `The server answered ${failure.status}.`;
  const code = failure.error?.code ?? failure.code ?? "http_error";
  throw new ApiRequestError(failure.status, code, message);
}

function toIso(value: Date | string): string {
  return value instanceof Date ? value.toISOString() : value;
}

export async function listUsers(): Promise<ManagedUser[]> {
  const data = await unwrap(
    authClient.admin.listUsers({ query: { limit: 1000, sortBy: "createdAt", sortDirection: "asc" } }),
  );
  return (data?.users ?? []).map((user) => ({
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role ?? null,
    banned: user.banned === true,
    banReason: user.banReason ?? null,
    createdAt: toIso(user.createdAt),
  }));
}

export async function createUser(input: { name: string; email: string; role: Role; password: string }) {
  await unwrap(authClient.admin.createUser(input));
}

export async function setUserRole(userId: string, role: Role) {
  await unwrap(authClient.admin.setRole({ userId, role }));
}

/** Deactivates: better-auth's ban, which also ends every session of the user at once. */
export async function deactivateUser(userId: string) {
  await unwrap(authClient.admin.banUser({ userId, banReason: "Deactivated by an administrator" }));
}

export async function reactivateUser(userId: string) {
  await unwrap(authClient.admin.unbanUser({ userId }));
}

export async function resetUserPassword(userId: string, newPassword: string) {
  await unwrap(authClient.admin.setUserPassword({ userId, newPassword }));
}

export async function endUserSessions(userId: string) {
  await unwrap(authClient.admin.revokeUserSessions({ userId }));
}

export async function removeUser(userId: string) {
  await unwrap(authClient.admin.removeUser({ userId }));
}
