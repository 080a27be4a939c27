/**
 * Stored provider connections. Keys are encrypted here and decrypted only when an adapter call
 * needs them; `toView` is the only shape that leaves the server.
 */
import "server-only";
import { processState } from "@/lib/process-state";
import { randomUUID } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import { getConfig } from "@/lib/config";
import type { ProviderId } from "@/lib/model/conversation";
import { providerIdSchema } from "@/lib/model/conversation";
import type { Database } from "@/lib/db/client";
import { connections } from "@/lib/db/schema";
import { isSingleProcess } from "@/lib/db/single-process";
import { decryptSecret, encryptSecret, keyHint } from "@/lib/security/key-encryption";
import type { ConnectionView } from "./schemas";

export type ConnectionRow = typeof connections.$inferSelect;

/** A connection with its decrypted key, for adapter calls only. Never serialise it. */
export interface ConnectionWithKey {
  id: string;
  provider: ProviderId;
  name: string;
  baseUrl: string;
  apiKey: string;
}

export function toView(row: ConnectionRow): ConnectionView {
  return {
    id: row.id,
    provider: providerIdSchema.parse(row.provider),
    name: row.name,
    baseUrl: row.baseUrl,
    keyHint: row.keyHint,
    lastError: row.lastError,
    lastCheckedAt: row.lastCheckedAt?.toISOString() ?? null,
    indexTranscripts: row.indexTranscripts,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * Every request reads the connection rows. On a database only this process writes (PGlite), the
 * rows are read once and kept until this module writes one; on PostgreSQL, where other instances
 * write too, they are read every time. A read in flight when a write lands is not kept.
 */
const rowsByDatabase = processState(
  "connectionRows",
  () => new WeakMap<Database, Promise<readonly ConnectionRow[]>>(),
);

function readConnectionRows(db: Database): Promise<ConnectionRow[]> {
  return db.select().from(connections).orderBy(asc(connections.createdAt), asc(connections.name));
}

const removals = processState("connectionRemovals", () => new WeakMap<Database, number>());

/**
 * How many connections this process has removed from `db`. Layers above keep reads of a
 * connection's rows (the overlay on the embedded database) and drop them when this number moves,
 * since those rows went with the connection (ON DELETE CASCADE).
 */
export function connectionRemovals(db: Database): number {
  return removals.get(db) ?? 0;
}

function forgetConnectionRows(db: Database): void {
  rowsByDatabase.delete(db);
}

export async function listConnectionRows(db: Database): Promise<ConnectionRow[]> {
  if (!isSingleProcess(db)) return readConnectionRows(db);
  let rows = rowsByDatabase.get(db);
  if (!rows) {
    // A drizzle query runs again each time it is awaited: keep the settled promise, not the query.
    const reading = Promise.resolve().then(() => readConnectionRows(db));
    rows = reading;
    rowsByDatabase.set(db, reading);
    reading.catch(() => {
      if (rowsByDatabase.get(db) === reading) rowsByDatabase.delete(db);
    });
  }
  return [...(await rows)];
}

export async function getConnectionRow(db: Database, id: string): Promise<ConnectionRow | null> {
  if (isSingleProcess(db)) return (await listConnectionRows(db)).find((row) => row.id === id) ?? null;
  const rows = await db.select().from(connections).where(eq(connections.id, id)).limit(1);
  return rows[0] ?? null;
}

export function withKey(row: ConnectionRow): ConnectionWithKey {
  return {
    id: row.id,
    provider: providerIdSchema.parse(row.provider),
    name: row.name,
    baseUrl: row.baseUrl,
    apiKey: decryptSecret(row.encryptedKey, getConfig().secret),
  };
}

export async function insertConnection(
  db: Database,
  input: { provider: ProviderId; name: string; baseUrl: string; apiKey: string; actorId: string | null },
): Promise<ConnectionRow> {
  const now = new Date();
  const rows = await db
    .insert(connections)
    .values({
      id: randomUUID(),
      provider: input.provider,
      name: input.name,
      baseUrl: input.baseUrl,
      encryptedKey: encryptSecret(input.apiKey, getConfig().secret),
      keyHint: keyHint(input.apiKey),
      createdBy: input.actorId,
      updatedBy: input.actorId,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  forgetConnectionRows(db);
  const row = rows[0];
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function updateConnectionRow(
  db: Database,
  id: string,
  changes: {
    name?: string;
    baseUrl?: string;
    apiKey?: string;
    indexTranscripts?: boolean;
    actorId: string | null;
  },
): Promise<ConnectionRow | null> {
  const values: Partial<typeof connections.$inferInsert> = {
    updatedAt: new Date(),
    updatedBy: changes.actorId,
  };
  if (changes.name !== undefined) values.name = changes.name;
  if (changes.baseUrl !== undefined) values.baseUrl = changes.baseUrl;
  if (changes.indexTranscripts !== undefined) values.indexTranscripts = changes.indexTranscripts;
  if (changes.apiKey !== undefined) {
    values.encryptedKey = encryptSecret(changes.apiKey, getConfig().secret);
    values.keyHint = keyHint(changes.apiKey);
    values.lastError = null;
  }
  const rows = await db.update(connections).set(values).where(eq(connections.id, id)).returning();
  forgetConnectionRows(db);
  return rows[0] ?? null;
}

export async function deleteConnectionRow(db: Database, id: string): Promise<boolean> {
  const rows = await db.delete(connections).where(eq(connections.id, id)).returning({ id: connections.id });
  forgetConnectionRows(db);
  removals.set(db, connectionRemovals(db) + 1);
  return rows.length > 0;
}

export async function recordConnectionCheck(db: Database, id: string, error: string | null): Promise<void> {
  await db
    .update(connections)
    .set({ lastError: error, lastCheckedAt: new Date() })
    .where(eq(connections.id, id));
  forgetConnectionRows(db);
}
