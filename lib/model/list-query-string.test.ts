import { describe, expect, it } from "vitest";
import { canonicalListQuery, listHref } from "./list-query-string";

describe("canonical list query", () => {
  it("keeps the list state in one order, drops defaults, paging and the open conversation", () => {
    expect(
      canonicalListQuery(
        "?q=refund&cursor=abc&limit=50&open=c~1&status=ended&view=inbox&sort=recent&connection=b,a",
      ),
    ).toBe("connection=b%2Ca&status=ended&q=refund");
  });

  it("merges repeated and comma-separated values without duplicates", () => {
    expect(canonicalListQuery("status=ended&status=error,ended&view=important")).toBe(
      "view=important&status=ended%2Cerror",
    );
  });

  it("gives the same string for the same state written two ways", () => {
    expect(canonicalListQuery("sort=oldest&view=all&from=2026-01-01")).toBe(
      canonicalListQuery("?from=2026-01-01&view=all&sort=oldest&unknown=1"),
    );
    expect(listHref("")).toBe("/conversations");
    expect(listHref("view=all")).toBe("/conversations?view=all");
  });
});
