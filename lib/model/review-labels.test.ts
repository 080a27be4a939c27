import { describe, expect, it } from "vitest";
import { resolveAssigneeMe, scoreFits, scoreFromStored, scoreLabel, storedScore } from "./review-labels";
import { reviewChangeSchema, reviewStatsQuerySchema } from "./review";

describe("review scores", () => {
  it("fit the mode an admin chose: whole numbers 1–5, or pass/fail", () => {
    expect([1, 3, 5].every((score) => scoreFits(score, "five"))).toBe(true);
    expect([0, 6, 2.5, "pass"].some((score) => scoreFits(score as never, "five"))).toBe(false);
    expect(scoreFits("pass", "pass_fail") && scoreFits("fail", "pass_fail")).toBe(true);
    expect(scoreFits(1, "pass_fail")).toBe(false);
  });

  it("are stored as integers with their mode and read back the same", () => {
    for (const [score, mode] of [
      [4, "five"],
      ["pass", "pass_fail"],
      ["fail", "pass_fail"],
    ] as const)
      expect(scoreFromStored(storedScore(score), mode)).toBe(score);
    expect(scoreFromStored(null, "five")).toBeNull();
    expect([scoreLabel(4), scoreLabel("pass"), scoreLabel(null)]).toEqual(["4/5", "Pass", "No score"]);
  });
});

describe("review inputs", () => {
  it("resolve `assignee=me` to the caller and keep other values", () => {
    expect(resolveAssigneeMe({ assignee: ["me", "none", "u1"] }, "u1")).toEqual({ assignee: ["u1", "none"] });
    const untouched = { assignee: ["none"] };
    expect(resolveAssigneeMe(untouched, "u1")).toBe(untouched);
  });

  it("refuse unknown fields, states and a negative version", () => {
    expect(reviewChangeSchema.safeParse({ reviewState: "done" }).success).toBe(false);
    expect(reviewChangeSchema.safeParse({ assignee: "u", extra: 1 }).success).toBe(false);
    expect(reviewChangeSchema.safeParse({ score: 3, reviewVersion: -1 }).success).toBe(false);
    expect(reviewChangeSchema.safeParse({ assignee: null, score: "pass", reviewVersion: 2 }).success).toBe(
      true,
    );
    expect(reviewStatsQuerySchema.safeParse({ reviewState: "reviewed,in_review" }).success).toBe(true);
    expect(reviewStatsQuerySchema.safeParse({ reviewState: "nope" }).success).toBe(false);
  });
});
