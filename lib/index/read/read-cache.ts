/**
 * Answers of the index's reads (list pages, facets) as JSON, kept on the embedded database until
 * its next write.
 *
 * A team's consoles ask for the same few answers over and over (everyone's inbox, what each open
 * tab refreshes); on PGlite a list page is five statements on its one connection (~9 ms), which
 * held the list route to about a tenth of the framework's own rate. An answer read while no write
 * began or ended (`write-generation.ts`) is kept under that write count and its key, and given
 * again until any write — a sync page, a moderation change, a label, a connection edit — moves
 * the count. The reads kept here depend on neither the time nor who asks (`assignee=me` is
 * resolved into the query before), so a kept answer is exact.
 *
 * On PostgreSQL other instances write unseen, so every request reads the database.
 */
import "server-only";
import { LRUCache } from "lru-cache";
import type { Database } from "@/lib/db/client";
import { writeGeneration } from "@/lib/db/write-generation";
import { processState } from "@/lib/process-state";

interface AnswerCache {
  /** JSON answers by write count and key. */
  kept: LRUCache<string, string>;
  /** Reads under way, shared by identical requests that arrive meanwhile. */
  reading: Map<string, Promise<string>>;
}

/** Bounds: a list page is ~1–30 kB, facets a few kB; 8 MB holds hundreds. */
const MAX_ANSWERS = 500;
const MAX_BYTES = 8 * 1024 * 1024;
/** An unused answer is let go after a minute, so an idle server holds none. */
const UNUSED_MS = 60_000;

const caches = processState("readAnswers", () => new WeakMap<object, AnswerCache>());

function cacheOf(db: Database): AnswerCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = {
      kept: new LRUCache<string, string>({
        max: MAX_ANSWERS,
        maxSize: MAX_BYTES,
        // UTF-16 in memory: two bytes a character.
        sizeCalculation: (json) => Math.max(1, json.length * 2),
        ttl: UNUSED_MS,
        updateAgeOnGet: true,
        ttlAutopurge: true,
      }),
      reading: new Map(),
    };
    caches.set(db, cache);
  }
  return cache;
}

/**
 * `read()` as JSON text: kept under `key` (what the answer depends on, beyond the database) and
 * shared by identical requests on the embedded database; read each time elsewhere.
 */
export async function cachedJson(db: Database, key: string, read: () => Promise<unknown>): Promise<string> {
  const generation = writeGeneration(db);
  if (generation === null) return JSON.stringify(await read());
  const cache = cacheOf(db);
  const keyNow = `${generation}\u0000${key}`;
  const kept = cache.kept.get(keyNow);
  if (kept !== undefined) return kept;
  const underWay = cache.reading.get(keyNow);
  if (underWay) return underWay;
  const reading = (async () => {
    const json = JSON.stringify(await read());
    // Kept only if no write began or ended while it was read.
    if (writeGeneration(db) === generation) cache.kept.set(keyNow, json);
    return json;
  })();
  cache.reading.set(keyNow, reading);
  try {
    return await reading;
  } finally {
    cache.reading.delete(keyNow);
  }
}
