/**
 * One runtime per connection, built from its row and cached by the row's fingerprint (provider,
 * name, base URL, encrypted key, update time): the decrypted client, its HTTP policies (breaker,
 * limit of calls in flight, request budget) and its memo. The row is still read on every request
 * (another instance may have changed it); a changed row builds a new runtime, so a rotated key or
 * a new base URL never meets the old one's state, and nothing else needs to be told.
 */
import "server-only";
import type { Database } from "@/lib/db/client";
import { createConnectionPolicies, createHttpClient, type RateBudget } from "@/lib/http/client";
import { notFound } from "@/lib/model/errors";
import type { ProviderContext } from "@/lib/providers/contract";
import { getAdapter } from "@/lib/providers/registry";
import { processState } from "@/lib/process-state";
import type { ConnectionHandle } from "./connection-handle";
import { createConnectionMemo } from "./connection-memo";
import {
  getConnectionRow,
  listConnectionRows,
  withKey,
  type ConnectionRow,
  type ConnectionWithKey,
} from "./repository";

/**
 * Builds a connection's runtime. The key lives only inside the clients' headers. `budget`
 * replaces the in-process request budget (a budget shared through the database, for instance).
 */
export function handleFor(connection: ConnectionWithKey, budget?: RateBudget | null): ConnectionHandle {
  const adapter = getAdapter(connection.provider);
  const policies = createConnectionPolicies({
    requestsPerMinute: adapter.capabilities.requestsPerMinute,
    budget,
  });
  const memo = createConnectionMemo();
  const contextFor = (priority: "interactive" | "background"): ProviderContext => ({
    connectionId: connection.id,
    baseUrl: connection.baseUrl,
    memo,
    http: createHttpClient({
      provider: connection.provider,
      connectionId: connection.id,
      baseUrl: connection.baseUrl,
      authHeaders: adapter.authHeaders(connection.apiKey),
      policies,
      priority,
    }),
  });
  return {
    id: connection.id,
    name: connection.name,
    provider: connection.provider,
    adapter,
    context: contextFor("interactive"),
    background: contextFor("background"),
  };
}

interface ConnectionRuntime {
  fingerprint: string;
  handle: ConnectionHandle;
}

const runtimes = () => processState("connectionRuntimes", () => new Map<string, ConnectionRuntime>());

function fingerprintOf(row: ConnectionRow): string {
  return [row.provider, row.name, row.baseUrl, row.encryptedKey, row.updatedAt.getTime()].join("\u0000");
}

/** Builds how a runtime's budget is made; set once at start (see `lib/index`), in-process by default. */
let budgetFactory: ((row: ConnectionRow) => RateBudget | null | undefined) | null = null;
export function installRequestBudgets(factory: (row: ConnectionRow) => RateBudget | null | undefined): void {
  budgetFactory = factory;
  runtimes().clear();
}

function runtimeHandle(row: ConnectionRow): ConnectionHandle {
  const fingerprint = fingerprintOf(row);
  const cached = runtimes().get(row.id);
  if (cached?.fingerprint === fingerprint) return cached.handle;
  const handle = handleFor(withKey(row), budgetFactory?.(row));
  runtimes().set(row.id, { fingerprint, handle });
  return handle;
}

/** Drops a connection's runtime (after it changed or was removed in this process). */
export function forgetRuntime(connectionId: string): void {
  runtimes().delete(connectionId);
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
    for (const id of runtimes().keys()) if (!rows.some((row) => row.id === id)) runtimes().delete(id);
  return rows.filter((row) => wantsAll || selection.includes(row.id)).map(runtimeHandle);
}

export async function getHandle(db: Database, connectionId: string): Promise<ConnectionHandle> {
  const row = await getConnectionRow(db, connectionId);
  if (!row) throw notFound(`No connection with id "${connectionId.slice(0, 60)}".`);
  return runtimeHandle(row);
}
