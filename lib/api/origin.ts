/**
 * Cross-site request refusal for mutating routes: the browser's Origin (or, failing that,
 * Referer) must be one of Parley's own origins. Requests with neither header come from scripts
 * (curl, tests), which cannot carry a victim's cookies, and are allowed.
 */
import { getConfig } from "@/lib/config";

export function allowedOrigins(): string[] {
  const config = getConfig();
  const origins = [`http://127.0.0.1:${config.port}`, `http://localhost:${config.port}`];
  if (config.publicUrl) origins.push(new URL(config.publicUrl).origin);
  return origins;
}

export function isSameOriginRequest(request: Request): boolean {
  const origin = request.headers.get("origin");
  const referer = request.headers.get("referer");
  const secFetchSite = request.headers.get("sec-fetch-site");
  if (secFetchSite === "cross-site") return false;
  const allowed = allowedOrigins();
  // The request's own host counts too (several instances behind one address).
  const host = request.headers.get("host");
  if (host) allowed.push(`${new URL(request.url).protocol}//${host}`);
  if (origin) return origin !== "null" && allowed.includes(origin);
  if (referer) {
    try {
      return allowed.includes(new URL(referer).origin);
    } catch {
      return false;
    }
  }
  return true;
}

/**
 * Parley's address as the person asking sees it, for links written into files (exports):
 * `PARLEY_PUBLIC_URL` when set, else the request's Host (Next.js builds `request.url` from its
 * own host name, which may be `localhost` when the browser used 127.0.0.1).
 */
export function requestBaseUrl(request: Request): string {
  const publicUrl = getConfig().publicUrl;
  if (publicUrl) return publicUrl;
  const url = new URL(request.url);
  const host = request.headers.get("host");
  return host && /^[A-Za-z0-9.\-:[\]]{1,255}$/.test(host) ? `${url.protocol}//${host}` : url.origin;
}
