/**
 * Which network addresses Parley may send a provider request (and so a key) to.
 *
 * - `public`: any routable address; always allowed.
 * - `loopback`: this machine (127.0.0.0/8, 0.0.0.0/8, `::1`, `::`); only in demo mode or with
 *   PARLEY_ALLOW_INSECURE_PROVIDER_URLS (the simulator runs there).
 * - `private`: private, link-local and shared ranges (10/8, 172.16/12, 192.168/16, 169.254/16 with
 *   the cloud metadata address, 100.64/10, fc00::/7, fe80::/10, fec0::/10); only with
 *   PARLEY_ALLOW_PRIVATE_PROVIDER_ADDRESSES.
 * - `reserved`: multicast, broadcast, documentation and future-use ranges; never.
 *
 * IPv4 addresses written inside IPv6 (`::ffff:10.0.0.1`, `::10.0.0.1`, `64:ff9b::a00:1`) are
 * judged by the IPv4 address they carry. Pure functions; the connect-time check
 * (`guarded-fetch.ts`) and the save-time check (`lib/connections/base-url.ts`) share them.
 */
import { isIP } from "node:net";

export type AddressKind = "public" | "loopback" | "private" | "reserved";

export interface AddressPolicy {
  allowLoopback: boolean;
  allowPrivate: boolean;
}

function ipv4Octets(address: string): number[] | null {
  const parts = address.split(".");
  if (parts.length !== 4) return null;
  const octets = parts.map((part) => (/^\d{1,3}$/.test(part) ? Number(part) : NaN));
  return octets.every((octet) => Number.isInteger(octet) && octet <= 255) ? octets : null;
}

function classifyIpv4([a = 0, b = 0, c = 0]: number[]): AddressKind {
  if (a === 127 || a === 0) return "loopback";
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return "private";
  if (a === 169 && b === 254) return "private";
  if (a === 100 && b >= 64 && b <= 127) return "private";
  if (a === 198 && (b === 18 || b === 19)) return "private";
  if (a === 192 && b === 0 && c === 0) return "private";
  if (a >= 224) return "reserved"; // multicast 224/4, future use 240/4, broadcast
  if (
    (a === 192 && b === 0 && c === 2) ||
    (a === 198 && b === 51 && c === 100) ||
    (a === 203 && b === 0 && c === 113)
  )
    return "reserved"; // documentation ranges
  return "public";
}

/** The eight 16-bit groups of an IPv6 address (no brackets, no zone), or null. */
function ipv6Groups(address: string): number[] | null {
  let text = address.toLowerCase();
  // A trailing dotted IPv4 part becomes two groups.
  const dotted = /^(.*:)(\d{1,3}(?:\.\d{1,3}){3})$/.exec(text);
  if (dotted) {
    const octets = ipv4Octets(dotted[2] ?? "");
    if (!octets) return null;
    const [a = 0, b = 0, c = 0, d = 0] = octets;
    text = `${dotted[1] ?? ""}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const parse = (part: string) =>
    part === "" ? [] : part.split(":").map((group) => Number.parseInt(group, 16));
  const left = parse(halves[0] ?? "");
  const right = halves.length === 2 ? parse(halves[1] ?? "") : [];
  const missing = 8 - left.length - right.length;
  if (missing < 0 || (halves.length === 1 && missing !== 0)) return null;
  const groups = [...left, ...Array<number>(missing).fill(0), ...right];
  return groups.every((group) => Number.isInteger(group) && group >= 0 && group <= 0xffff) ? groups : null;
}

function embeddedIpv4(high: number, low: number): number[] {
  return [high >> 8, high & 0xff, low >> 8, low & 0xff];
}

function classifyIpv6(groups: number[]): AddressKind {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = groups;
  const upperZero = g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0;
  if (upperZero && g5 === 0 && g6 === 0 && g7 <= 1) return "loopback"; // :: and ::1
  if (upperZero && (g5 === 0xffff || g5 === 0)) return classifyIpv4(embeddedIpv4(g6, g7)); // mapped, compatible
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0)
    return classifyIpv4(embeddedIpv4(g6, g7)); // NAT64
  if ((g0 & 0xfe00) === 0xfc00) return "private"; // unique local fc00::/7
  if ((g0 & 0xffc0) === 0xfe80 || (g0 & 0xffc0) === 0xfec0) return "private"; // link-local, site-local
  if ((g0 & 0xff00) === 0xff00) return "reserved"; // multicast
  if (g0 === 0x2001 && g1 === 0x0db8) return "reserved"; // documentation
  return "public";
}

/** The kind of an IP address literal (IPv4 dotted, IPv6 with or without brackets), or null if it is not one. */
export function classifyAddress(address: string): AddressKind | null {
  const bare = address.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  const family = isIP(bare);
  if (family === 4) return classifyIpv4(ipv4Octets(bare) ?? []);
  if (family === 6) {
    const groups = ipv6Groups(bare);
    return groups ? classifyIpv6(groups) : null;
  }
  return null;
}

export function isAllowedKind(kind: AddressKind, policy: AddressPolicy): boolean {
  switch (kind) {
    case "public":
      return true;
    case "loopback":
      return policy.allowLoopback;
    case "private":
      return policy.allowPrivate;
    case "reserved":
      return false;
  }
}

/** What people are told when an address is refused (never the address itself). */
export function refusalFor(kind: AddressKind): string {
  switch (kind) {
    case "loopback":
      return "it points at this machine, which is allowed only in demo mode or with PARLEY_ALLOW_INSECURE_PROVIDER_URLS=1";
    case "private":
      return "it points at a private or link-local network address, which is allowed only with PARLEY_ALLOW_PRIVATE_PROVIDER_ADDRESSES=1";
    default:
      return "it points at a reserved network address";
  }
}
