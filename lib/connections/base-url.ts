/**
 * Which provider base URLs Parley will send a key to: `https` only, except loopback addresses
 * when demo mode or PARLEY_ALLOW_INSECURE_PROVIDER_URLS allows them (the simulator). No
 * credentials, query or fragment in the URL. Private and link-local addresses (written out, or
 * what a name resolves to when it is saved) need PARLEY_ALLOW_PRIVATE_PROVIDER_ADDRESSES.
 *
 * This check is for a clear message when a URL is saved or tested. The guard that holds is at
 * connect time (`lib/http/guarded-fetch.ts`), since a name can resolve elsewhere later.
 */
import dns from "node:dns/promises";
import { classifyAddress, isAllowedKind, refusalFor, type AddressPolicy } from "@/lib/http/address-policy";

/** IPv4 addresses that reach this machine: 127.0.0.0/8 (loopback) and 0.0.0.0/8 ("this host"). */
function isLocalIpv4(firstOctet: number): boolean {
  return firstOctet === 127 || firstOctet === 0;
}

/** The eight 16-bit groups of a bracketed IPv6 hostname as the URL parser writes it, or null. */
function ipv6Groups(hostname: string): number[] | null {
  if (!hostname.startsWith("[") || !hostname.endsWith("]")) return null;
  const [head = "", tail, ...rest] = hostname.slice(1, -1).split("::");
  if (rest.length > 0) return null;
  const groups = (part: string) =>
    part === "" ? [] : part.split(":").map((group) => Number.parseInt(group, 16));
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const missing = 8 - left.length - right.length;
  if (missing < 0 || (tail === undefined && missing !== 0)) return null;
  const all = [...left, ...Array<number>(missing).fill(0), ...right];
  return all.every((group) => Number.isInteger(group) && group >= 0 && group <= 0xffff) ? all : null;
}

/**
 * Whether a hostname, as the WHATWG URL parser normalises it, reaches this machine: `localhost`
 * and `*.localhost` (with or without a trailing dot), 127.0.0.0/8 and 0.0.0.0/8 however they are
 * spelt (the parser turns `2130706433` and `0x7f.1` into dotted form), `[::1]`, `[::]`, and IPv4
 * mapped or compatible IPv6 forms of those addresses (`[::ffff:7f00:1]`).
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.+$/, "");
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  const ipv4 = /^(\d{1,3})\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.exec(host);
  if (ipv4) return isLocalIpv4(Number(ipv4[1]));
  const groups = ipv6Groups(host);
  if (!groups) return false;
  const [a, b, c, d, e, f = 0, g = 0, h = 0] = groups;
  if (a !== 0 || b !== 0 || c !== 0 || d !== 0 || e !== 0) return false;
  if (f === 0 && g === 0) return h <= 1 || isLocalIpv4(h >> 8);
  return (f === 0 || f === 0xffff) && isLocalIpv4(g >> 8);
}

export type BaseUrlCheck = { ok: true; url: string } | { ok: false; message: string };

export function checkBaseUrl(
  raw: string,
  options: { allowLoopback: boolean; allowPrivate?: boolean },
): BaseUrlCheck {
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
  const kind = loopback ? null : classifyAddress(url.hostname);
  if (
    kind &&
    !isAllowedKind(kind, {
      allowLoopback: options.allowLoopback,
      allowPrivate: options.allowPrivate ?? false,
    })
  )
    return { ok: false, message: `The base URL is not allowed: ${refusalFor(kind)}.` };
  if (url.protocol !== "https:" && !(loopback && url.protocol === "http:"))
    return {
      ok: false,
      message: "The base URL must use https:// (http:// is allowed only for loopback in demo mode).",
    };
  return { ok: true, url: url.toString().replace(/\/+$/, "") };
}

type Resolve = (hostname: string) => Promise<{ address: string }[]>;
const resolveAll: Resolve = (hostname) => dns.lookup(hostname, { all: true });

/**
 * `checkBaseUrl`, then the addresses the host name resolves to now. A name that does not resolve
 * is accepted here (the provider may be reachable only from where Parley runs later); the
 * connect-time guard still checks whatever it resolves to then.
 */
export async function checkBaseUrlResolved(
  raw: string,
  policy: AddressPolicy,
  resolve: Resolve = resolveAll,
): Promise<BaseUrlCheck> {
  const check = checkBaseUrl(raw, policy);
  if (!check.ok) return check;
  const hostname = new URL(check.url).hostname;
  if (classifyAddress(hostname) !== null || isLoopbackHost(hostname)) return check;
  let addresses: { address: string }[];
  try {
    addresses = await resolve(hostname);
  } catch {
    return check;
  }
  for (const { address } of addresses) {
    const kind = classifyAddress(address) ?? "reserved";
    if (!isAllowedKind(kind, policy))
      return { ok: false, message: `The base URL is not allowed: ${refusalFor(kind)}.` };
  }
  return check;
}
