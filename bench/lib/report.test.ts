import { describe, expect, it } from "vitest";
import { markdownTable, meets, median, plainTable, ratioOf, row, summary, unmeasured } from "./report";

describe("results", () => {
  it("divide by the baseline and judge the goal", () => {
    expect(ratioOf(115, 100)).toBeCloseTo(1.15);
    expect(ratioOf(1, 0)).toBeNull();
    expect(meets(1.15, { kind: "max", limit: 1.15 })).toBe(true);
    expect(meets(1.151, { kind: "max", limit: 1.15 })).toBe(false);
    expect(meets(1, { kind: "below", limit: 1 })).toBe(false);
    expect(meets(0.5, { kind: "min", limit: 0.5 })).toBe(true);
    expect(meets(null, { kind: "min", limit: 0.5 })).toBeNull();
    expect(meets(2, null)).toBeNull();
  });

  it("build rows whose verdict follows the numbers", () => {
    const fast = row({
      section: "s",
      name: "p50",
      baseline: "direct 50 ms",
      value: "Parley 55 ms",
      measured: 55,
      against: 50,
      goal: { kind: "max", limit: 1.15 },
    });
    expect(fast).toMatchObject({ ratio: 1.1, met: true });
    const slow = row({
      section: "s",
      name: "p99",
      baseline: "direct 50 ms",
      value: "Parley 90 ms",
      measured: 90,
      against: 50,
      goal: { kind: "max", limit: 1.5 },
    });
    expect(slow.met).toBe(false);
    const missing = unmeasured("s", "js", { kind: "max", limit: 1.6 }, "no rows");
    expect(summary([fast, slow, missing])).toEqual({ met: 1, notMet: 1, notMeasured: 1 });
  });

  it("print every row with its verdict and the notes below", () => {
    const rows = [
      row({
        section: "1a",
        name: "list p50",
        baseline: "direct 50 ms",
        value: "Parley 70 ms",
        measured: 70,
        against: 50,
        goal: { kind: "max", limit: 1.15 },
        note: "paced",
      }),
      unmeasured("4", "JavaScript | gzip", { kind: "max", limit: 1.6 }, "no rows"),
    ];
    const plain = plainTable(rows);
    expect(plain).toContain("1.40×");
    expect(plain).toContain("NOT MET");
    expect(plain).toContain("not measured");
    expect(plain).toContain("* list p50: paced");
    const markdown = markdownTable(rows);
    expect(markdown.split("\n")[1]).toBe("| --- | --- | --- | --- | --- | --- | --- |");
    expect(markdown).toContain("JavaScript \\| gzip");
  });

  it("take the median", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});
