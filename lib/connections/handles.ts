/**
 * Builds ready-to-call connection handles: decrypts the key, picks the adapter and gives it an
 * HTTP client with the provider's auth header. The key lives only inside the client's headers.
 */
import "server-only";
import type { ConnectionHandle } from "@/lib/conversations/connection-handle";
import type { Database } from "@/lib/db/client";
import { createHttpClient } from "@/lib/http/client";
import { getAdapter } from "@/lib/providers/registry";
import { notFound } from "@/lib/api/errors";
import { getConnectionRow, listConnectionRows, withKey, type ConnectionWithKey } from "./repository";

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
  return rows.filter((row) => wantsAll || selection.includes(row.id)).map((row) => handleFor(withKey(row)));
}

export async function getHandle(db: Database, connectionId: string): Promise<ConnectionHandle> {
  const row = await getConnectionRow(db, connectionId);
  if (!row) throw notFound(`No connection with id "${connectionId.slice(0, 60)}".`);
  return handleFor(withKey(row));
}
