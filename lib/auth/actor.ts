/**
 * Who is asking: the signed-in user behind a request's session cookie, read on the server for
 * route handlers (`lib/api`) and server components (`session.ts`) alike.
 */
import "server-only";
import { parseCookies } from "better-auth/cookies";
import { getDatabase } from "@/lib/db/client";
import { isSingleProcess } from "@/lib/db/single-process";
import { getAuth } from "./auth";
import { isRole, type Role } from "./permissions";
import { cachedSession, rememberSession, sessionGeneration } from "./session-cache";

export interface Actor {
  id: string;
  email: string;
  name: string;
  role: Role;
}

/**
 * The session cookie under the one name better-auth itself reads (`__Secure-better-auth.session_token`
 * behind an https public URL, `better-auth.session_token` otherwise). Accepting the other spelling
 * too would let a cookie that better-auth ignores (one set over plain http, say) answer from the
 * cache.
 */
async function sessionCookie(headers: Headers): Promise<string | null> {
  const raw = headers.get("cookie");
  if (!raw) return null;
  const { authCookies } = await getAuth().$context;
  return parseCookies(raw).get(authCookies.sessionToken.name) ?? null;
}

/**
 * Reads the signed-in user from the request headers' session cookie, or null. On the embedded
 * database a lookup is reused for a few seconds and dropped on any change to users or sessions
 * (see `session-cache.ts`).
 */
export async function readActor(headers: Headers): Promise<Actor | null> {
  const db = await getDatabase();
  const cookie = isSingleProcess(db) ? await sessionCookie(headers) : null;
  if (cookie) {
    const cached = cachedSession(cookie);
    if (cached) return cached;
  }
  const generation = sessionGeneration();
  const session = await getAuth().api.getSession({ headers });
  if (!session || session.user.banned) return null;
  const role = isRole(session.user.role) ? session.user.role : null;
  if (!role) return null;
  const actor: Actor = { id: session.user.id, email: session.user.email, name: session.user.name, role };
  if (cookie) rememberSession(cookie, actor, session.session.expiresAt, generation);
  return actor;
}
