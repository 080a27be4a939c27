import { describe, expect, it } from "vitest";
import type { Flags } from "./conversation";
import { viewPredicate } from "./views";

const flags = (changes: Partial<Flags>): { flags: Flags } => ({
  flags: { important: false, archived: false, trashed: false, removedAtProvider: false, ...changes },
});

describe("views", () => {
  it("an important conversation that is then trashed leaves Important and shows only in Trash", () => {
    const trashedImportant = flags({ important: true, trashed: true });
    expect(viewPredicate("important")(trashedImportant)).toBe(false);
    expect(viewPredicate("inbox")(trashedImportant)).toBe(false);
    expect(viewPredicate("all")(trashedImportant)).toBe(false);
    expect(viewPredicate("trash")(trashedImportant)).toBe(true);
    expect(viewPredicate("important")(flags({ important: true }))).toBe(true);
  });

  it("archived conversations leave the inbox but stay in All", () => {
    const archived = flags({ archived: true });
    expect(viewPredicate("inbox")(archived)).toBe(false);
    expect(viewPredicate("archived")(archived)).toBe(true);
    expect(viewPredicate("all")(archived)).toBe(true);
  });

  it("a conversation deleted at the provider leaves the inbox", () => {
    expect(viewPredicate("inbox")(flags({ removedAtProvider: true }))).toBe(false);
  });
});
