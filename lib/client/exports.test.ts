import { describe, expect, it } from "vitest";
import { exportUrl, recordCounter } from "./exports";

describe("export progress", () => {
  it("counts CSV rows across chunks, not line breaks inside quoted cells", () => {
    const counter = recordCounter("csv");
    expect(counter.push('\uFEFF"a","b"\r\n"x","multi')).toBe(0);
    expect(counter.push('\r\nline"\r\n"y","z"\r\n')).toBe(2);
  });

  it("counts JSON Lines records by line", () => {
    const counter = recordCounter("jsonl");
    expect(counter.push('{"a":"x\\ny"}\n{"a"')).toBe(1);
    expect(counter.push(":1}\n")).toBe(2);
  });

  it("builds the export URL from the list's query string", () => {
    expect(exportUrl("csv", "")).toBe("/api/conversations/export?format=csv");
    expect(exportUrl("jsonl", "view=all&q=refund")).toBe(
      "/api/conversations/export?format=jsonl&view=all&q=refund",
    );
  });
});
