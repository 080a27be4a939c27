/**
 * Provider API keys at rest: AES-256-GCM under a key derived from PARLEY_SECRET with HKDF.
 * Stored as `v1.<iv>.<tag>.<ciphertext>` (base64url). Only the adapter call path decrypts; what
 * leaves the server is a hint such as `…a1b2`.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

const VERSION = "v1";

/** Derived keys by purpose, for the one secret a process runs with (a new secret derives anew). */
const derivedKeys = new Map<string, { secret: string; key: Buffer }>();

function deriveKey(secret: string, purpose: string): Buffer {
  const cached = derivedKeys.get(purpose);
  if (cached?.secret === secret) return cached.key;
  const key = Buffer.from(hkdfSync("sha256", secret, "parley", purpose, 32));
  derivedKeys.set(purpose, { secret, key });
  return key;
}

export function encryptSecret(plaintext: string, secret: string): string {
  const key = deriveKey(secret, "provider-keys");
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [
    VERSION,
    iv.toString("base64url"),
    tag.toString("base64url"),
    ciphertext.toString("base64url"),
  ].join(".");
}

export class DecryptionError extends Error {
  override readonly name = "DecryptionError";
}

export function decryptSecret(stored: string, secret: string): string {
  const [version, iv, tag, ciphertext] = stored.split(".");
  if (version !== VERSION || !iv || !tag || ciphertext === undefined)
    throw new DecryptionError("The stored key has an unknown format.");
  try {
    const decipher = createDecipheriv(
      "aes-256-gcm",
      deriveKey(secret, "provider-keys"),
      Buffer.from(iv, "base64url"),
    );
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString(
      "utf8",
    );
  } catch {
    throw new DecryptionError(
      "The stored key cannot be decrypted: PARLEY_SECRET is not the one it was saved with. Restore the old secret or enter the key again.",
    );
  }
}

/**
 * The last four characters, for people to recognise a key without seeing it. Counted in code
 * points: cutting a surrogate pair in half would leave text the database refuses to store.
 */
export function keyHint(plaintext: string): string {
  return `…${Array.from(plaintext).slice(-4).join("")}`;
}

/** A secret for better-auth's cookies and tokens, derived so PARLEY_SECRET is the only secret to keep. */
export function deriveAuthSecret(secret: string): string {
  return deriveKey(secret, "auth").toString("base64url");
}
