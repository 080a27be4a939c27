/**
 * The errors services throw, in the domain's words. Nothing here knows HTTP: `lib/api` maps a
 * `DomainError` kind and a `ProviderError` code to a status, and the conversations service turns a
 * `ProviderError` into a per-connection notice, so one failing provider never fails a whole page.
 * Messages are written for people and never contain keys, request headers or socket addresses.
 */
import { providerLabels, type ProviderId } from "./constants";

export const domainErrorKinds = [
  "not_found",
  "forbidden",
  "conflict",
  "invalid",
  "unsupported",
  "rate_limited",
  "too_large",
] as const;
export type DomainErrorKind = (typeof domainErrorKinds)[number];

export class DomainError extends Error {
  override readonly name = "DomainError";
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    readonly details: { retryAfterSeconds?: number } = {},
  ) {
    super(message);
  }
}

export const notFound = (message: string) => new DomainError("not_found", message);
export const forbidden = (message = "Your role does not allow this.") =>
  new DomainError("forbidden", message);
export const conflict = (message: string) => new DomainError("conflict", message);
export const invalid = (message: string) => new DomainError("invalid", message);
export const unsupported = (message: string) => new DomainError("unsupported", message);

export const providerErrorCodes = [
  "auth_failed",
  "not_found",
  "rate_limited",
  "unavailable",
  "bad_response",
  "unsupported",
  "invalid_request",
] as const;
export type ProviderErrorCode = (typeof providerErrorCodes)[number];

/**
 * What an action made of several provider calls got done before it failed (Cozmox deletes a
 * conversation chat by chat): which items are done and which are not, by the provider's ids.
 */
export interface PartialOutcome {
  /** What the ids name, in the provider's words ("chat"). */
  unit: string;
  done: readonly string[];
  notDone: readonly string[];
}

export interface ProviderErrorDetails {
  status?: number;
  retryAfterSeconds?: number;
  /** Set when part of the action succeeded; the audit log records it. */
  partial?: PartialOutcome;
}

/**
 * Marks provider errors across copies of this module: Next.js bundles modules per route, and a
 * connection runtime kept on `globalThis` (`lib/process-state.ts`) may have been built by another
 * bundle than the code catching its errors (a sync job), where `instanceof` would say no.
 */
const PROVIDER_ERROR = Symbol.for("parley.ProviderError");

/** The one error adapters and the HTTP client throw for a provider call that did not succeed. */
export class ProviderError extends Error {
  override readonly name = "ProviderError";
  readonly [PROVIDER_ERROR] = true;
  constructor(
    readonly code: ProviderErrorCode,
    readonly provider: ProviderId,
    message: string,
    readonly details: ProviderErrorDetails = {},
  ) {
    super(message);
  }
}

export function isProviderError(error: unknown): error is ProviderError {
  return (
    error instanceof ProviderError ||
    (typeof error === "object" &&
      error !== null &&
      (error as Record<symbol, unknown>)[PROVIDER_ERROR] === true)
  );
}

/** A person-readable provider name for messages. */
export const providerName = (provider: ProviderId) => providerLabels[provider];
