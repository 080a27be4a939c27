import { describe, expect, it } from "vitest";
import {
  answerDisagrees,
  compareAudit,
  expectedState,
  isAudited,
  nextChange,
  stateDifferences,
  type ModerationRecord,
} from "./moderation-ledger";

const initial = { important: false, archived: false, trashed: false, title: "Refund" };

function record(
  change: ModerationRecord["change"],
  status: number | null,
  errorCode: string | null = null,
): ModerationRecord {
  return { conversationKey: "c/1", change, status, errorCode, answeredState: null };
}

describe("expectedState", () => {
  it("applies successful changes in order and ignores failed ones", () => {
    const records = [
      record({ important: true }, 200),
      record({ archived: true }, 502, "provider_unavailable"),
      record({ title: "Renamed" }, 200),
      record({ important: false }, 200),
      record({ trashed: true }, 503, "provider_rate_limited"),
      record({ trashed: true }, null),
    ];
    expect(expectedState(initial, records)).toEqual({
      important: false,
      archived: false,
      trashed: false,
      title: "Renamed",
    });
  });

  it("keeps the initial state when nothing succeeded", () => {
    expect(expectedState(initial, [record({ important: true }, 502, "provider_unavailable")])).toEqual(
      initial,
    );
  });
});

describe("stateDifferences", () => {
  it("names each field that differs", () => {
    expect(stateDifferences(initial, { ...initial, archived: true, title: "Other" })).toEqual([
      "archived: expected false, read true",
      'title: expected "Refund", read "Other"',
    ]);
    expect(stateDifferences(initial, { ...initial })).toEqual([]);
  });
});

describe("audit accounting", () => {
  it("expects a row for answers from the moderation service only", () => {
    expect(isAudited(record({ important: true }, 200))).toBe(true);
    expect(isAudited(record({ important: true }, 502, "provider_unavailable"))).toBe(true);
    expect(isAudited(record({ important: true }, 404, "provider_not_found"))).toBe(true);
    expect(isAudited(record({ important: true }, 400, "invalid_request"))).toBe(false);
    expect(isAudited(record({ important: true }, 401, "unauthorized"))).toBe(false);
    expect(isAudited(record({ important: true }, null))).toBe(false);
  });

  it("matches rows and outcomes to the requests", () => {
    const records = [
      record({ important: true }, 200),
      record({ archived: true }, 502, "provider_unavailable"),
    ];
    expect(compareAudit(records, [{ outcome: "failure" }, { outcome: "success" }]).ok).toBe(true);
    const missing = compareAudit(records, [{ outcome: "success" }]);
    expect(missing).toMatchObject({ ok: false, expectedRows: 2, rows: 1 });
    const duplicated = compareAudit(records, [
      { outcome: "success" },
      { outcome: "success" },
      { outcome: "failure" },
    ]);
    expect(duplicated.ok).toBe(false);
    const wrongOutcome = compareAudit(records, [{ outcome: "success" }, { outcome: "success" }]);
    expect(wrongOutcome.ok).toBe(false);
  });
});

describe("answerDisagrees", () => {
  it("flags a 200 whose state is not what was asked", () => {
    const good = { ...record({ archived: true }, 200), answeredState: { ...initial, archived: true } };
    const bad = { ...record({ archived: true }, 200), answeredState: { ...initial } };
    expect(answerDisagrees(good)).toBeNull();
    expect(answerDisagrees(bad)).toMatch(/answered/);
  });
});

describe("nextChange", () => {
  it("flips flags and makes new titles", () => {
    expect(nextChange(initial, "important", "1")).toEqual({ important: true });
    expect(nextChange({ ...initial, archived: true }, "archived", "1")).toEqual({ archived: false });
    expect(nextChange(initial, "trashed", "1")).toEqual({ trashed: true });
    expect(nextChange(initial, "title", "7.3")).toEqual({ title: "Load test 7.3" });
  });
});
