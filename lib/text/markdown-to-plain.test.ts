import { describe, expect, it } from "vitest";
import { markdownToPlain } from "./markdown-to-plain";

describe("markdownToPlain", () => {
  it.each([
    ["Refunds take **5 business days**.", "Refunds take 5 business days."],
    ["Upgrade to __Team__ plan", "Upgrade to Team plan"],
    ["API `plan` endpoint", "API plan endpoint"],
    ["*really* ~~not~~ sure", "really not sure"],
    ["# Order status", "Order status"],
    ["> quoted answer", "quoted answer"],
    ["See [the docs](https://example.com/docs) first", "See the docs first"],
    ["![diagram](https://example.com/x.png) attached", "diagram attached"],
    ["- one\n- two\n1. three", "one two three"],
    ["line one  \nline two\n\nnext paragraph", "line one line two next paragraph"],
    ["| Plan | Price |\n| --- | --- |\n| Team | $10 |", "Plan Price Team $10"],
    ["```\nError 500\n```", "Error 500"],
  ])("strips the marks of %j", (markdown, plain) => {
    expect(markdownToPlain(markdown)).toBe(plain);
  });

  it("keeps plain text, unicode and hostile HTML exactly as text", () => {
    for (const text of [
      "Shipping to Canada 🇨🇦",
      "استفسار عن الطلب 📦",
      "<script>alert('xss')</script>",
      '"><svg onload=alert(1)>',
      "Robert'); DROP TABLE customers;--",
      "Price 5 * 3 = 15",
    ])
      expect(markdownToPlain(text)).toBe(text);
  });

  it("folds whitespace to one line and handles empty and very long input", () => {
    expect(markdownToPlain("  a \n\n b  ")).toBe("a b");
    expect(markdownToPlain("")).toBe("");
    expect(markdownToPlain("**x** ".repeat(5_000)).length).toBeLessThanOrEqual(2_000);
  });
});
