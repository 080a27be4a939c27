import { describe, expect, it } from "vitest";
import { bodyHasUnstorableText, containsUnstorableText } from "./unstorable-text";

describe("containsUnstorableText", () => {
  it("finds NUL and unpaired surrogates in strings, keys and nested values", () => {
    expect(containsUnstorableText("a\u0000b")).toBe(true);
    expect(containsUnstorableText("\ud800")).toBe(true);
    expect(containsUnstorableText("x\udfffy")).toBe(true);
    expect(containsUnstorableText({ "k\u0000": 1 })).toBe(true);
    expect(containsUnstorableText({ a: [1, { b: ["ok", "\u0000"] }] })).toBe(true);
  });

  it("accepts ordinary text, emoji (paired surrogates) and non-string values", () => {
    expect(containsUnstorableText("Grüße 🙂 مرحبا")).toBe(false);
    expect(containsUnstorableText({ a: [1, true, null, { b: "ok" }] })).toBe(false);
    expect(containsUnstorableText(42)).toBe(false);
    expect(containsUnstorableText(null)).toBe(false);
  });

  it("walks very deep input without overflowing the stack", () => {
    const depth = 100_000;
    const deep: unknown = JSON.parse(`${"[".repeat(depth)}"\\u0000"${"]".repeat(depth)}`);
    expect(containsUnstorableText(deep)).toBe(true);
  });
});

describe("bodyHasUnstorableText", () => {
  it("reads a clone, so the body can still be read", async () => {
    const request = new Request("http://parley.test/", { method: "POST", body: '{"email":"a\\u0000@b.c"}' });
    expect(await bodyHasUnstorableText(request)).toBe(true);
    expect(await request.text()).toBe('{"email":"a\\u0000@b.c"}');
  });

  it("checks text that is not JSON as it is", async () => {
    expect(
      await bodyHasUnstorableText(new Request("http://parley.test/", { method: "POST", body: "a\u0000" })),
    ).toBe(true);
    expect(
      await bodyHasUnstorableText(new Request("http://parley.test/", { method: "POST", body: "{not json" })),
    ).toBe(false);
  });
});
