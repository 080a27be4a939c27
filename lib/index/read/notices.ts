/**
 * What the list and facets say about each selected connection's index: still backfilling (rows may
 * be missing), failing (rows are those of the last successful sync, which stay listed), or, for a
 * search, metadata only (its transcripts are not indexed, so message text was not searched).
 */
import "server-only";
import { inArray } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { connections as connectionsTable, syncState } from "@/lib/db/schema";
import { providerLabels } from "@/lib/model/constants";
import type { Notice } from "@/lib/model/conversation";
import type { RowConnection } from "../store/conversation-rows";
import { readBookmarks } from "../sync/bookmarks";

export interface IndexStatus {
  state: "backfilling" | "idle" | "syncing" | "failing";
  /** The first listing is complete (every conversation is indexed; transcripts may follow). */
  listed: boolean;
  lastSuccessAt: string | null;
  lastAttemptAt: string | null;
  lastError: string | null;
  transcriptsIndexed: number;
  transcriptsKnown: number;
  conversationsIndexed: number;
  conversationsKnown: number | null;
  indexTranscripts: boolean;
}

const isoOf = (value: string | Date | null): string | null =>
  value === null ? null : new Date(value).toISOString();

/** Each connection's sync state (a connection never synced is `backfilling`). */
export async function indexStatuses(
  db: Database,
  connectionIds: readonly string[],
): Promise<Map<string, IndexStatus>> {
  if (connectionIds.length === 0) return new Map();
  const [states, switches] = await Promise.all([
    db
      .select()
      .from(syncState)
      .where(inArray(syncState.connectionId, [...connectionIds])),
    db
      .select({ id: connectionsTable.id, indexTranscripts: connectionsTable.indexTranscripts })
      .from(connectionsTable)
      .where(inArray(connectionsTable.id, [...connectionIds])),
  ]);
  const stateOf = new Map(states.map((row) => [row.connectionId, row]));
  const switchOf = new Map(switches.map((row) => [row.id, row.indexTranscripts]));
  return new Map(
    connectionIds.map((id) => {
      const row = stateOf.get(id);
      return [
        id,
        {
          state: row?.state ?? "backfilling",
          listed: readBookmarks(row?.bookmarks).backfill?.done === true,
          lastSuccessAt: isoOf(row?.lastSuccessAt ?? null),
          lastAttemptAt: isoOf(row?.lastAttemptAt ?? null),
          lastError: row?.lastError ?? null,
          transcriptsIndexed: row?.transcriptsIndexed ?? 0,
          transcriptsKnown: row?.transcriptsKnown ?? 0,
          conversationsIndexed: row?.conversationsIndexed ?? 0,
          conversationsKnown: row?.conversationsKnown ?? null,
          indexTranscripts: switchOf.get(id) ?? true,
        },
      ];
    }),
  );
}

const count = (value: number) => value.toLocaleString("en-US");

export function noticesFor(
  connections: readonly RowConnection[],
  statuses: ReadonlyMap<string, IndexStatus>,
  options: { searched: boolean },
): Notice[] {
  const notices: Notice[] = [];
  for (const connection of connections) {
    const status = statuses.get(connection.id);
    if (!status) continue;
    const base = {
      connectionId: connection.id,
      connectionName: connection.name,
      provider: connection.provider,
      syncedAt: status.lastSuccessAt,
    };
    // Messages do not repeat the connection's name (the notice carries it) nor print times: the
    // console writes `syncedAt` as a relative time (`components/conversations/list/list-notices.tsx`).
    if (status.state === "failing")
      notices.push({
        ...base,
        kind: "failing",
        code: null,
        message: `The last sync of ${providerLabels[connection.provider]} failed (${status.lastError ?? "unknown error"}); ${
          status.lastSuccessAt
            ? "its conversations stay listed as of its last successful sync."
            : "no sync has completed yet."
        }`,
      });
    else if (status.state === "backfilling")
      notices.push({
        ...base,
        kind: "backfilling",
        code: null,
        message: status.indexTranscripts
          ? `First sync in progress — ${count(status.conversationsIndexed)} conversations and ${count(status.transcriptsIndexed)} of ${count(status.transcriptsKnown)} transcripts indexed so far; the list may be incomplete.`
          : `First sync in progress — ${count(status.conversationsIndexed)} conversations indexed so far; the list may be incomplete.`,
      });
    if (options.searched && !status.indexTranscripts)
      notices.push({
        ...base,
        kind: "metadata_only",
        code: null,
        message: `This connection keeps metadata only: the search covered its titles, contacts and responders, not its messages.`,
      });
  }
  return notices;
}

export async function connectionNotices(
  db: Database,
  connections: readonly RowConnection[],
  options: { searched: boolean },
): Promise<Notice[]> {
  const statuses = await indexStatuses(
    db,
    connections.map((connection) => connection.id),
  );
  return noticesFor(connections, statuses, options);
}
