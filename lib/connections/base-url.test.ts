import { describe, expect, it } from "vitest";
import { checkBaseUrl, checkBaseUrlResolved } from "./base-url";

describe("checkBaseUrl", () => {
  it("accepts https provider roots and trims the trailing slash", () => {
    expect(checkBaseUrl("https://api.chatling.ai/", { allowLoopback: false })).toEqual({
      ok: true,
      url: "https://api.chatling.ai",
    });
  });

  it("refuses plain http to a public host even when loopback is allowed", () => {
    const result = checkBaseUrl("http://api.chatling.ai", { allowLoopback: true });
    expect(result.ok).toBe(false);
  });

  it("allows http on loopback only when allowed", () => {
    expect(checkBaseUrl("http://127.0.0.1:4010/zaia", { allowLoopback: true }).ok).toBe(true);
    expect(checkBaseUrl("http://127.0.0.1:4010/zaia", { allowLoopback: false }).ok).toBe(false);
    expect(checkBaseUrl("http://localhost:4010/zaia", { allowLoopback: false }).ok).toBe(false);
  });

  it("refuses credentials, queries, other schemes and garbage", () => {
    for (const raw of [
      "https://user:pw@api.x.io",
      "https://api.x.io/?a=1",
      "ftp://api.x.io",
      "javascript:alert(1)",
      "not a url",
    ]) {
      expect(checkBaseUrl(raw, { allowLoopback: true }).ok, raw).toBe(false);
    }
  });
});

describe("checkBaseUrlResolved", () => {
  const policy = { allowLoopback: false, allowPrivate: false };
  const resolvesTo =
    (...addresses: string[]) =>
    () =>
      Promise.resolve(addresses.map((address) => ({ address })));

  it("refuses a name that resolves to loopback or a private address", async () => {
    for (const address of ["127.0.0.1", "::1", "10.1.2.3", "169.254.169.254", "fd00::1"]) {
      const check = await checkBaseUrlResolved(
        "https://api.example.com",
        policy,
        resolvesTo("8.8.8.8", address),
      );
      expect(check.ok, address).toBe(false);
      if (!check.ok) expect(check.message).not.toContain(address);
    }
  });

  it("accepts a name that resolves to public addresses, or does not resolve here", async () => {
    expect((await checkBaseUrlResolved("https://api.example.com", policy, resolvesTo("8.8.8.8"))).ok).toBe(
      true,
    );
    const failing = () => Promise.reject(new Error("ENOTFOUND"));
    expect((await checkBaseUrlResolved("https://api.example.com", policy, failing)).ok).toBe(true);
  });

  it("lets private addresses through only when allowed", async () => {
    const allowed = { allowLoopback: false, allowPrivate: true };
    expect((await checkBaseUrlResolved("https://api.example.com", allowed, resolvesTo("10.0.0.1"))).ok).toBe(
      true,
    );
    expect((await checkBaseUrlResolved("https://api.example.com", allowed, resolvesTo("127.0.0.1"))).ok).toBe(
      false,
    );
  });
});
