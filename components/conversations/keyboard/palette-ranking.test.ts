import { describe, expect, it } from "vitest";
import { kindKeyword, paletteFilter, type PaletteKind } from "./palette-ranking";

/** The palette's items as the list page offers them: [value, keywords, kind]. */
const items: [string, string[], PaletteKind][] = [
  ["Open conversation", ["action", "view", "read"], "action"],
  ["Mark important", ["action", "star", "flag"], "action"],
  ["Archive", ["action", "unarchive", "done"], "destructive"],
  ["Rename", ["action", "title"], "action"],
  ["Move to trash", ["action", "delete", "trash", "restore"], "destructive"],
  ["Go to Inbox", ["view", "Inbox"], "navigation"],
  ["Go to Important", ["view", "Important"], "navigation"],
  ["Go to Archived", ["view", "Archived"], "navigation"],
  ["Go to Trash", ["view", "Trash"], "navigation"],
  ["Go to All", ["view", "All"], "navigation"],
  ["Toggle theme", ["dark", "light", "mode", "appearance"], "setting"],
  ["Search archive export failing", ["conversation"], "conversation"],
];

/** What Enter runs: the best-scored item (cmdk keeps the first of equal scores). */
function best(search: string): string | undefined {
  let top: { value: string; score: number } | undefined;
  for (const [value, keywords, kind] of items) {
    const score = paletteFilter(value, search, [...keywords, kindKeyword(kind)]);
    if (score > 0 && (!top || score > top.score)) top = { value, score };
  }
  return top?.value;
}

describe("paletteFilter", () => {
  it.each([
    ["arch", "Go to Archived"],
    ["ar", "Go to Archived"],
    ["tra", "Go to Trash"],
    ["imp", "Go to Important"],
    ["archive", "Archive"],
    ["move to trash", "Move to trash"],
    ["delete", "Move to trash"],
    ["export fail", "Search archive export failing"],
    ["ren", "Rename"],
  ])("%j + Enter runs %j", (search, value) => {
    expect(best(search)).toBe(value);
  });

  it("never matches the kind keyword itself", () => {
    expect(paletteFilter("Go to Inbox", "navigation", ["view", kindKeyword("navigation")])).toBe(0);
    expect(paletteFilter("Archive", "destructive", [kindKeyword("destructive")])).toBe(0);
  });

  it("leaves items without a kind as cmdk scores them", () => {
    expect(paletteFilter("Only Cozmox (demo)", "coz", ["connection"])).toBeGreaterThan(0);
  });
});
