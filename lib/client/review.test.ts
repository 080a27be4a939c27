import { describe, expect, it } from "vitest";
import type { Review } from "@/lib/model/review";
import { applyReviewEdit, describeReviewEdit, inverseReviewEdit } from "./review";

const me = { id: "u-me", name: "Sam" };
const options = { scoreMode: "five" as const, assignees: [me, { id: "u-ada", name: "Ada" }] };
const untouched: Review = {
  assignee: null,
  reviewState: "unreviewed",
  reviewedBy: null,
  reviewedAt: null,
  score: null,
  reviewReason: null,
  version: 0,
};

describe("review edits in the browser", () => {
  it("show the change before the server answers, with who reviewed and the next version", () => {
    const after = applyReviewEdit(
      untouched,
      { assignee: "u-ada", score: 4, reviewState: "reviewed" },
      options,
      me,
    );
    expect(after).toMatchObject({
      assignee: { id: "u-ada", name: "Ada" },
      score: 4,
      reviewState: "reviewed",
      reviewedBy: me,
      version: 1,
    });
    expect(applyReviewEdit(after, { reviewState: "in_review" }, options, me)).toMatchObject({
      reviewedBy: null,
      reviewedAt: null,
    });
  });

  it("undo only the fields a change touched, back to what they were", () => {
    const before: Review = {
      ...untouched,
      assignee: { id: "u-ada", name: "Ada" },
      score: 2,
      reviewReason: "l1",
    };
    expect(inverseReviewEdit(before, { assignee: "u-me", reviewState: "reviewed" })).toEqual({
      assignee: "u-ada",
      reviewState: "unreviewed",
    });
    expect(inverseReviewEdit(before, { score: 5, reviewReason: null })).toEqual({
      score: 2,
      reviewReason: "l1",
    });
  });

  it("say what changed in words", () => {
    expect(describeReviewEdit({ assignee: "u-ada" }, options)).toBe("Assigned to Ada");
    expect(describeReviewEdit({ score: "pass", reviewState: "reviewed" })).toBe(
      "Scored Pass, marked reviewed",
    );
    expect(describeReviewEdit({ assignee: null })).toBe("Unassigned");
  });
});
