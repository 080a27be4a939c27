/**
 * What the Cozmox adapter's tests share: a connection context against a running simulator (each
 * with a fresh connection id and memo, so no breaker state or chat index leaks between tests),
 * a first-page list request, and a way to catch the ProviderError a call must fail with.
 */
import { createHttpClient } from "@/lib/http/client";
import { createConnectionMemo } from "@/lib/connections/connection-memo";
import type { ListRequest, ProviderContext } from "@/lib/providers/contract";
import { ProviderError } from "@/lib/providers/errors";
import { simulatorKeys } from "@/simulator/keys";
import { cozmoxAdapter } from "./adapter";

let connections = 0;

export interface TestContextOptions {
  apiKey?: string;
  /** Sees (and may answer) every request before the simulator does. */
  fetchImpl?: typeof fetch;
}

export function cozmoxTestContext(simulatorUrl: string, options: TestContextOptions = {}): ProviderContext {
  connections += 1;
  const baseUrl = `${simulatorUrl}/cozmox`;
  const connectionId = `test-cozmox-${connections}`;
  const http = createHttpClient({
    provider: "cozmox",
    connectionId,
    baseUrl,
    authHeaders: cozmoxAdapter.authHeaders(options.apiKey ?? simulatorKeys.cozmox.primary),
    timeoutMs: 5000,
    fetchImpl: options.fetchImpl,
  });
  return { connectionId, baseUrl, http, memo: createConnectionMemo() };
}

/** The first page of the org's conversations, newest first, in the largest pages Cozmox serves. */
export const chatListRequest = (overrides: Partial<ListRequest> = {}): ListRequest => ({
  scope: null,
  filters: {},
  sort: "recent",
  pageToken: null,
  pageSize: 1000,
  ...overrides,
});

export async function rejection(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof ProviderError)) throw new Error(`expected a ProviderError, got ${String(error)}`);
  return error;
}
