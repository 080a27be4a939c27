import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findRanges, highlightSegments, searchNeedles } from "./search-folding";

describe("searchNeedles and findRanges", () => {
  it("finds words ignoring case and accents, with offsets into the original text", () => {
    const text = "Cadê o meu PEDIDO? cade";
    const ranges = findRanges(text, searchNeedles("cade pedido"));
    expect(ranges.map((range) => text.slice(range.start, range.end))).toEqual(["Cadê", "PEDIDO", "cade"]);
  });

  it("merges overlapping needles into one range", () => {
    expect(findRanges("refunds", searchNeedles("refund fund"))).toEqual([{ start: 0, end: 6 }]);
  });
});

describe("highlightSegments", () => {
  it("cuts a snippet into plain and marked segments", () => {
    expect(highlightSegments("…where is my order?", [{ start: 13, end: 18 }])).toEqual([
      { text: "…where is my ", marked: false },
      { text: "order", marked: true },
      { text: "?", marked: false },
    ]);
  });

  it("treats ranges from the server as untrusted: clamped, sorted, overlaps merged", () => {
    expect(
      highlightSegments("abcdef", [
        { start: 4, end: 99 },
        { start: -3, end: 1 },
        { start: 0, end: 2 },
        { start: 3, end: 3 },
      ]),
    ).toEqual([
      { text: "ab", marked: true },
      { text: "cd", marked: false },
      { text: "ef", marked: true },
    ]);
  });

  it("never loses or adds text, whatever the ranges", () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.array(
          fc.record({ start: fc.integer({ min: -5, max: 40 }), end: fc.integer({ min: -5, max: 40 }) }),
        ),
        (text, ranges) => {
          const segments = highlightSegments(text, ranges);
          expect(segments.map((segment) => segment.text).join("")).toBe(text);
          expect(segments.every((segment) => segment.text.length > 0)).toBe(true);
          for (let index = 1; index < segments.length; index++)
            expect(segments[index]?.marked && segments[index - 1]?.marked).toBe(false);
        },
      ),
    );
  });
});
