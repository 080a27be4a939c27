/**
 * The small per-connection store adapters reach through `context.memo`: chatbot lists, assistant
 * names, facets, health. Bounded in size, each entry with its own time limit, and a load already in
 * flight is shared (N concurrent lists make one provider call, not N). It belongs to one connection
 * runtime, so a changed key or base URL starts empty without anyone being told.
 */
import "server-only";
import { LRUCache } from "lru-cache";
import type { ConnectionMemo } from "@/lib/providers/contract";

interface Entry {
  value: unknown;
}

interface LoadContext {
  load: () => Promise<unknown>;
}

/** Entries one connection may keep (chatbots of a large Chatling project included). */
const MAX_ENTRIES = 2_000;

export function createConnectionMemo(maxEntries = MAX_ENTRIES): ConnectionMemo {
  const cache = new LRUCache<string, Entry, LoadContext>({
    max: maxEntries,
    fetchMethod: async (_key, _stale, { context }) => ({ value: await context.load() }),
  });
  return {
    async get<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
      const entry = await cache.fetch(key, { ttl: ttlMs, context: { load } });
      // fetch answers undefined only when fetchMethod does, and ours always returns an entry.
      return entry?.value as T;
    },
    set<T>(key: string, value: T, ttlMs: number): void {
      cache.set(key, { value }, { ttl: ttlMs });
    },
    forget(key?: string): void {
      if (key === undefined) cache.clear();
      else cache.delete(key);
    },
  };
}
