/**
 * Fault injection, one setting per provider, changed through the simulator's admin endpoint.
 * Error rates are deterministic (every n-th request fails) so fault tests are repeatable.
 */
import { z } from "zod";

export const faultSettingsSchema = z
  .object({
    /** Added before every answer. */
    latencyMs: z.number().int().min(0).max(120_000).default(0),
    /** Share of requests answered with 503, from 0 to 1. */
    errorRate: z.number().min(0).max(1).default(0),
    /** When set, every request gets 429 with this `Retry-After`. */
    rateLimitRetryAfterSeconds: z.number().int().min(0).max(3600).nullable().default(null),
    /** Answer 200 with a body that is not valid JSON. */
    malformedJson: z.boolean().default(false),
    /** Never answer (the socket stays open until the client gives up or the simulator resets). */
    hang: z.boolean().default(false),
    /**
     * Writes (POST, PATCH, PUT, DELETE) answered with 503 by their number since these settings were
     * set, from 1: `[2]` fails only the second write, to test what a half-applied change leaves.
     */
    failWriteNumbers: z.array(z.number().int().min(1)).max(100).default([]),
  })
  .strict();

export type FaultSettings = z.infer<typeof faultSettingsSchema>;

export const noFaults: FaultSettings = faultSettingsSchema.parse({});

export type FaultDecision =
  | { kind: "none" }
  | { kind: "error" }
  | { kind: "rate_limited"; retryAfterSeconds: number }
  | { kind: "malformed" }
  | { kind: "hang" };

export class FaultState {
  private settings: FaultSettings = noFaults;
  private counter = 0;
  private errorsSoFar = 0;
  private writes = 0;

  get current(): FaultSettings {
    return this.settings;
  }

  set(settings: FaultSettings): void {
    this.settings = settings;
    this.counter = 0;
    this.errorsSoFar = 0;
    this.writes = 0;
  }

  clear(): void {
    this.set(noFaults);
  }

  /** Decides what the next request gets. Latency is applied separately by the server. */
  decide(method = "GET"): FaultDecision {
    const settings = this.settings;
    if (settings.hang) return { kind: "hang" };
    if (["POST", "PATCH", "PUT", "DELETE"].includes(method)) {
      this.writes += 1;
      if (settings.failWriteNumbers.includes(this.writes)) return { kind: "error" };
    }
    if (settings.rateLimitRetryAfterSeconds !== null)
      return { kind: "rate_limited", retryAfterSeconds: settings.rateLimitRetryAfterSeconds };
    if (settings.malformedJson) return { kind: "malformed" };
    if (settings.errorRate > 0) {
      this.counter += 1;
      // Fail whenever the running share of failures falls behind the configured rate.
      if (this.errorsSoFar < Math.floor(this.counter * settings.errorRate + 1e-9)) {
        this.errorsSoFar += 1;
        return { kind: "error" };
      }
    }
    return { kind: "none" };
  }
}
