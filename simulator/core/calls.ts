/**
 * Counts the calls each simulated provider receives, per API key, for `GET /__admin/calls`: the
 * bench compares Parley's sync calls with the fewest the provider's paging allows, and checks that
 * Chatling's budget (300 calls a minute per key) was never exceeded.
 *
 * Keys are reported by role (`primary`, `secondary`), never by value: the simulator's keys are demo
 * secrets all the same. A call whose key the provider refuses (missing, wrong, wrong header form)
 * counts under `unauthorized`. Every call to a provider prefix counts, including those answered
 * with an injected fault or the provider's own 429.
 */

const WINDOW_MS = 60_000;

export type KeyLabel = "primary" | "secondary" | "unauthorized";

export interface KeyCallCounts {
  total: number;
  /** The most calls started within any 60-second window (a sliding window, not clock minutes). */
  peakPerMinute: number;
  /** Calls per route, as `"GET /v2/chatbots/:chatbotId/conversations"`; `"GET (no route)"` when none matched. */
  byRoute: Record<string, number>;
  /** Calls per answered status (`"200"`, `"429"`, …); `"hang"` for calls held open by the hang fault. */
  byStatus: Record<string, number>;
}

class KeyCounter {
  total = 0;
  peakPerMinute = 0;
  private readonly byRoute = new Map<string, number>();
  private readonly byStatus = new Map<string, number>();
  /** Start times of the calls of the last minute, oldest first, from `head` on. */
  private recent: number[] = [];
  private head = 0;

  record(route: string, status: string, startedAt: number): void {
    this.total += 1;
    this.byRoute.set(route, (this.byRoute.get(route) ?? 0) + 1);
    this.byStatus.set(status, (this.byStatus.get(status) ?? 0) + 1);
    // Calls are recorded when answered, so start times can arrive slightly out of order: keep the
    // window sorted by inserting from the end.
    let position = this.recent.length;
    while (position > this.head && (this.recent[position - 1] as number) > startedAt) position -= 1;
    this.recent.splice(position, 0, startedAt);
    const newest = this.recent[this.recent.length - 1] as number;
    while (this.head < this.recent.length && (this.recent[this.head] as number) <= newest - WINDOW_MS)
      this.head += 1;
    this.peakPerMinute = Math.max(this.peakPerMinute, this.recent.length - this.head);
    if (this.head > 4_096 && this.head * 2 > this.recent.length) {
      this.recent = this.recent.slice(this.head);
      this.head = 0;
    }
  }

  snapshot(): KeyCallCounts {
    return {
      total: this.total,
      peakPerMinute: this.peakPerMinute,
      byRoute: Object.fromEntries([...this.byRoute].sort(([left], [right]) => left.localeCompare(right))),
      byStatus: Object.fromEntries([...this.byStatus].sort(([left], [right]) => left.localeCompare(right))),
    };
  }
}

export class CallCounter {
  private startedAt = new Date();
  private counters = new Map<string, Map<KeyLabel, KeyCounter>>();

  record(provider: string, key: KeyLabel, route: string, status: string, startedAt: number): void {
    let perKey = this.counters.get(provider);
    if (!perKey) {
      perKey = new Map();
      this.counters.set(provider, perKey);
    }
    let counter = perKey.get(key);
    if (!counter) {
      counter = new KeyCounter();
      perKey.set(key, counter);
    }
    counter.record(route, status, startedAt);
  }

  /** Counts since the start or the last `reset()`, per provider and key. */
  snapshot(providers: readonly string[]): {
    since: string;
    providers: Record<string, { total: number; keys: Partial<Record<KeyLabel, KeyCallCounts>> }>;
  } {
    return {
      since: this.startedAt.toISOString(),
      providers: Object.fromEntries(
        providers.map((provider) => {
          const perKey = this.counters.get(provider) ?? new Map<KeyLabel, KeyCounter>();
          let total = 0;
          for (const counter of perKey.values()) total += counter.total;
          const keys = Object.fromEntries([...perKey].map(([label, counter]) => [label, counter.snapshot()]));
          return [provider, { total, keys }];
        }),
      ),
    };
  }

  reset(): void {
    this.startedAt = new Date();
    this.counters = new Map();
  }
}
