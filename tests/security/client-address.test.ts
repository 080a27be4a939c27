/**
 * `resolveClientAddress`, which server.ts uses to stamp every request with the address sign-in
 * limits are keyed on: X-Forwarded-For counts only when it arrives through a trusted proxy, and
 * then only its last untrusted hop (what a client prepends cannot choose the bucket).
 */
import { describe, expect, it } from "vitest";
import { resolveClientAddress } from "@/lib/auth/client-address";

describe("resolveClientAddress", () => {
  it("uses the socket address and ignores X-Forwarded-For without trusted proxies", () => {
    expect(resolveClientAddress("198.51.100.7", "203.0.113.1", [])).toBe("198.51.100.7");
    expect(resolveClientAddress("198.51.100.7", undefined, [])).toBe("198.51.100.7");
  });

  it("ignores X-Forwarded-For from a peer that is not a trusted proxy", () => {
    expect(resolveClientAddress("198.51.100.7", "203.0.113.1", ["10.0.0.2"])).toBe("198.51.100.7");
  });

  it("normalises IPv4-mapped IPv6 socket addresses", () => {
    expect(resolveClientAddress("::ffff:127.0.0.1", undefined, [])).toBe("127.0.0.1");
    expect(resolveClientAddress("::ffff:10.0.0.2", "203.0.113.9", ["10.0.0.2"])).toBe("203.0.113.9");
  });

  it("honours a trusted proxy chain, taking the last hop that is not a trusted proxy", () => {
    const proxies = ["10.0.0.1", "10.0.0.2"];
    expect(resolveClientAddress("10.0.0.2", "203.0.113.7, 10.0.0.1", proxies)).toBe("203.0.113.7");
    expect(resolveClientAddress("10.0.0.2", " 203.0.113.7 ,10.0.0.1 ", proxies)).toBe("203.0.113.7");
  });

  it("does not let a client choose its bucket by prepending addresses to the chain", () => {
    expect(resolveClientAddress("10.0.0.2", "1.1.1.1, 8.8.8.8, 203.0.113.7", ["10.0.0.2"])).toBe(
      "203.0.113.7",
    );
  });

  it("falls back to the proxy when every hop is trusted or the header is empty", () => {
    expect(resolveClientAddress("10.0.0.2", "10.0.0.1", ["10.0.0.1", "10.0.0.2"])).toBe("10.0.0.2");
    expect(resolveClientAddress("10.0.0.2", " , ", ["10.0.0.2"])).toBe("10.0.0.2");
    expect(resolveClientAddress("10.0.0.2", "", ["10.0.0.2"])).toBe("10.0.0.2");
  });

  it("answers a fixed value when the socket has no address", () => {
    expect(resolveClientAddress(undefined, "203.0.113.1", [])).toBe("unknown");
  });
});
