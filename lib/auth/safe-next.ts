/**
 * Where to send someone after signing in: the `next` parameter only when it stays on Parley.
 *
 * Textual checks ("starts with one slash") miss what browsers do with a URL: `/\evil.example`
 * becomes `//evil.example`, and tabs and newlines are dropped (`/\t/evil.example`). So `next` is
 * resolved the way the browser will resolve it, against Parley's origin, and accepted only when
 * the result keeps that origin; what is returned is the normalised path, never the raw text.
 * Pure, for the sign-in page (server) and its form (browser).
 */
const BASE = "http://parley.invalid";

export const DEFAULT_AFTER_SIGN_IN = "/conversations";

export function safeNextPath(next: unknown): string {
  if (typeof next !== "string" || next.length === 0 || next.length > 2_000) return DEFAULT_AFTER_SIGN_IN;
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return DEFAULT_AFTER_SIGN_IN;
  }
  if (url.origin !== BASE || !next.startsWith("/")) return DEFAULT_AFTER_SIGN_IN;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // The normalised path must itself be unambiguous (no `//host` or `/\host` left in it).
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return DEFAULT_AFTER_SIGN_IN;
  return path;
}
