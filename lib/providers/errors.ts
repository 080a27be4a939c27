/**
 * Parsing provider payloads at the adapter boundary. `ProviderError` itself lives with the domain
 * errors in `lib/model/errors.ts` (the HTTP client throws it too); it is re-exported here so the
 * adapters keep one import for everything about a provider failure.
 */
import type { ZodError } from "zod";
import { providerLabels, type ProviderId } from "@/lib/model/constants";
import { ProviderError } from "@/lib/model/errors";

export {
  ProviderError,
  isProviderError,
  providerErrorCodes,
  type ProviderErrorCode,
} from "@/lib/model/errors";

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
