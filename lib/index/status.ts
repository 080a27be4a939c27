/** What `GET /api/sync` answers: each connection's sync state, freshness and counts. */
import "server-only";
import { selectHandles } from "@/lib/connections/runtime";
import type { Database } from "@/lib/db/client";
import type { SyncStatus } from "@/lib/model/sync-status";
import { indexStatuses } from "./read/notices";

export async function syncStatus(db: Database, intervalSeconds: number): Promise<SyncStatus> {
  const handles = await selectHandles(db, []);
  const statuses = await indexStatuses(
    db,
    handles.map((handle) => handle.id),
  );
  return {
    intervalSeconds,
    connections: handles.map((handle) => {
      const status = statuses.get(handle.id);
      return {
        connectionId: handle.id,
        connectionName: handle.name,
        provider: handle.provider,
        state: status?.state ?? "backfilling",
        listed: status?.listed ?? false,
        lastSuccessAt: status?.lastSuccessAt ?? null,
        lastAttemptAt: status?.lastAttemptAt ?? null,
        lastError: status?.lastError ?? null,
        conversations: {
          indexed: status?.conversationsIndexed ?? 0,
          known: status?.conversationsKnown ?? null,
        },
        transcripts: { indexed: status?.transcriptsIndexed ?? 0, known: status?.transcriptsKnown ?? 0 },
        indexTranscripts: status?.indexTranscripts ?? true,
      };
    }),
  };
}
