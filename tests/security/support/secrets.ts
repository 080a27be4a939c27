/**
 * The secrets Parley must never let out: every provider key the simulator accepts, any other key
 * a test sends, PARLEY_SECRET and the auth secret derived from it. `findSecrets` names the ones
 * a text contains, so a failing assertion says which secret leaked, not the secret itself.
 */
import { deriveAuthSecret } from "@/lib/security/key-encryption";
import { simulatorKeys } from "@/simulator/keys";

export interface NamedSecret {
  label: string;
  value: string;
}

/** Every simulator key with a label such as `chatling.primary`. */
export function simulatorSecrets(): NamedSecret[] {
  return Object.entries(simulatorKeys).flatMap(([provider, keys]) => [
    { label: `${provider}.primary`, value: keys.primary },
    { label: `${provider}.secondary`, value: keys.secondary },
  ]);
}

/** PARLEY_SECRET of this process and the better-auth secret derived from it. */
export function serverSecrets(parleySecret: string): NamedSecret[] {
  return [
    { label: "PARLEY_SECRET", value: parleySecret },
    { label: "derived auth secret", value: deriveAuthSecret(parleySecret) },
  ];
}

/**
 * Labels of the secrets that appear in `text`, verbatim or URL-encoded (a key could leak inside a
 * query string or a cookie value).
 */
export function findSecrets(text: string, secrets: readonly NamedSecret[]): string[] {
  return secrets
    .filter((secret) => text.includes(secret.value) || text.includes(encodeURIComponent(secret.value)))
    .map((secret) => secret.label);
}

/** The text with every secret replaced by its label, safe to print in a failure message. */
export function redactSecrets(text: string, secrets: readonly NamedSecret[]): string {
  return secrets.reduce((result, secret) => result.split(secret.value).join(`<${secret.label}>`), text);
}
