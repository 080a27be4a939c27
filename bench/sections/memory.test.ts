/** The memory section's idle row: the resident size right after start against the 350 MB budget. */
import { describe, expect, it } from "vitest";
import { idleRow } from "./memory";

describe("idle memory row", () => {
  it("is met under 350 MB and says the figure", () => {
    const row = idleRow({ pid: 1, kilobytes: 300 * 1024, secondsAfterSignIn: 5 });
    expect(row.value).toBe("300 MB");
    expect(row.baseline).toBe("budget 350 MB");
    expect(row.met).toBe(true);
  });

  it("is not met at 350 MB or more", () => {
    expect(idleRow({ pid: 1, kilobytes: 350 * 1024, secondsAfterSignIn: 5 }).met).toBe(false);
    expect(idleRow({ pid: 1, kilobytes: 523 * 1024, secondsAfterSignIn: 5 }).met).toBe(false);
  });

  it("is not measured without a sample", () => {
    expect(idleRow(undefined)).toMatchObject({ value: "not measured", met: null });
    expect(idleRow({ pid: 1, kilobytes: null, secondsAfterSignIn: 5 })).toMatchObject({ met: null });
  });
});
