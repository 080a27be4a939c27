/**
 * Builds ready-to-call connection handles: decrypts the key, picks the adapter and gives it an
 * HTTP client with the provider's auth header. The key lives only inside the client's headers.
 */
import "server-only";
import type { ConnectionHandle } from "./connection-handle";
import type { Database } from "@/lib/db/client";
import { createHttpClient } from "@/lib/http/client";
import { getAdapter } from "@/lib/providers/registry";
import { notFound } from "@/lib/model/errors";
import {
  getConnectionRow,
  listConnectionRows,
  withKey,
  type ConnectionRow,
  type ConnectionWithKey,
} from "./repository";

export function handleFor(connection: ConnectionWithKey): ConnectionHandle {
  const adapter = getAdapter(connection.provider);
  return {
    id: connection.id,
    name: connection.name,
    provider: connection.provider,
    adapter,
    context: {
      connectionId: connection.id,
      baseUrl: connection.baseUrl,
      http: createHttpClient({
        provider: connection.provider,
        connectionId: connection.id,
        baseUrl: connection.baseUrl,
        authHeaders: adapter.authHeaders(connection.apiKey),
        requestsPerMinute: adapter.capabilities.requestsPerMinute,
      }),
    },
  };
}

interface CachedHandle {
  fingerprint: string;
  handle: ConnectionHandle;
}

/**
 * Ready handles by connection id, so a request does not derive and decrypt every key again. The
 * row is still read on every request (another instance may have changed it), and a handle is
 * reused only while the row's fingerprint (provider, name, base URL, encrypted key, update time)
 * is the one it was built from; any change builds a new one.
 */
const handleCache: Map<string, CachedHandle> = ((
  globalThis as { __parleyConnectionHandles?: Map<string, CachedHandle> }
).__parleyConnectionHandles ??= new Map());

function fingerprintOf(row: ConnectionRow): string {
  return [row.provider, row.name, row.baseUrl, row.encryptedKey, row.updatedAt.getTime()].join("\u0000");
}

function cachedHandleFor(row: ConnectionRow): ConnectionHandle {
  const fingerprint = fingerprintOf(row);
  const cached = handleCache.get(row.id);
  if (cached?.fingerprint === fingerprint) return cached.handle;
  const handle = handleFor(withKey(row));
  handleCache.set(row.id, { fingerprint, handle });
  return handle;
}

/** Drops a connection's cached handle (after it changed or was removed). */
export function forgetHandle(connectionId: string): void {
  handleCache.delete(connectionId);
}

/** Handles for the selected connections (`[]` or `["all"]` means every connection). Unknown ids are a 404. */
export async function selectHandles(db: Database, selection: readonly string[]): Promise<ConnectionHandle[]> {
  const rows = await listConnectionRows(db);
  const wantsAll = selection.length === 0 || selection.includes("all");
  if (!wantsAll) {
    const known = new Set(rows.map((row) => row.id));
    const unknown = selection.filter((id) => !known.has(id));
    if (unknown.length > 0)
      throw notFound(`No connection with id ${unknown.map((id) => `"${id.slice(0, 60)}"`).join(", ")}.`);
  }
  if (wantsAll)
    for (const id of handleCache.keys()) if (!rows.some((row) => row.id === id)) handleCache.delete(id);
  return rows.filter((row) => wantsAll || selection.includes(row.id)).map(cachedHandleFor);
}

export async function getHandle(db: Database, connectionId: string): Promise<ConnectionHandle> {
  const row = await getConnectionRow(db, connectionId);
  if (!row) throw notFound(`No connection with id "${connectionId.slice(0, 60)}".`);
  return cachedHandleFor(row);
}
