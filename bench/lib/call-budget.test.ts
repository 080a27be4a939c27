import { describe, expect, it } from "vitest";
import { CallBudget, CounterReconciler } from "./call-budget";

function fakeClock(start = 1_000_000) {
  let now = start;
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
    sleep: async (ms: number) => {
      now += ms;
    },
  };
}

describe("CallBudget", () => {
  it("counts only the calls inside the sliding window", () => {
    const clock = fakeClock();
    const budget = new CallBudget({ limit: 10, windowMs: 60_000, now: clock.now });
    budget.record(4);
    clock.advance(30_000);
    budget.record(3);
    expect(budget.used()).toBe(7);
    clock.advance(30_000);
    expect(budget.used()).toBe(3);
    clock.advance(30_000);
    expect(budget.used()).toBe(0);
  });

  it("says how long until calls fit: when enough old entries leave the window", () => {
    const clock = fakeClock();
    const budget = new CallBudget({ limit: 10, windowMs: 60_000, now: clock.now });
    budget.record(6);
    clock.advance(10_000);
    budget.record(4);
    expect(budget.waitFor(0)).toBe(0);
    expect(budget.waitFor(3)).toBe(50_001);
    expect(budget.waitFor(7)).toBe(60_001);
    clock.advance(50_001);
    expect(budget.waitFor(3)).toBe(0);
  });

  it("lets a request larger than the whole budget through once the window is empty", () => {
    const clock = fakeClock();
    const budget = new CallBudget({ limit: 10, windowMs: 60_000, now: clock.now });
    expect(budget.waitFor(25)).toBe(0);
    budget.record(1);
    expect(budget.waitFor(25)).toBe(60_001);
  });

  it("take waits on the clock, then records the calls", async () => {
    const clock = fakeClock();
    const budget = new CallBudget({ limit: 10, windowMs: 60_000, now: clock.now, sleep: clock.sleep });
    await budget.take(8);
    const waited = await budget.take(5);
    expect(waited).toBeGreaterThanOrEqual(60_000);
    expect(budget.used()).toBe(5);
  });

  it("take gives up when the wait would be longer than allowed", async () => {
    const clock = fakeClock();
    const budget = new CallBudget({ limit: 10, windowMs: 60_000, now: clock.now, sleep: clock.sleep });
    budget.record(10);
    await expect(budget.take(1, 5_000)).rejects.toThrow(/budget stays full/);
  });
});

describe("CounterReconciler", () => {
  it("records the calls the counter saw beyond what was taken", () => {
    const clock = fakeClock();
    const budget = new CallBudget({ limit: 100, windowMs: 60_000, now: clock.now });
    const reconciler = new CounterReconciler(budget);
    reconciler.observe(40); // baseline: calls before the run are not this run's
    budget.record(5);
    reconciler.taken(5);
    reconciler.observe(52); // 12 seen, 5 taken: 7 more recorded
    expect(budget.used()).toBe(12);
    reconciler.observe(52);
    expect(budget.used()).toBe(12);
  });

  it("does not record when the estimates were larger than the real calls", () => {
    const clock = fakeClock();
    const budget = new CallBudget({ limit: 100, windowMs: 60_000, now: clock.now });
    const reconciler = new CounterReconciler(budget);
    reconciler.observe(0);
    budget.record(10);
    reconciler.taken(10);
    reconciler.observe(6);
    expect(budget.used()).toBe(10);
  });

  it("starts a new baseline when the counter goes down (the simulator restarted)", () => {
    const clock = fakeClock();
    const budget = new CallBudget({ limit: 100, windowMs: 60_000, now: clock.now });
    const reconciler = new CounterReconciler(budget);
    reconciler.observe(500);
    reconciler.observe(3);
    expect(budget.used()).toBe(0);
    reconciler.observe(9);
    expect(budget.used()).toBe(6);
  });
});
