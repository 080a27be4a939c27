/** What each simulated provider module gives the simulator server. */
import type { Route, SimRequest, SimResponse } from "./http";
import type { LiveConversations } from "./live";

export const simulatedProviderIds = ["sigmamind", "cozmox", "zaia", "chatling"] as const;
export type SimulatedProviderId = (typeof simulatedProviderIds)[number];

export interface SimulatedProvider {
  readonly id: SimulatedProviderId;
  /** Keys this provider accepts (a primary demo key and a second one for rotation tests). */
  readonly apiKeys: readonly string[];
  /** Whether the request carries a valid key, in this provider's own header format. */
  isAuthorized(request: SimRequest): boolean;
  /** The provider's own answer to a missing or wrong key. */
  unauthorized(): SimResponse;
  /** The provider's own error body for a status (503 faults, 404 for unknown paths, 400s). */
  errorResponse(status: number, message: string): SimResponse;
  /** A documented per-key rate limit (Chatling: 300 a minute). */
  readonly rateLimit?: { perMinute: number; response(retryAfterSeconds: number): SimResponse };
  readonly routes: readonly Route[];
  /** Restores the seed data, undoing every rename, archive and delete. */
  reset(): void;
  /**
   * Sizes of the current data, for tests and `GET /__admin/stats`. Only writes may change them
   * (tests compare them before and after read-only calls), apart from the cache sizes
   * `cachedThreads` and `generatedThreads`.
   */
  stats(): Record<string, number>;
  /**
   * Scale mode and live admin changes (`core/live.ts`, `core/scale.ts`). Absent on a provider
   * that has not joined yet: the admin call then answers 501 for it.
   */
  readonly live?: LiveConversations;
}
