import { describe, expect, it } from "vitest";
import { checkBaseUrl } from "./base-url";

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
