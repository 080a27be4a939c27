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

export async function setState(
  db: Database,
  connectionId: string,
  change: {
    state: SyncStateName;
    lastError?: string | null;
    success?: boolean;
    attempt?: boolean;
    conversationsKnown?: number | null;
  },
): Promise<void> {
  await db
    .update(syncState)
    .set({
      state: change.state,
      ...(change.lastError !== undefined ? { lastError: change.lastError } : {}),
      ...(change.success ? { lastSuccessAt: sql`now()` } : {}),
      ...(change.attempt ? { lastAttemptAt: sql`now()` } : {}),
      ...(change.conversationsKnown !== undefined ? { conversationsKnown: change.conversationsKnown } : {}),
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
