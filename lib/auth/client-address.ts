/**
 * The header carrying the client's address to the app. `server.ts` overwrites it on every request
 * from the socket address (or, behind a proxy named in PARLEY_TRUSTED_PROXIES, from the last
 * untrusted X-Forwarded-For entry), so a client cannot choose its own rate-limit bucket.
 */
export const CLIENT_ADDRESS_HEADER = "x-parley-client-address";

/** Picks the client address from the socket and X-Forwarded-For, trusting only named proxies. */
export function resolveClientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | undefined,
  trustedProxies: readonly string[],
): string {
  const normalise = (address: string) => address.trim().replace(/^::ffff:/, "");
  const peer = normalise(socketAddress ?? "unknown");
  if (!forwardedFor || !trustedProxies.map(normalise).includes(peer)) return peer;
  const chain = forwardedFor.split(",").map(normalise).filter(Boolean);
  for (let index = chain.length - 1; index >= 0; index--) {
    const hop = chain[index] as string;
    if (!trustedProxies.map(normalise).includes(hop)) return hop;
  }
  return peer;
}
