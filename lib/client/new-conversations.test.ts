import { describe, expect, it } from "vitest";
import type { Conversation } from "@/lib/model/conversation";
import { baselineOf, countNewRows, newRowsLabel } from "./new-conversations";

const row = (id: string, lastActivityAt: string | null, connectionId = "c1") =>
  ({ connectionId, id, lastActivityAt, createdAt: null }) as Conversation;

describe("the new-conversations banner", () => {
  const onScreen = [row("a", "2026-11-20T12:00:00.000Z"), row("b", "2026-11-20T11:00:00.000Z")];
  const baseline = baselineOf(onScreen);

  it("takes the newest activity on screen as the baseline", () => {
    expect(baseline.newest).toBe("2026-11-20T12:00:00.000Z");
    expect(baseline.keys.has("c1~a")).toBe(true);
  });

  it("counts rows that were not on screen and are newer than everything that was", () => {
    const after = [
      row("new1", "2026-11-20T12:00:05.000Z"),
      row("new2", "2026-11-20T12:00:03.000Z", "c2"),
      row("a", "2026-11-20T12:00:02.000Z"), // on screen already, with new activity: not new
      row("b", "2026-11-20T11:00:00.000Z"),
    ];
    expect(countNewRows(baseline, after, 100)).toEqual({ count: 2, more: false });
  });

  it("does not count older rows that come into view because others left it", () => {
    expect(
      countNewRows(
        baseline,
        [row("a", "2026-11-20T12:00:00.000Z"), row("old", "2026-11-19T00:00:00.000Z")],
        100,
      ),
    ).toEqual({
      count: 0,
      more: false,
    });
  });

  it("counts every row after an empty list, and says when there may be more", () => {
    const empty = baselineOf([]);
    expect(countNewRows(empty, [row("x", null), row("y", "2026-11-20T12:00:00.000Z")], 2)).toEqual({
      count: 2,
      more: true,
    });
  });

  it("words the count", () => {
    expect(newRowsLabel({ count: 1, more: false })).toBe("1 new conversation");
    expect(newRowsLabel({ count: 3, more: false })).toBe("3 new conversations");
    expect(newRowsLabel({ count: 100, more: true })).toBe("100+ new conversations");
  });
});
