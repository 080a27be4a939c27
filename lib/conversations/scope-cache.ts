/**
 * Scopes (Chatling chatbots) change rarely and cost a provider call each time, so they are kept
 * for a minute in the connection's memo, per responder filter.
 */
import "server-only";
import type { NativeFilters } from "@/lib/providers/contract";
import type { ConnectionHandle } from "@/lib/connections/connection-handle";

const TTL_MS = 60_000;

export function cachedScopes(handle: ConnectionHandle, filters: NativeFilters): Promise<(string | null)[]> {
  const key = `scopes|${JSON.stringify(filters.responderIds ?? [])}`;
  return handle.context.memo.get(key, TTL_MS, () => handle.adapter.listScopes(handle.context, filters));
}
