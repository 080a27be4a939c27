/**
 * A sliding-window ledger of provider calls, so load generated through Parley stays inside a
 * provider's documented budget (Chatling: 300 calls a minute per key). Parley enforces that budget
 * itself and answers "rate limited" beyond it, which is correct behaviour but not what a latency
 * measurement or a "zero 5xx" load check is about, so the bench and the resilience suite pace
 * what they send instead.
 */

export interface CallBudgetOptions {
  /** Calls allowed in any window. */
  limit: number;
  windowMs: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

interface Entry {
  at: number;
  calls: number;
}

/** Calls in a sliding window, with a wait for room. */
export class CallBudget {
  private readonly entries: Entry[] = [];
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: CallBudgetOptions) {
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  get limit(): number {
    return this.options.limit;
  }

  private prune(at: number): void {
    while (this.entries.length > 0 && (this.entries[0]?.at ?? at) <= at - this.options.windowMs)
      this.entries.shift();
  }

  /** Calls recorded in the window ending now. */
  used(): number {
    const at = this.now();
    this.prune(at);
    return this.entries.reduce((sum, entry) => sum + entry.calls, 0);
  }

  /** Records calls made (or about to be made) now, whatever the budget says. */
  record(calls: number): void {
    if (calls > 0) this.entries.push({ at: this.now(), calls });
  }

  /**
   * Milliseconds until `calls` more fit in the window (0 when they fit now). A request larger
   * than the whole budget fits once the window is empty.
   */
  waitFor(calls: number): number {
    const at = this.now();
    this.prune(at);
    const allowed = Math.max(0, this.options.limit - Math.min(calls, this.options.limit));
    let used = this.entries.reduce((sum, entry) => sum + entry.calls, 0);
    if (used <= allowed) return 0;
    for (const entry of this.entries) {
      used -= entry.calls;
      if (used <= allowed) return entry.at + this.options.windowMs - at + 1;
    }
    return this.options.windowMs;
  }

  /** Waits until `calls` fit, records them, and answers how long it waited. */
  async take(calls: number, maxWaitMs = 5 * 60_000): Promise<number> {
    const started = this.now();
    for (;;) {
      const wait = this.waitFor(calls);
      if (wait === 0) {
        this.record(calls);
        return this.now() - started;
      }
      if (this.now() - started + wait > maxWaitMs)
        throw new Error(
          `the provider call budget stays full for more than ${Math.round(maxWaitMs / 1000)} s`,
        );
      await this.sleep(Math.min(wait, 1_000));
    }
  }
}

/**
 * Reconciles a budget with a provider's real call counter (the simulator's stats): calls the
 * counter saw beyond what was taken (retries, pages the estimate missed) are recorded too. A
 * counter that goes down (the simulator restarted) starts a new baseline.
 */
export class CounterReconciler {
  private baseline: number | null = null;
  private last = 0;
  private accounted = 0;

  constructor(private readonly budget: CallBudget) {}

  /** Calls taken through `budget.take` since the reconciler started. */
  taken(calls: number): void {
    this.accounted += calls;
  }

  /** Feeds the counter's current value. */
  observe(count: number): void {
    if (this.baseline === null || count < this.last) {
      this.baseline = count;
      this.last = count;
      this.accounted = 0;
      return;
    }
    this.last = count;
    const seen = count - this.baseline;
    if (seen > this.accounted) {
      this.budget.record(seen - this.accounted);
      this.accounted = seen;
    }
  }
}
