/** The `sync_state` row of a connection: read, saved with a page of rows, and counted. */
import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { syncState, type SyncStateName } from "@/lib/db/schema";
import { readBookmarks, type Bookmarks } from "./bookmarks";
import { queryRows } from "../read/rows";

export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
type Writer = Database | Transaction;

export async function loadState(db: Database, connectionId: string): Promise<Bookmarks> {
  await db.insert(syncState).values({ connectionId }).onConflictDoNothing();
  const rows = await db.select().from(syncState).where(eq(syncState.connectionId, connectionId));
  return readBookmarks(rows[0]?.bookmarks);
}

export async function saveBookmarks(db: Writer, connectionId: string, bookmarks: Bookmarks): Promise<void> {
  await db
    .update(syncState)
    .set({ bookmarks, updatedAt: sql`now()` })
    .where(eq(syncState.connectionId, connectionId));
}

/** `state`, unless the connection is failing: then it stays failing. */
const unlessFailing = (state: SyncStateName) =>
  sql`case when ${syncState.state} = 'failing' then 'failing' else ${state} end`;

export async function setState(
  db: Database,
  connectionId: string,
  change: {
    state: SyncStateName;
    lastError?: string | null;
    success?: boolean;
    /** Leaves a `failing` connection failing (a run that ended without any provider answer). */
    keepFailing?: boolean;
    conversationsKnown?: number | null;
  },
): Promise<void> {
  await db
    .update(syncState)
    .set({
      state: change.keepFailing ? unlessFailing(change.state) : change.state,
      ...(change.lastError !== undefined ? { lastError: change.lastError } : {}),
      ...(change.success ? { lastSuccessAt: sql`now()` } : {}),
      ...(change.conversationsKnown !== undefined ? { conversationsKnown: change.conversationsKnown } : {}),
      updatedAt: sql`now()`,
    })
    .where(eq(syncState.connectionId, connectionId));
}

/**
 * Records that a run starts, in state `running` ("backfilling" or "syncing"). A connection whose
 * last run failed stays `failing` until a run succeeds: "the last sync failed" is still true
 * while the retry is under way, and a notice that flickered off with every attempt would tell the
 * user a failing provider had recovered.
 */
export async function markAttempt(
  db: Database,
  connectionId: string,
  running: Extract<SyncStateName, "backfilling" | "syncing">,
): Promise<void> {
  await db
    .update(syncState)
    .set({
      state: unlessFailing(running),
      lastAttemptAt: sql`now()`,
      updatedAt: sql`now()`,
    })
    .where(eq(syncState.connectionId, connectionId));
}

/** Recounts what the index holds for a connection. */
export async function recount(db: Database, connectionId: string, knownAfterListing: boolean): Promise<void> {
  const [row] = await queryRows<{
    total: string | number;
    transcripts: string | number;
    indexed: string | number;
  }>(
    db,
    sql`select count(*) as total,
      count(*) filter (where transcript_state <> 'skipped') as transcripts,
      count(*) filter (where transcript_state in ('indexed', 'partial')) as indexed
      from indexed_conversations where connection_id = ${connectionId}`,
  );
  const total = Number(row?.total ?? 0);
  await db
    .update(syncState)
    .set({
      conversationsIndexed: total,
      transcriptsKnown: Number(row?.transcripts ?? 0),
      transcriptsIndexed: Number(row?.indexed ?? 0),
      ...(knownAfterListing ? { conversationsKnown: total } : {}),
    })
    .where(eq(syncState.connectionId, connectionId));
}
