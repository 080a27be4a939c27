/**
 * Which provider base URLs Parley will send a key to: `https` only, except loopback addresses
 * when demo mode or PARLEY_ALLOW_INSECURE_PROVIDER_URLS allows them (the simulator). No
 * credentials, query or fragment in the URL.
 */
const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

export type BaseUrlCheck = { ok: true; url: string } | { ok: false; message: string };

export function checkBaseUrl(raw: string, options: { allowLoopback: boolean }): BaseUrlCheck {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, message: "The base URL is not a valid URL (example: https://api.chatling.ai)." };
  }
  if (url.username || url.password)
    return { ok: false, message: "The base URL must not contain a user name or password." };
  if (url.search || url.hash)
    return { ok: false, message: "The base URL must not contain a query or fragment." };
  const loopback = isLoopbackHost(url.hostname);
  if (loopback && !options.allowLoopback)
    return {
      ok: false,
      message:
        "Loopback addresses are allowed only in demo mode or with PARLEY_ALLOW_INSECURE_PROVIDER_URLS=1.",
    };
  if (url.protocol !== "https:" && !(loopback && url.protocol === "http:"))
    return {
      ok: false,
      message: "The base URL must use https:// (http:// is allowed only for loopback in demo mode).",
    };
  return { ok: true, url: url.toString().replace(/\/+$/, "") };
}
