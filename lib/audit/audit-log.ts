/**
 * The audit log: one row per moderation request, admin action and sign-in, successful or not.
 * Writers call `recordAudit`; readers page with a keyset cursor on the row id (newest first).
 */
import "server-only";
import { and, desc, eq, gte, ilike, lt, lte, type SQL } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { auditLog } from "@/lib/db/schema";
import type { AuditRow } from "./schemas";

export type { AuditRow } from "./schemas";

export type AuditOutcome = "success" | "failure";

export interface AuditEntry {
  actor: { id: string | null; email: string | null };
  action: string;
  connectionId?: string | null;
  connectionName?: string | null;
  conversationId?: string | null;
  targetId?: string | null;
  before?: unknown;
  after?: unknown;
  outcome: AuditOutcome;
  error?: string | null;
}

const entryRow = (entry: AuditEntry) => ({
  actorId: entry.actor.id,
  actorEmail: entry.actor.email,
  action: entry.action,
  connectionId: entry.connectionId ?? null,
  connectionName: entry.connectionName ?? null,
  conversationId: entry.conversationId ?? null,
  targetId: entry.targetId ?? null,
  before: entry.before ?? null,
  after: entry.after ?? null,
  outcome: entry.outcome,
  error: entry.error ?? null,
});

export async function recordAudit(db: Database, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values(entryRow(entry));
}

/** Many rows at once (a bulk change's row per conversation), in chunks; `db` may be a transaction. */
export async function recordAudits(db: Database, entries: readonly AuditEntry[]): Promise<void> {
  for (let start = 0; start < entries.length; start += 500)
    await db.insert(auditLog).values(entries.slice(start, start + 500).map(entryRow));
}

export interface AuditFilters {
  actor?: string;
  action?: string;
  connectionId?: string;
  conversationId?: string;
  outcome?: AuditOutcome;
  from?: string;
  to?: string;
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (character) => `\\${character}`);
}

function conditions(filters: AuditFilters): SQL[] {
  const where: SQL[] = [];
  if (filters.actor) where.push(ilike(auditLog.actorEmail, `%${escapeLike(filters.actor)}%`));
  if (filters.action)
    where.push(
      filters.action.endsWith("*")
        ? ilike(auditLog.action, `${escapeLike(filters.action.slice(0, -1))}%`)
        : eq(auditLog.action, filters.action),
    );
  if (filters.connectionId) where.push(eq(auditLog.connectionId, filters.connectionId));
  // Any part of the id finds it: people paste a prefix, or the part they could read in a URL.
  if (filters.conversationId)
    where.push(ilike(auditLog.conversationId, `%${escapeLike(filters.conversationId)}%`));
  if (filters.outcome) where.push(eq(auditLog.outcome, filters.outcome));
  if (filters.from) where.push(gte(auditLog.createdAt, new Date(filters.from)));
  if (filters.to) where.push(lte(auditLog.createdAt, new Date(filters.to)));
  return where;
}

function toRow(row: typeof auditLog.$inferSelect): AuditRow {
  return { ...row, createdAt: row.createdAt.toISOString() };
}

/** A page of audit rows, newest first; `beforeId` continues after the last row of a previous page. */
export async function listAudit(
  db: Database,
  filters: AuditFilters,
  page: { beforeId?: number; limit: number },
): Promise<{ items: AuditRow[]; nextCursor: string | null }> {
  const where = conditions(filters);
  if (page.beforeId !== undefined) where.push(lt(auditLog.id, page.beforeId));
  const rows = await db
    .select()
    .from(auditLog)
    .where(where.length > 0 ? and(...where) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(page.limit + 1);
  const items = rows.slice(0, page.limit).map(toRow);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > page.limit && last ? String(last.id) : null };
}

/** Every row matching the filters, newest first, up to `max` (CSV export). */
export async function listAllAudit(db: Database, filters: AuditFilters, max = 50_000): Promise<AuditRow[]> {
  const where = conditions(filters);
  const rows = await db
    .select()
    .from(auditLog)
    .where(where.length > 0 ? and(...where) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(max);
  return rows.map(toRow);
}
