import { describe, expect, it } from "vitest";
import { CallCounter } from "./calls";

describe("CallCounter", () => {
  it("finds the busiest sliding minute, also when calls finish out of order", () => {
    const counter = new CallCounter();
    const record = (at: number) => counter.record("chatling", "primary", "GET /v2/chatbots", "200", at);
    // 3 calls in the first minute, then 4 within 60 s straddling two clock minutes.
    for (const at of [0, 10_000, 20_000]) record(at);
    for (const at of [95_000, 90_000, 130_000, 149_999]) record(at);
    record(260_000);
    const counts = counter.snapshot(["chatling"]).providers.chatling?.keys.primary;
    expect(counts?.total).toBe(8);
    expect(counts?.peakPerMinute).toBe(4);
  });

  it("counts exactly the budget in every minute of a long run at 300 calls a minute", () => {
    const counter = new CallCounter();
    for (let index = 0; index < 30_000; index++)
      counter.record("chatling", "primary", "GET /v2/chatbots", "200", index * 200);
    expect(counter.snapshot(["chatling"]).providers.chatling?.keys.primary?.peakPerMinute).toBe(300);
  });
});
