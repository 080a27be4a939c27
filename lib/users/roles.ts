/**
 * Rules about users that the browser and the server share: who counts as an active administrator
 * (so the last one can neither lose the role nor be deactivated or removed) and what an
 * acceptable password is. Pure functions, no imports from the server.
 */
import { weakPasswordProblem } from "./password-rules";

/** better-auth stores roles as one string, comma-separated when a user has several. */
export function rolesOf(role: string | null | undefined): string[] {
  return (role ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

export function hasAdminRole(role: string | null | undefined): boolean {
  return rolesOf(role).includes("admin");
}

/** An administrator who can sign in: has the admin role and is not deactivated (banned). */
export function isActiveAdmin(user: { role?: string | null; banned?: boolean | null }): boolean {
  return hasAdminRole(user.role) && user.banned !== true;
}

/** True when `userId` is the only active administrator among `users`. */
export function isLastActiveAdmin(
  users: readonly { id: string; role?: string | null; banned?: boolean | null }[],
  userId: string,
): boolean {
  const admins = users.filter(isActiveAdmin);
  return admins.length === 1 && admins[0]?.id === userId;
}

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

/**
 * Why a new password is not acceptable, or null when it is: its length, then whether it is too
 * easy to guess (common, a keyboard run, containing the email; see `password-rules.ts`).
 */
export function passwordProblem(password: string, context: { email?: string | null } = {}): string | null {
  if (password.length < PASSWORD_MIN_LENGTH)
    return `The password needs at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (password.length > PASSWORD_MAX_LENGTH)
    return `The password can have at most ${PASSWORD_MAX_LENGTH} characters.`;
  return weakPasswordProblem(password, context);
}

const PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** A random 16-character password without look-alike characters (0/O, 1/l/I), for the admin to pass on. */
export function generatePassword(length = 16): string {
  const bytes = new Uint32Array(length);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (value) => PASSWORD_ALPHABET[value % PASSWORD_ALPHABET.length]).join("");
}
