/**
 * The errors services throw, in the domain's words. Nothing here knows HTTP: `lib/api` maps a
 * `DomainError` kind and a `ProviderError` code to a status, and the conversations service turns a
 * `ProviderError` into a per-connection notice, so one failing provider never fails a whole page.
 * Messages are written for people and never contain keys, request headers or socket addresses.
 *
 * Test for them with `isDomainError`/`isProviderError`, not `instanceof`: the production server
 * (dist/server.mjs, where sync jobs run) and Next.js's route bundles each hold a copy of this
 * module, and one connection's runtime is shared between them (lib/process-state), so an error
 * thrown by one copy's class must still be recognised by the other. A registered symbol brands them.
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

const domainErrorBrand = Symbol.for("parley.domain-error");
const providerErrorBrand = Symbol.for("parley.provider-error");

const branded = (error: unknown, brand: symbol): boolean =>
  typeof error === "object" && error !== null && (error as Record<symbol, unknown>)[brand] === true;

export class DomainError extends Error {
  override readonly name = "DomainError";
  readonly [domainErrorBrand] = true;
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

/** The one error adapters and the HTTP client throw for a provider call that did not succeed. */
export class ProviderError extends Error {
  override readonly name = "ProviderError";
  readonly [providerErrorBrand] = true;
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
  return branded(error, providerErrorBrand);
}

export function isDomainError(error: unknown): error is DomainError {
  return branded(error, domainErrorBrand);
}

/** A person-readable provider name for messages. */
export const providerName = (provider: ProviderId) => providerLabels[provider];
