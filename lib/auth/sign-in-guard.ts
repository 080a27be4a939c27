/**
 * Per-account sign-in limit and sign-in audit. better-auth limits sign-ins per address; this adds
 * a limit per account (failed attempts in the audit log, so it holds across instances) and writes
 * one audit row per attempt. Unknown users and wrong passwords get the same answer.
 */
import "server-only";
import { and, count, eq, gte } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/audit-log";
import type { Database } from "@/lib/db/client";
import { auditLog } from "@/lib/db/schema";

export const ACCOUNT_FAILURE_LIMIT = 8;
export const ACCOUNT_WINDOW_MS = 15 * 60_000;

export async function recentFailures(db: Database, email: string): Promise<number> {
  const since = new Date(Date.now() - ACCOUNT_WINDOW_MS);
  const rows = await db
    .select({ value: count() })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.action, "auth.sign_in"),
        eq(auditLog.outcome, "failure"),
        eq(auditLog.actorEmail, email),
        gte(auditLog.createdAt, since),
      ),
    );
  return rows[0]?.value ?? 0;
}

export async function auditSignIn(
  db: Database,
  attempt: { email: string; userId: string | null; succeeded: boolean; reason: string | null },
): Promise<void> {
  await recordAudit(db, {
    actor: { id: attempt.userId, email: attempt.email },
    action: "auth.sign_in",
    outcome: attempt.succeeded ? "success" : "failure",
    error: attempt.reason,
  });
}
