/**
 * Sign-in delays as administrators see them on the Users page, and clearing one. The state is
 * derived from the audit log (`lib/auth/sign-in-guard.ts`); clearing writes the audit row that
 * starts the account's count again, so it holds on every instance.
 */
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { CLEAR_LOCK_ACTION, accountState, boundedEmail } from "@/lib/auth/sign-in-guard";
import { recordAudit } from "@/lib/audit/audit-log";
import type { Database } from "@/lib/db/client";
import { user } from "@/lib/db/schema";

export interface SignInLock {
  userId: string;
  email: string;
  /** Password failures since the last successful sign-in or clearing, within a day. */
  failures: number;
  lastFailureAt: string | null;
  /** Until when addresses that failed for this account must wait, or null. */
  delayedUntil: string | null;
}

/** Every user with at least one counted failure. */
export async function listSignInLocks(db: Database): Promise<SignInLock[]> {
  const users = await db.select({ id: user.id, email: user.email }).from(user);
  const locks: SignInLock[] = [];
  for (const entry of users) {
    const state = await accountState(db, entry.email);
    if (state.failures === 0) continue;
    locks.push({
      userId: entry.id,
      email: entry.email,
      failures: state.failures,
      lastFailureAt: state.lastFailureAt?.toISOString() ?? null,
      delayedUntil: state.delayedUntil?.toISOString() ?? null,
    });
  }
  return locks;
}

/** Starts the account's count again (any email, so a typo'd or unknown one can be cleared too). */
export async function clearSignInLock(db: Database, actor: Actor, rawEmail: string): Promise<void> {
  const email = boundedEmail(rawEmail);
  const before = await accountState(db, email);
  const target = (await db.select({ id: user.id, email: user.email }).from(user)).find(
    (row) => row.email === email,
  );
  await recordAudit(db, {
    actor: { id: actor.id, email: actor.email },
    action: CLEAR_LOCK_ACTION,
    targetId: target?.id ?? null,
    before: { failures: before.failures, delayedUntil: before.delayedUntil?.toISOString() ?? null },
    after: { email },
    outcome: "success",
  });
}
