/**
 * A sliding-window request budget: at most `limit` starts per `windowMs`. A caller over budget
 * waits for the oldest start to leave the window, unless that wait is longer than it can afford,
 * in which case `take` answers with the wait instead (Chatling allows 300 calls a minute per key).
 */
export class RequestBudget {
  private readonly starts: number[] = [];

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Takes a slot, waiting up to `maxWaitMs`; returns 0, or the milliseconds it would have had to wait. */
  async take(maxWaitMs: number): Promise<number> {
    for (;;) {
      const now = Date.now();
      while (this.starts.length > 0 && (this.starts[0] ?? 0) <= now - this.windowMs) this.starts.shift();
      if (this.starts.length < this.limit) {
        this.starts.push(now);
        return 0;
      }
      const waitMs = (this.starts[0] ?? now) + this.windowMs - now;
      if (waitMs > maxWaitMs) return waitMs;
      await new Promise<void>((resolve) => setTimeout(resolve, Math.max(1, waitMs)));
    }
  }
}
