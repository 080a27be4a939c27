/**
 * Scopes (Chatling chatbots) change rarely and cost a provider call each time, so they are kept
 * for a minute per connection and filter.
 */
import "server-only";
import type { NativeFilters } from "@/lib/providers/contract";
import type { ConnectionHandle } from "@/lib/connections/connection-handle";

const TTL_MS = 60_000;
const cache: Map<string, { at: number; scopes: (string | null)[] }> = ((
  globalThis as { __parleyScopeCache?: Map<string, { at: number; scopes: (string | null)[] }> }
).__parleyScopeCache ??= new Map());

export async function cachedScopes(
  handle: ConnectionHandle,
  filters: NativeFilters,
): Promise<(string | null)[]> {
  const key = `${handle.id}|${handle.context.baseUrl}|${JSON.stringify(filters.responderIds ?? [])}`;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.scopes;
  const scopes = await handle.adapter.listScopes(handle.context, filters);
  cache.set(key, { at: Date.now(), scopes });
  return scopes;
}

export function forgetScopes(connectionId: string): void {
  for (const key of cache.keys()) if (key.startsWith(`${connectionId}|`)) cache.delete(key);
}
