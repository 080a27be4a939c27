/**
 * Sign-in throttling and the sign-in audit, derived from the audit log (so it holds across
 * instances and needs no table of its own).
 *
 * What counts: only real password failures (`auth.sign_in`, outcome failure, reason
 * `PASSWORD_FAILURE`). Refusals issued by this guard are written as `auth.sign_in_throttled` and
 * never count, so an attacker cannot keep an account shut by knocking while it is throttled. A
 * successful sign-in, or an administrator clearing the account (`user.clear_sign_in_lock`), starts
 * the account's count again.
 *
 * The rules, checked before the password is:
 * - Per address: at most `PARLEY_SIGN_IN_LIMIT_PER_MINUTE` failed sign-ins a minute; successful
 *   ones do not count (an office behind one address signs in freely).
 * - Per account: after `FREE_FAILURES` failures, an address that has itself failed for this
 *   account must wait before its next try, twice as long after each further failure (1 s, 2 s,
 *   4 s … at most 15 minutes). An address that has not failed for the account is not delayed, so
 *   the right password from elsewhere always gets through: nobody can lock anyone else out.
 *
 * Unknown emails are treated exactly like known ones (no enumeration). The claimed email is
 * bounded and recorded as unverified until the password proves it.
 */
import "server-only";
import { and, count, desc, eq, gt, gte, max, or, sql } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/audit-log";
import type { Database } from "@/lib/db/client";
import { auditLog } from "@/lib/db/schema";

export const PASSWORD_FAILURE = "wrong email or password";
export const FREE_FAILURES = 5;
export const MAX_DELAY_MS = 15 * 60_000;
/** Failures older than this no longer count towards an account's delay. */
export const ACCOUNT_WINDOW_MS = 24 * 60 * 60_000;
export const ADDRESS_WINDOW_MS = 60_000;
export const CLEAR_LOCK_ACTION = "user.clear_sign_in_lock";
export const MAX_CLAIMED_EMAIL = 320;

/** How long an account's failed addresses wait after `failures` failures (0 before `FREE_FAILURES`). */
export function delayAfter(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(MAX_DELAY_MS, 1_000 * 2 ** Math.min(failures - FREE_FAILURES, 20));
}

/** The claimed email as recorded: trimmed, lower case, at most 320 characters. */
export function boundedEmail(raw: string): string {
  return raw.trim().toLowerCase().slice(0, MAX_CLAIMED_EMAIL);
}

const passwordFailures = and(
  eq(auditLog.action, "auth.sign_in"),
  eq(auditLog.outcome, "failure"),
  eq(auditLog.error, PASSWORD_FAILURE),
);
const addressOf = sql<string>`${auditLog.after}->>'address'`;

/** The id of the last row that restarted the account's count (a success or a cleared lock). */
async function lastResetId(db: Database, email: string): Promise<number> {
  const rows = await db
    .select({ id: max(auditLog.id) })
    .from(auditLog)
    .where(
      or(
        and(
          eq(auditLog.action, "auth.sign_in"),
          eq(auditLog.outcome, "success"),
          eq(auditLog.actorEmail, email),
        ),
        and(eq(auditLog.action, CLEAR_LOCK_ACTION), sql`${auditLog.after}->>'email' = ${email}`),
      ),
    );
  return rows[0]?.id ?? 0;
}

export interface AccountState {
  failures: number;
  lastFailureAt: Date | null;
  /** When a failed address may try again, or null when nothing is delayed. */
  delayedUntil: Date | null;
}

/** An account's failures since its last reset (within a day), and the delay they impose. */
export async function accountState(db: Database, email: string, now = Date.now()): Promise<AccountState> {
  const since = await lastResetId(db, email);
  const rows = await db
    .select({ failures: count(), last: max(auditLog.createdAt) })
    .from(auditLog)
    .where(
      and(
        passwordFailures,
        eq(auditLog.actorEmail, email),
        gt(auditLog.id, since),
        gte(auditLog.createdAt, new Date(now - ACCOUNT_WINDOW_MS)),
      ),
    );
  const failures = rows[0]?.failures ?? 0;
  const last = rows[0]?.last ?? null;
  const delay = delayAfter(failures);
  const until = last && delay > 0 ? new Date(last.getTime() + delay) : null;
  return { failures, lastFailureAt: last, delayedUntil: until && until.getTime() > now ? until : null };
}

async function addressFailedFor(db: Database, email: string, address: string, now: number): Promise<boolean> {
  const since = await lastResetId(db, email);
  const rows = await db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(
      and(
        passwordFailures,
        eq(auditLog.actorEmail, email),
        gt(auditLog.id, since),
        gte(auditLog.createdAt, new Date(now - ACCOUNT_WINDOW_MS)),
        sql`${addressOf} = ${address}`,
      ),
    )
    .limit(1);
  return rows.length > 0;
}

/** Seconds until the address is under its per-minute limit again, or 0 when it is now. */
async function addressWait(db: Database, address: string, limit: number, now: number): Promise<number> {
  const rows = await db
    .select({ at: auditLog.createdAt })
    .from(auditLog)
    .where(
      and(
        passwordFailures,
        gte(auditLog.createdAt, new Date(now - ADDRESS_WINDOW_MS)),
        sql`${addressOf} = ${address}`,
      ),
    )
    .orderBy(desc(auditLog.createdAt))
    .limit(limit);
  if (rows.length < limit) return 0;
  const oldest = rows.at(-1)?.at.getTime() ?? now;
  return Math.max(1, Math.ceil((oldest + ADDRESS_WINDOW_MS - now) / 1000));
}

export type GuardDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number; reason: string };

/** Whether a sign-in for `email` from `address` may have its password checked now. */
export async function checkSignIn(
  db: Database,
  email: string,
  address: string,
  limitPerMinute: number,
  now = Date.now(),
): Promise<GuardDecision> {
  const addressSeconds = await addressWait(db, address, limitPerMinute, now);
  if (addressSeconds > 0)
    return {
      allowed: false,
      retryAfterSeconds: addressSeconds,
      reason: "too many failed sign-ins from this address",
    };
  const account = await accountState(db, email, now);
  if (account.delayedUntil && (await addressFailedFor(db, email, address, now))) {
    const seconds = Math.max(1, Math.ceil((account.delayedUntil.getTime() - now) / 1000));
    return {
      allowed: false,
      retryAfterSeconds: seconds,
      reason: "too many failed sign-ins for this account",
    };
  }
  return { allowed: true };
}

export type SignInOutcome =
  | { kind: "success"; userId: string }
  | { kind: "password_failure" }
  | { kind: "throttled"; reason: string }
  | { kind: "refused"; reason: string };

/** One audit row per attempt. Only `password_failure` rows count towards the limits above. */
export async function auditSignIn(
  db: Database,
  email: string,
  address: string,
  outcome: SignInOutcome,
): Promise<void> {
  const verified = outcome.kind === "success";
  await recordAudit(db, {
    actor: { id: outcome.kind === "success" ? outcome.userId : null, email },
    action: outcome.kind === "throttled" ? "auth.sign_in_throttled" : "auth.sign_in",
    outcome: verified ? "success" : "failure",
    error:
      outcome.kind === "password_failure"
        ? PASSWORD_FAILURE
        : outcome.kind === "throttled" || outcome.kind === "refused"
          ? outcome.reason
          : null,
    // The email is what the caller typed; it names a person only once the password proved it.
    after: { address, verified },
  });
}
