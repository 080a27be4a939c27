import { describe, expect, it } from "vitest";
import type { ListParams } from "@/lib/client/conversation-queries";
import type { CostGroup } from "@/lib/model/costs";
import { chartData, MAX_SERIES, OTHER_SERIES } from "./chart-data";
import {
  conversationsHref,
  costsHref,
  describeCost,
  fillTimeGroups,
  formatMoney,
  formatShare,
  timeGrouping,
} from "./format";

const params: ListParams = {
  view: "all",
  connection: [],
  channelType: [],
  channel: [],
  responder: [],
  version: [],
  status: [],
  owner: [],
  label: [],
  assignee: [],
  reviewState: [],
  from: "2026-03-01",
  to: null,
  q: "refund",
  sort: "recent",
  cursor: "abc",
  limit: 25,
};

function group(key: string | null, conversations: number, extra: Partial<CostGroup> = {}): CostGroup {
  return {
    key,
    label: key ?? "No date",
    connectionId: null,
    currency: null,
    cost: null,
    conversations,
    knownCost: 0,
    unknownCost: conversations,
    byCurrency: [],
    ...extra,
  };
}

describe("costs formatting", () => {
  it("keeps currencies apart and says unknown, never $0", () => {
    expect(describeCost({ byCurrency: [] })).toBe("Unknown");
    expect(
      describeCost({
        byCurrency: [
          { currency: "EUR", cost: 2, conversations: 1 },
          { currency: "USD", cost: 0.2, conversations: 1 },
        ],
      }),
    ).toBe("€2.00 + $0.20");
    expect(formatMoney(0.0042, "USD")).toBe("$0.0042");
    expect(formatMoney(1234.5, "USD")).toBe("$1,234.50");
    expect(formatShare(0.004)).toBe("under 1%");
    expect(formatShare(0.5)).toBe("50%");
  });

  it("draws by day up to three months, else by week", () => {
    expect(timeGrouping("2026-01-01", "2026-03-31")).toBe("day");
    expect(timeGrouping("2026-01-01", "2026-12-31")).toBe("week");
    expect(timeGrouping(null, "2026-12-31")).toBe("week");
  });

  it("fills the days (and weeks, from their Monday) that had no conversation", () => {
    const days = fillTimeGroups([group("2026-03-02", 3), group("2026-03-04", 1), group(null, 2)], "day", {
      from: null,
      to: null,
    });
    expect(days.map((entry) => [entry.key, entry.conversations])).toEqual([
      ["2026-03-02", 3],
      ["2026-03-03", 0],
      ["2026-03-04", 1],
      [null, 2],
    ]);
    const weeks = fillTimeGroups([group("2026-03-09", 1)], "week", { from: "2026-03-04", to: "2026-03-20" });
    expect(weeks.map((entry) => entry.key)).toEqual(["2026-03-02", "2026-03-09", "2026-03-16"]);
  });

  it("links a breakdown row to the list with the page's filters, narrowed to the row", () => {
    const href = conversationsHref(params, "responder", { key: "r 1", connectionId: "c1" });
    const url = new URL(href ?? "", "http://x");
    expect(url.pathname).toBe("/conversations");
    expect(url.searchParams.get("responder")).toBe("r 1");
    expect(url.searchParams.get("connection")).toBe("c1");
    expect(url.searchParams.get("view")).toBe("all");
    expect(url.searchParams.get("q")).toBe("refund");
    expect(url.searchParams.get("cursor")).toBeNull();
    expect(conversationsHref(params, "channel", { key: null, connectionId: "c1" })).toBeNull();
    expect(costsHref({ connection: ["c1"], responder: ["r1"] })).toBe("/costs?connection=c1&responder=r1");
  });

  it("stacks the chart by series, the smaller ones together as Other, spend in one currency", () => {
    const series = Array.from({ length: MAX_SERIES + 2 }, (_, index) =>
      group(`s${index}`, 10 - index, {
        byCurrency: [{ currency: "USD", cost: 1, conversations: 1 }],
      }),
    );
    const data = chartData([group("2026-03-02", 100, { series })], "USD");
    expect(data.series).toHaveLength(MAX_SERIES);
    expect(data.series.at(-1)).toEqual({ id: OTHER_SERIES, label: "Other" });
    const values = data.rows[0]?.values ?? {};
    expect(values["count:s:s0"]).toBe(10);
    expect(values[`count:${OTHER_SERIES}`]).toBe(5 + 4 + 3);
    expect(values[`cost:${OTHER_SERIES}`]).toBe(3);
  });
});
