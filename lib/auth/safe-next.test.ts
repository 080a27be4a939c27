import { describe, expect, it } from "vitest";
import { DEFAULT_AFTER_SIGN_IN, safeNextPath } from "./safe-next";

describe("safeNextPath", () => {
  // What the page receives after the query string is decoded (`%5C` is `\`, `%09` a tab).
  const offSite = [
    "/\\evil.example/x",
    "/\t/evil.example",
    "/\\/evil.example",
    "//evil.example",
    "///evil.example",
    "/\\\\evil.example",
    "\\\\evil.example",
    "https://evil.example",
    "http:evil.example",
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "/\n/evil.example",
    " //evil.example",
    "evil.example",
    "",
  ];
  for (const next of offSite)
    it(`sends ${JSON.stringify(next)} to the default page`, () =>
      expect(safeNextPath(next)).toBe(DEFAULT_AFTER_SIGN_IN));

  it("keeps paths on Parley, normalised", () => {
    expect(safeNextPath("/conversations?view=archived#top")).toBe("/conversations?view=archived#top");
    expect(safeNextPath("/admin/users")).toBe("/admin/users");
    expect(safeNextPath("/a/../admin/audit")).toBe("/admin/audit");
  });

  it("ignores anything that is not one string", () => {
    expect(safeNextPath(["/admin", "//evil"])).toBe(DEFAULT_AFTER_SIGN_IN);
    expect(safeNextPath(undefined)).toBe(DEFAULT_AFTER_SIGN_IN);
  });
});
