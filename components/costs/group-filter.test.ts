import { describe, expect, it } from "vitest";
import type { ListParams } from "@/lib/client/conversation-queries";
import { exportUrl } from "@/lib/client/exports";
import { dateRangeParams, exportListQuery, groupParams, listHrefOf } from "./group-filter";

const params: ListParams = {
  view: "all",
  connection: ["c1", "c2"],
  channelType: [],
  channel: [],
  responder: [],
  version: [],
  status: ["open"],
  owner: [],
  label: [],
  assignee: [],
  reviewState: [],
  from: "2026-03-04",
  to: "2026-03-20",
  q: "refund",
  sort: "recent",
  cursor: "abc",
  limit: 25,
};

const query = (narrowed: ListParams | null) => new URLSearchParams(narrowed ? exportListQuery(narrowed) : "");

describe("a breakdown row as a list filter", () => {
  it("keeps the page's filters and adds the row's connection, responder or channel", () => {
    const responder = query(groupParams(params, "responder", { key: "r 1", connectionId: "c2" }));
    expect(Object.fromEntries(responder)).toEqual({
      view: "all",
      connection: "c2",
      responder: "r 1",
      status: "open",
      from: "2026-03-04",
      to: "2026-03-20",
      q: "refund",
    });
    expect(query(groupParams(params, "channel", { key: "web", connectionId: "c1" })).get("channel")).toBe(
      "web",
    );
    const connection = query(groupParams(params, "connection", { key: "c1", connectionId: "c1" }));
    expect(connection.get("connection")).toBe("c1");
    expect(connection.get("responder")).toBeNull();
    // No cursor or page size: an export covers every page.
    expect(connection.get("cursor")).toBeNull();
    expect(connection.get("limit")).toBeNull();
    expect(groupParams(params, "channel", { key: null, connectionId: "c1" })).toBeNull();
    expect(groupParams(params, "responder", { key: "r1", connectionId: null })).toBeNull();
  });

  it("a label row filters by its label over every connection of the page; 'No label' has no filter", () => {
    const label = query(groupParams(params, "label", { key: "lab-1", connectionId: null }));
    expect(label.get("label")).toBe("lab-1");
    expect(label.get("connection")).toBe("c1,c2");
    expect(label.get("q")).toBe("refund");
    expect(groupParams(params, "label", { key: null, connectionId: null })).toBeNull();
  });

  it("under a label filter, only a label of the filter is exact (the list's label filter is 'any of')", () => {
    const filtered = { ...params, label: ["lab-1", "lab-2"] };
    expect(groupParams(filtered, "label", { key: "lab-2", connectionId: null })?.label).toEqual(["lab-2"]);
    // Conversations with lab-1 or lab-2 that also carry lab-3: no list filter says that.
    expect(groupParams(filtered, "label", { key: "lab-3", connectionId: null })).toBeNull();
  });

  it("a day or a week row narrows the date range, never beyond the page's", () => {
    const open = { ...params, from: null, to: null };
    expect(dateRangeParams(open, "day", "2026-03-10")).toMatchObject({
      from: "2026-03-10",
      to: "2026-03-10",
    });
    // A week runs from its Monday to its Sunday.
    expect(dateRangeParams(open, "week", "2026-03-09")).toMatchObject({
      from: "2026-03-09",
      to: "2026-03-15",
    });
    // The page's range cuts the first and the last week.
    expect(dateRangeParams(params, "week", "2026-03-02")).toMatchObject({
      from: "2026-03-04",
      to: "2026-03-08",
    });
    expect(dateRangeParams(params, "week", "2026-03-16")).toMatchObject({
      from: "2026-03-16",
      to: "2026-03-20",
    });
    const timed = { ...params, to: "2026-03-10T12:00:00.000Z" };
    expect(dateRangeParams(timed, "day", "2026-03-10")).toMatchObject({
      from: "2026-03-10",
      to: "2026-03-10T12:00:00.000Z",
    });
    expect(dateRangeParams(params, "day", "2026-03-30")).toBeNull();
    expect(dateRangeParams(params, "day", null)).toBeNull();
    const day = query(dateRangeParams(params, "day", "2026-03-10"));
    expect(day.get("connection")).toBe("c1,c2");
    expect(day.get("status")).toBe("open");
  });

  it("is the export's URL and the list's link", () => {
    const narrowed = groupParams(params, "label", { key: "lab 1", connectionId: null }) as ListParams;
    expect(narrowed).not.toBeNull();
    const url = new URL(exportUrl("csv", exportListQuery(narrowed)), "http://x");
    expect(url.pathname).toBe("/api/conversations/export");
    expect(url.searchParams.get("format")).toBe("csv");
    expect(url.searchParams.get("label")).toBe("lab 1");
    const link = new URL(listHrefOf(narrowed), "http://x");
    expect(link.pathname).toBe("/conversations");
    expect(link.searchParams.get("label")).toBe("lab 1");
    expect(link.searchParams.get("cursor")).toBeNull();
  });
});
