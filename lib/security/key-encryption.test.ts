import { describe, expect, it } from "vitest";
import { decryptSecret, DecryptionError, deriveAuthSecret, encryptSecret, keyHint } from "./key-encryption";

const secret = "a-test-secret-that-is-long-enough-1234";

describe("key encryption", () => {
  it("round-trips a key and never stores the plaintext", () => {
    const stored = encryptSecret("sk_live_abcdef123456", secret);
    expect(stored).not.toContain("sk_live_abcdef123456");
    expect(stored.startsWith("v1.")).toBe(true);
    expect(decryptSecret(stored, secret)).toBe("sk_live_abcdef123456");
  });

  it("uses a fresh IV each time", () => {
    expect(encryptSecret("same", secret)).not.toBe(encryptSecret("same", secret));
  });

  it("refuses a wrong secret or tampered ciphertext with a clear error", () => {
    const stored = encryptSecret("value", secret);
    expect(() => decryptSecret(stored, "another-secret-that-is-long-enough-xx")).toThrow(DecryptionError);
    const parts = stored.split(".");
    const tampered = [parts[0], parts[1], parts[2], "AAAA" + (parts[3] ?? "")].join(".");
    expect(() => decryptSecret(tampered, secret)).toThrow(/cannot be decrypted/);
    expect(() => decryptSecret("garbage", secret)).toThrow(/unknown format/);
  });

  it("hints with the last four characters only", () => {
    expect(keyHint("sk_live_abcdef1a2b")).toBe("…1a2b");
  });

  it("never cuts a character outside the Basic Multilingual Plane in half", () => {
    const hint = keyHint("key-\u0001𐀀\u0001𐀀");
    expect(hint).toBe("…\u0001𐀀\u0001𐀀");
    expect(hint.isWellFormed()).toBe(true);
  });

  it("derives a distinct auth secret", () => {
    expect(deriveAuthSecret(secret)).not.toBe(secret);
    expect(deriveAuthSecret(secret)).toBe(deriveAuthSecret(secret));
  });
});
