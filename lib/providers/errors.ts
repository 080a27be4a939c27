/**
 * The one error type adapters and the HTTP client throw. Route handlers map it to JSON errors and
 * the conversations service turns it into a per-connection notice, so one failing provider never
 * fails a whole page. Messages are written for people and never contain keys or request headers.
 */
import type { ZodError } from "zod";
import { providerLabels, type ProviderId } from "@/lib/conversations/model";

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

export class ProviderError extends Error {
  override readonly name = "ProviderError";
  constructor(
    readonly code: ProviderErrorCode,
    readonly provider: ProviderId,
    message: string,
    readonly details: { status?: number; retryAfterSeconds?: number } = {},
  ) {
    super(message);
  }
}

export function isProviderError(error: unknown): error is ProviderError {
  return error instanceof ProviderError;
}

/** Describes the first zod issue as `path: problem`, the way a person debugging a payload wants it. */
export function describeZodError(error: ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "unexpected shape";
  const path = issue.path.length > 0 ? issue.path.map(String).join(".") : "(root)";
  return `${path}: ${issue.message}`;
}

/**
 * Parses a provider payload with its wire schema. A payload that does not fit becomes a
 * `bad_response` error naming the field, never a crash or a half-filled row.
 */
export function parseWire<T>(
  provider: ProviderId,
  what: string,
  schema: { safeParse(data: unknown): { success: true; data: T } | { success: false; error: ZodError } },
  data: unknown,
): T {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  throw new ProviderError(
    "bad_response",
    provider,
    `Bad response from ${providerLabels[provider]} (${what}): ${describeZodError(result.error)}`,
  );
}
