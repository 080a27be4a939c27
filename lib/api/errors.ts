/**
 * Errors route handlers answer with `{ error: { code, message } }`. Handlers throw; one wrapper
 * (`handler.ts`) maps every error to its status, so no handler catches and rethrows.
 */
import type { DomainErrorKind, ProviderErrorCode } from "@/lib/model/errors";

export type ApiErrorCode =
  | "unauthorized"
  | "forbidden"
  | "invalid_request"
  | "not_found"
  | "conflict"
  | "unsupported"
  | "rate_limited"
  | "payload_too_large"
  | "internal"
  | `provider_${ProviderErrorCode}`;

export class ApiError extends Error {
  override readonly name = "ApiError";
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const badRequest = (message: string) => new ApiError(400, "invalid_request", message);

/** Status for a provider failure reaching the client (when it fails the whole request). */
export function statusForProviderError(code: ProviderErrorCode): number {
  switch (code) {
    case "not_found":
      return 404;
    case "unsupported":
      return 422;
    case "invalid_request":
      return 422;
    case "rate_limited":
      return 503;
    case "auth_failed":
    case "unavailable":
    case "bad_response":
      return 502;
    default: {
      const unreachable: never = code;
      return unreachable;
    }
  }
}

/** Status and code for a domain error thrown by a service (the only place that maps them to HTTP). */
export function httpForDomainError(kind: DomainErrorKind): { status: number; code: ApiErrorCode } {
  switch (kind) {
    case "not_found":
      return { status: 404, code: "not_found" };
    case "forbidden":
      return { status: 403, code: "forbidden" };
    case "conflict":
      return { status: 409, code: "conflict" };
    case "invalid":
      return { status: 400, code: "invalid_request" };
    case "unsupported":
      return { status: 422, code: "unsupported" };
    case "rate_limited":
      return { status: 429, code: "rate_limited" };
    case "too_large":
      return { status: 413, code: "payload_too_large" };
    default: {
      const unreachable: never = kind;
      return unreachable;
    }
  }
}
