import { describe, expect, it } from "vitest";
import { deleteViewDescription } from "./delete-view-dialog";
import { viewCountText } from "./view-count";

describe("sidebar counts and the delete question", () => {
  it("writes a count with thousands separators, '+' when it is an estimate, nothing when unknown", () => {
    expect(viewCountText({ count: 12, isEstimate: false })).toBe("12");
    expect(viewCountText({ count: 10_000, isEstimate: true })).toBe("10,000+");
    expect(viewCountText({ count: 0, isEstimate: false })).toBe("0");
    expect(viewCountText({ count: null, isEstimate: false })).toBe("");
    expect(viewCountText(undefined)).toBe("");
  });

  it("says that everyone loses a shared view, and only the person a personal one", () => {
    expect(deleteViewDescription({ shared: true })).toMatch(/everyone loses it/);
    expect(deleteViewDescription({ shared: false })).not.toMatch(/everyone/);
  });
});
