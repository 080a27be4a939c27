/**
 * Connection reachability: a cheap authenticated call per connection (the adapter's `verify`),
 * remembered for a few seconds in the connection's memo so health polling cannot hammer providers.
 * The outcome is stored as the connection's last error for the admin page. Only signed-in users
 * see this detail (`/api/health` answers anonymous callers with the overall state alone).
 */
import "server-only";
import type { ConnectionHandle } from "./connection-handle";
import type { Database } from "@/lib/db/client";
import { scrubSecrets } from "@/lib/logger";
import { isProviderError } from "@/lib/model/errors";
import { recordConnectionCheck } from "./repository";

export interface ConnectionHealth {
  id: string;
  name: string;
  provider: string;
  reachable: boolean;
  latencyMs: number;
  error: string | null;
  code: string | null;
  checkedAt: string;
}

const TTL_MS = 10_000;

export async function checkConnection(
  db: Database,
  handle: ConnectionHandle,
  fresh = false,
): Promise<ConnectionHealth> {
  if (fresh) handle.context.memo.forget("health");
  return handle.context.memo.get("health", TTL_MS, () => probe(db, handle));
}

async function probe(db: Database, handle: ConnectionHandle): Promise<ConnectionHealth> {
  const started = performance.now();
  let error: string | null = null;
  let code: string | null = null;
  try {
    await handle.adapter.verify(handle.context);
  } catch (failure) {
    // Messages name the kind of failure only (lib/http); anything token-shaped is masked anyway,
    // since this text is stored and shown to signed-in users.
    error = isProviderError(failure) ? scrubSecrets(failure.message) : "The provider could not be checked.";
    code = isProviderError(failure) ? failure.code : "internal";
  }
  const health: ConnectionHealth = {
    id: handle.id,
    name: handle.name,
    provider: handle.provider,
    reachable: error === null,
    latencyMs: Math.round(performance.now() - started),
    error,
    code,
    checkedAt: new Date().toISOString(),
  };
  await recordConnectionCheck(db, handle.id, error).catch(() => undefined);
  return health;
}
