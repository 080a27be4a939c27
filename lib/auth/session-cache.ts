/**
 * Signed-in users by session cookie, kept for a few seconds so that every API request does not
 * read the session and user tables again.
 *
 * Only for a database this process alone writes (embedded PGlite): every change to users and
 * sessions goes through this process's `/api/auth` POST handler, which calls `forgetSessions()`
 * when it is done, so a sign-out, a ban, a role change or a removed user takes effect on the very
 * next request. With PostgreSQL other instances write too, so nothing is kept and every request
 * reads the database. A lookup that was in flight while such a change landed is not kept
 * (the generation counter), and an entry never outlives its session's expiry.
 *
 * The key is the signed session cookie that better-auth verified on the first lookup: a forged or
 * altered cookie is a different key and goes to better-auth.
 */
import "server-only";
import { processState } from "@/lib/process-state";
import type { Role } from "./permissions";

export interface CachedActor {
  id: string;
  email: string;
  name: string;
  role: Role;
}

interface Entry {
  actor: CachedActor;
  cachedAt: number;
  sessionExpiresAt: number;
}

/** How long a lookup is reused; better-auth still refreshes the session's expiry between them. */
export const SESSION_CACHE_TTL_MS = 15_000;
const MAX_ENTRIES = 5_000;

interface SessionCacheState {
  entries: Map<string, Entry>;
  generation: number;
}

const state = processState<SessionCacheState>("sessionCache", () => ({ entries: new Map(), generation: 0 }));

/** The current generation, taken before a lookup starts; pass it to `rememberSession`. */
export function sessionGeneration(): number {
  return state.generation;
}

export function cachedSession(cookie: string, now = Date.now()): CachedActor | null {
  const entry = state.entries.get(cookie);
  if (!entry) return null;
  if (now - entry.cachedAt >= SESSION_CACHE_TTL_MS || now >= entry.sessionExpiresAt) {
    state.entries.delete(cookie);
    return null;
  }
  return entry.actor;
}

/** Keeps a lookup, unless users or sessions changed since `generation` was taken. */
export function rememberSession(
  cookie: string,
  actor: CachedActor,
  sessionExpiresAt: Date,
  generation: number,
  now = Date.now(),
): void {
  if (generation !== state.generation) return;
  if (state.entries.size >= MAX_ENTRIES) {
    const oldest = state.entries.keys().next();
    if (!oldest.done) state.entries.delete(oldest.value);
  }
  state.entries.set(cookie, { actor, cachedAt: now, sessionExpiresAt: sessionExpiresAt.getTime() });
}

/** Drops every kept lookup: called after anything that may change users or sessions. */
export function forgetSessions(): void {
  state.generation += 1;
  state.entries.clear();
}
