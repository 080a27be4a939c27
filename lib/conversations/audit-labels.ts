/**
 * Names for the audit log's ids, so people read "Ada Admin archived “Refund for double charge”"
 * rather than two UUIDs. Added to a page of audit rows when it is read, never stored in them:
 * - the actor's current name, from the users table (rows keep the email they were written with);
 * - the conversation's title: Parley's own (a rename in the overlay), else what its provider
 *   calls it (title, else the start of its preview), looked up through the connection with the
 *   background budget (interactive lists go first), kept a while in the connection's memo, and
 *   given up after `LOOKUP_BUDGET_MS`: a row whose title is not known in time shows its id.
 */
import "server-only";
import { and, eq, inArray, or } from "drizzle-orm";
import type { AuditRow } from "@/lib/audit/audit-log";
import type { ConnectionHandle } from "@/lib/connections/connection-handle";
import { selectHandles } from "@/lib/connections/runtime";
import { user } from "@/lib/db/auth-schema";
import type { Database } from "@/lib/db/client";
import { moderationOverlay } from "@/lib/db/schema";
import { isProviderError } from "@/lib/model/errors";

export interface LabelledAuditRow extends AuditRow {
  actorName: string | null;
  conversationTitle: string | null;
}

/** How long a page of the audit log waits for provider titles. */
const LOOKUP_BUDGET_MS = 2_000;
const LOOKUPS_IN_FLIGHT = 4;
/** Titles change rarely; the audit log is read often while someone investigates. */
const TITLE_MEMO_MS = 5 * 60_000;
const PREVIEW_AS_TITLE_CHARS = 80;

const pairKey = (connectionId: string, conversationId: string) => `${connectionId}\u0000${conversationId}`;

async function actorNames(db: Database, rows: readonly AuditRow[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.flatMap((row) => (row.actorId ? [row.actorId] : [])))];
  if (ids.length === 0) return new Map();
  const found = await db.select({ id: user.id, name: user.name }).from(user).where(inArray(user.id, ids));
  return new Map(found.map((row) => [row.id, row.name]));
}

async function overlayTitles(
  db: Database,
  pairs: readonly { connectionId: string; conversationId: string }[],
): Promise<Map<string, string>> {
  if (pairs.length === 0) return new Map();
  const found = await db
    .select({
      connectionId: moderationOverlay.connectionId,
      conversationId: moderationOverlay.conversationId,
      title: moderationOverlay.title,
    })
    .from(moderationOverlay)
    .where(
      or(
        ...pairs.map((pair) =>
          and(
            eq(moderationOverlay.connectionId, pair.connectionId),
            eq(moderationOverlay.conversationId, pair.conversationId),
          ),
        ),
      ),
    );
  return new Map(
    found.flatMap((row) =>
      row.title ? [[pairKey(row.connectionId, row.conversationId), row.title] as const] : [],
    ),
  );
}

/** The provider's name for a conversation, or null (gone, unreachable, untitled). */
async function providerTitle(handle: ConnectionHandle, conversationId: string): Promise<string | null> {
  const context = handle.background;
  try {
    // A failed lookup is not kept: the next read of the log asks again.
    return await context.memo.get(`audit-title:${conversationId}`, TITLE_MEMO_MS, async () => {
      const conversation = await handle.adapter.getConversation(context, conversationId);
      const title = conversation.title?.trim();
      if (title) return title;
      const preview = conversation.preview?.replace(/\s+/g, " ").trim();
      return preview ? preview.slice(0, PREVIEW_AS_TITLE_CHARS) : null;
    });
  } catch (error) {
    if (isProviderError(error)) return null;
    throw error;
  }
}

async function providerTitles(
  db: Database,
  pairs: readonly { connectionId: string; conversationId: string }[],
): Promise<Map<string, string>> {
  const titles = new Map<string, string>();
  if (pairs.length === 0) return titles;
  const handles = new Map(
    (await selectHandles(db, []).catch(() => [] as ConnectionHandle[])).map((handle) => [handle.id, handle]),
  );
  const queue = pairs.filter((pair) => handles.has(pair.connectionId));
  const worker = async () => {
    for (let pair = queue.shift(); pair; pair = queue.shift()) {
      const handle = handles.get(pair.connectionId);
      const title = handle ? await providerTitle(handle, pair.conversationId) : null;
      if (title) titles.set(pairKey(pair.connectionId, pair.conversationId), title);
    }
  };
  const work = Promise.all(Array.from({ length: LOOKUPS_IN_FLIGHT }, worker));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, LOOKUP_BUDGET_MS);
  });
  await Promise.race([work.catch(() => undefined), deadline]);
  clearTimeout(timer);
  // Lookups still running finish into the memo, for the next read; this page answers now.
  queue.length = 0;
  return new Map(titles);
}

export async function labelAuditRows(db: Database, rows: readonly AuditRow[]): Promise<LabelledAuditRow[]> {
  const pairs = new Map<string, { connectionId: string; conversationId: string }>();
  for (const row of rows)
    if (row.connectionId && row.conversationId)
      pairs.set(pairKey(row.connectionId, row.conversationId), {
        connectionId: row.connectionId,
        conversationId: row.conversationId,
      });
  const [names, renamed] = await Promise.all([actorNames(db, rows), overlayTitles(db, [...pairs.values()])]);
  const others = [...pairs.entries()].filter(([key]) => !renamed.has(key)).map(([, pair]) => pair);
  const fromProviders = await providerTitles(db, others);
  return rows.map((row) => {
    const key = row.connectionId && row.conversationId ? pairKey(row.connectionId, row.conversationId) : null;
    return {
      ...row,
      actorName: row.actorId ? (names.get(row.actorId) ?? null) : null,
      conversationTitle: key ? (renamed.get(key) ?? fromProviders.get(key) ?? null) : null,
    };
  });
}
