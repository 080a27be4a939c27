/**
 * A sliding-window request budget: at most `limit` starts per `windowMs`. Callers over budget wait
 * for the oldest start to leave the window (Chatling allows 300 calls a minute per key).
 */
export class RequestBudget {
  private readonly starts: number[] = [];

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  async take(signal?: AbortSignal): Promise<void> {
    for (;;) {
      const now = Date.now();
      while (this.starts.length > 0 && (this.starts[0] ?? 0) <= now - this.windowMs) this.starts.shift();
      if (this.starts.length < this.limit) {
        this.starts.push(now);
        return;
      }
      const waitMs = (this.starts[0] ?? now) + this.windowMs - now;
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, Math.max(1, waitMs));
        signal?.addEventListener("abort", () => {
          clearTimeout(timer);
          reject(signal.reason instanceof Error ? signal.reason : new Error("aborted"));
        });
      });
    }
  }
}
