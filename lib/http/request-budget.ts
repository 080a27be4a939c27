/**
 * A sliding-window request budget: at most `limit` starts per `windowMs`. A caller over budget
 * waits for the oldest start to leave the window, unless that wait is longer than it can afford,
 * in which case `take` answers with the wait instead (Chatling allows 300 calls a minute per key).
 */
/** A provider's request budget; `take` answers 0, or how long the caller would have had to wait. */
export interface RateBudget {
  take(maxWaitMs: number, priority: RequestPriority): Promise<number>;
}

/**
 * `interactive`: a person is waiting (a page, a thread, a change). `background`: sync and bulk
 * jobs, which a budget serves only from what interactive requests leave.
 */
export type RequestPriority = "interactive" | "background";

/**
 * Background calls (sync, bulk jobs) may use only this share of the window, so a person's request
 * always finds room.
 */
const BACKGROUND_SHARE = 0.6;

export class RequestBudget implements RateBudget {
  private readonly starts: number[] = [];

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Takes a slot, waiting up to `maxWaitMs`; returns 0, or the milliseconds it would have had to wait. */
  async take(maxWaitMs: number, priority: RequestPriority = "interactive"): Promise<number> {
    const limit =
      priority === "interactive" ? this.limit : Math.max(1, Math.floor(this.limit * BACKGROUND_SHARE));
    for (;;) {
      const now = Date.now();
      while (this.starts.length > 0 && (this.starts[0] ?? 0) <= now - this.windowMs) this.starts.shift();
      if (this.starts.length < limit) {
        this.starts.push(now);
        return 0;
      }
      const waitMs = (this.starts[this.starts.length - limit] ?? now) + this.windowMs - now;
      if (waitMs > maxWaitMs) return waitMs;
      await new Promise<void>((resolve) => setTimeout(resolve, Math.max(1, waitMs)));
    }
  }
}
