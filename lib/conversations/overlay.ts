/**
 * Parley's moderation overlay: flags the provider cannot hold (important and archived outside
 * Chatling, titles outside Zaia, trash everywhere). Reads merge it with the provider's native
 * flags and say where each flag lives.
 */
import "server-only";
import { connectionRemovals } from "@/lib/connections/repository";
import { processState } from "@/lib/process-state";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { isSingleProcess } from "@/lib/db/single-process";
import { moderationOverlay } from "@/lib/db/schema";
import type { ProviderConversation, ProviderConversationDetail } from "@/lib/providers/contract";
import type { ConnectionHandle } from "@/lib/connections/connection-handle";
import type { Conversation, ConversationDetail, FlagHomes } from "@/lib/model/conversation";

export type OverlayRow = typeof moderationOverlay.$inferSelect;

/**
 * Overlay rows kept per connection on a database only this process writes (PGlite), including
 * "no row" answers, so a list page does not query the overlay for rows it has already seen. Every
 * write here drops what it changes; a read in flight during a write is not kept (the connection's
 * generation moved). On PostgreSQL, which other instances write, every read queries.
 */
interface KeptOverlay {
  generation: number;
  rows: Map<string, OverlayRow | null>;
}
interface KeptForDatabase {
  /** `connectionRemovals(db)` when these rows were kept: a removal drops them all. */
  removals: number;
  byConnection: Map<string, KeptOverlay>;
}
const MAX_KEPT_PER_CONNECTION = 50_000;
const keptOverlays = processState("overlays", () => new WeakMap<Database, KeptForDatabase>());

function keptFor(db: Database, connectionId: string): KeptOverlay | null {
  if (!isSingleProcess(db)) return null;
  const removals = connectionRemovals(db);
  let kept = keptOverlays.get(db);
  if (!kept || kept.removals !== removals) {
    // A read in flight for a removed connection must not be kept: move every generation on.
    for (const overlay of kept?.byConnection.values() ?? []) overlay.generation += 1;
    kept = { removals, byConnection: new Map() };
    keptOverlays.set(db, kept);
  }
  let overlay = kept.byConnection.get(connectionId);
  if (!overlay) {
    overlay = { generation: 0, rows: new Map() };
    kept.byConnection.set(connectionId, overlay);
  }
  return overlay;
}

export async function getOverlayRows(
  db: Database,
  connectionId: string,
  conversationIds: readonly string[],
): Promise<Map<string, OverlayRow>> {
  if (conversationIds.length === 0) return new Map();
  const kept = keptFor(db, connectionId);
  if (!kept) return new Map((await queryOverlayRows(db, connectionId, conversationIds)).map(byConversation));
  const found = new Map<string, OverlayRow>();
  const missing: string[] = [];
  for (const id of conversationIds) {
    const row = kept.rows.get(id);
    if (row === undefined) missing.push(id);
    else if (row !== null) found.set(id, row);
  }
  if (missing.length === 0) return found;
  const generation = kept.generation;
  const rows = await queryOverlayRows(db, connectionId, missing);
  const read = new Map(rows.map(byConversation));
  const keep = kept.generation === generation;
  if (keep && kept.rows.size + missing.length > MAX_KEPT_PER_CONNECTION) kept.rows.clear();
  for (const id of missing) {
    const row = read.get(id);
    if (row) found.set(id, row);
    if (keep) kept.rows.set(id, row ?? null);
  }
  return found;
}

const byConversation = (row: OverlayRow): [string, OverlayRow] => [row.conversationId, row];

async function queryOverlayRows(
  db: Database,
  connectionId: string,
  conversationIds: readonly string[],
): Promise<OverlayRow[]> {
  return db
    .select()
    .from(moderationOverlay)
    .where(
      and(
        eq(moderationOverlay.connectionId, connectionId),
        inArray(moderationOverlay.conversationId, [...conversationIds]),
      ),
    );
}

export async function getOverlayRow(
  db: Database,
  connectionId: string,
  conversationId: string,
): Promise<OverlayRow | undefined> {
  return (await getOverlayRows(db, connectionId, [conversationId])).get(conversationId);
}

/** Conversation ids with an overlay flag set, most recently changed first (or oldest first). */
export async function listOverlayIds(
  db: Database,
  connectionId: string,
  flag: "important" | "archived" | "trashed",
  order: "recent" | "oldest",
  max = 2_000,
): Promise<string[]> {
  const column = moderationOverlay[flag];
  const rows = await db
    .select({ id: moderationOverlay.conversationId })
    .from(moderationOverlay)
    .where(and(eq(moderationOverlay.connectionId, connectionId), eq(column, true)))
    .orderBy(
      order === "recent" ? desc(moderationOverlay.updatedAt) : asc(moderationOverlay.updatedAt),
      asc(moderationOverlay.conversationId),
    )
    .limit(max);
  return rows.map((row) => row.id);
}

export type OverlayChange = Partial<
  Pick<OverlayRow, "important" | "archived" | "title" | "trashed" | "deletedAtProvider">
>;

/** Inserts or updates one overlay row; `trashedAt` follows `trashed`. */
export async function upsertOverlay(
  db: Database,
  key: { connectionId: string; conversationId: string },
  change: OverlayChange,
  actorId: string,
): Promise<void> {
  const now = new Date();
  const values: typeof moderationOverlay.$inferInsert = {
    connectionId: key.connectionId,
    conversationId: key.conversationId,
    ...change,
    updatedBy: actorId,
    updatedAt: now,
  };
  if (change.trashed !== undefined) values.trashedAt = change.trashed ? now : null;
  const { connectionId: _connectionId, conversationId: _conversationId, ...update } = values;
  const kept = keptFor(db, key.connectionId);
  try {
    await db
      .insert(moderationOverlay)
      .values(values)
      .onConflictDoUpdate({
        target: [moderationOverlay.connectionId, moderationOverlay.conversationId],
        set: { ...update, updatedAt: sql`now()` },
      });
  } finally {
    if (kept) {
      kept.generation += 1;
      kept.rows.delete(key.conversationId);
    }
  }
}

export function flagHomesFor(handle: ConnectionHandle): FlagHomes {
  const native = handle.adapter.capabilities.moderation;
  return {
    important: native.important ? "provider" : "parley",
    archived: native.archived ? "provider" : "parley",
    title: native.title ? "provider" : "parley",
    trashed: "parley",
  };
}

/** Merges the provider's view of a conversation with Parley's overlay. */
export function toConversation(
  handle: ConnectionHandle,
  row: ProviderConversation,
  overlay: OverlayRow | undefined,
): Conversation {
  const homes = flagHomesFor(handle);
  const important =
    homes.important === "provider" ? (row.native.important ?? false) : (overlay?.important ?? false);
  const archived =
    homes.archived === "provider" ? (row.native.archived ?? false) : (overlay?.archived ?? false);
  const title = homes.title === "provider" ? row.title : (overlay?.title ?? row.title);
  return {
    connectionId: handle.id,
    connectionName: handle.name,
    provider: handle.provider,
    id: row.id,
    title,
    providerTitle: row.title,
    preview: row.preview,
    channel: row.channel,
    responder: row.responder,
    version: row.version,
    owner: row.owner,
    status: row.status,
    createdAt: row.createdAt,
    lastActivityAt: row.lastActivityAt,
    messageCount: row.messageCount,
    cost: row.cost,
    flags: {
      important,
      archived,
      trashed: overlay?.trashed ?? false,
      removedAtProvider: row.native.removed || (overlay?.deletedAtProvider ?? false),
    },
    flagHomes: homes,
  };
}

export function toConversationDetail(
  handle: ConnectionHandle,
  row: ProviderConversationDetail,
  overlay: OverlayRow | undefined,
): ConversationDetail {
  return {
    ...toConversation(handle, row, overlay),
    deleteAtProvider: handle.adapter.capabilities.moderation.deleteAtProvider,
    costBreakdown: row.costBreakdown,
    extras: row.extras,
  };
}

type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

/**
 * Sets one flag on many conversations of one connection inside the caller's transaction (bulk
 * jobs: every overlay change of a job in one transaction). `db` names the database whose kept
 * rows are dropped.
 */
export async function upsertOverlayRows(
  db: Database,
  tx: Transaction,
  connectionId: string,
  conversationIds: readonly string[],
  change: Pick<OverlayChange, "important" | "archived" | "trashed">,
  actorId: string,
): Promise<void> {
  const now = new Date();
  const { trashed } = change;
  const trash = trashed === undefined ? {} : { trashedAt: trashed ? now : null };
  const kept = keptFor(db, connectionId);
  try {
    for (let start = 0; start < conversationIds.length; start += 500)
      await tx
        .insert(moderationOverlay)
        .values(
          conversationIds.slice(start, start + 500).map((conversationId) => ({
            connectionId,
            conversationId,
            ...change,
            ...trash,
            updatedBy: actorId,
            updatedAt: now,
          })),
        )
        .onConflictDoUpdate({
          target: [moderationOverlay.connectionId, moderationOverlay.conversationId],
          set: { ...change, ...trash, updatedBy: actorId, updatedAt: sql`now()` },
        });
  } finally {
    if (kept) {
      kept.generation += 1;
      for (const id of conversationIds) kept.rows.delete(id);
    }
  }
}
