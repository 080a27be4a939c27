import { describe, expect, it } from "vitest";
import { formatExactTime, formatRelativeTime } from "./time-format";

const now = Date.parse("2026-11-20T12:00:00.000Z");
const ago = (ms: number) => new Date(now - ms).toISOString();

describe("formatRelativeTime", () => {
  it.each([
    [10_000, "just now"],
    [5 * 60_000, "5 min ago"],
    [3 * 3_600_000, "3 h ago"],
    [12 * 86_400_000, "12 d ago"],
    [16 * 86_400_000, "16 d ago"],
    [95 * 86_400_000, "3 mo ago"],
    [800 * 86_400_000, "2 y ago"],
  ])("writes %i ms ago as %j", (elapsed, text) => {
    expect(formatRelativeTime(ago(elapsed), now)).toBe(text);
  });

  it("answers null for a missing or unreadable time, and tolerates a little clock skew", () => {
    expect(formatRelativeTime(null, now)).toBeNull();
    expect(formatRelativeTime("yesterday", now)).toBeNull();
    expect(formatRelativeTime(ago(-20_000), now)).toBe("just now");
    expect(formatRelativeTime(ago(-3_600_000), now)).toBe("in the future");
  });
});

describe("formatExactTime", () => {
  it("writes the date with seconds, and null for nothing", () => {
    expect(formatExactTime("2026-11-20T11:53:35.000Z")).toMatch(/2026.*\d{1,2}:\d{2}:\d{2}/);
    expect(formatExactTime(undefined)).toBeNull();
  });
});
