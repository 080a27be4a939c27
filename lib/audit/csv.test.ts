import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "./csv";

describe("audit CSV", () => {
  it("neutralises cells a spreadsheet would run as formulas", () => {
    for (const dangerous of ['=HYPERLINK("x")', "+1+1", "-2", "@SUM(A1)", "\tx", "\rx"]) {
      expect(csvCell(dangerous).startsWith(`"'`)).toBe(true);
    }
    expect(csvCell("plain")).toBe('"plain"');
  });

  it("quotes separators and doubles quotes", () => {
    expect(csvCell('a,"b"\nc')).toBe('"a,""b""\nc"');
  });

  it("serialises objects as JSON and nulls as empty", () => {
    expect(csvCell({ important: true })).toBe('"{""important"":true}"');
    expect(csvCell(null)).toBe('""');
  });

  it("builds rows with CRLF line ends", () => {
    expect(toCsv(["a", "b"], [[1, "x"]])).toBe('"a","b"\r\n"1","x"\r\n');
  });
});
