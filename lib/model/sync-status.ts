/** What `GET /api/sync` answers: each connection's sync state, freshness and counts. */
import { z } from "zod";
import { providerIdSchema } from "./conversation";

const countSchema = z.object({ indexed: z.number(), known: z.number().nullable() });

export const connectionSyncSchema = z.object({
  connectionId: z.string(),
  connectionName: z.string(),
  provider: providerIdSchema,
  /** `backfilling` until the first full sync (metadata, then transcripts) is done. */
  state: z.enum(["backfilling", "idle", "syncing", "failing"]),
  /** True once the first listing is complete: every conversation is in the list (transcripts may follow). */
  listed: z.boolean(),
  lastSuccessAt: z.string().nullable(),
  /** When the last sync (successful or not) started: a sync asked for now is done once this moves and the state is no longer `syncing`. */
  lastAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  /** Conversations in the index out of those the provider reports (or a full listing found). */
  conversations: countSchema,
  /** Transcripts indexed out of the conversations whose transcripts are kept. */
  transcripts: countSchema,
  /** false: metadata only (no message text kept). */
  indexTranscripts: z.boolean(),
});
export type ConnectionSync = z.infer<typeof connectionSyncSchema>;

export const syncStatusSchema = z.object({
  /** Seconds between incremental syncs (`PARLEY_SYNC_INTERVAL_S`). */
  intervalSeconds: z.number(),
  connections: z.array(connectionSyncSchema),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

/** `POST /api/sync` answers the connections whose sync it queued. */
export const syncQueuedSchema = z.object({ queued: z.array(z.string()) });
