import { describe, expect, it } from "vitest";
import { indexCases, percentile } from "./index-cases";

describe("percentile", () => {
  it("takes the nearest rank of sorted values", () => {
    const values = Array.from({ length: 100 }, (_, index) => index + 1);
    expect(percentile(values, 0.5)).toBe(50);
    expect(percentile(values, 0.99)).toBe(99);
    expect(percentile([7], 0.99)).toBe(7);
    expect(percentile([], 0.5)).toBeNaN();
  });
});

describe("indexCases", () => {
  it("asks for the five first pages of issue 10", () => {
    expect(indexCases.map((entry) => entry.name)).toHaveLength(5);
    expect(indexCases.filter((entry) => entry.params.q).map((entry) => entry.params.q)).toEqual([
      "reembolso",
      "申请退",
      "quetzalcoatl",
    ]);
  });
});
