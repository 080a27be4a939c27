import { describe, expect, it } from "vitest";
import type { Flags } from "./conversation";
import { conversationInView } from "./views";

const flags = (changes: Partial<Flags>): { flags: Flags } => ({
  flags: { important: false, archived: false, trashed: false, removedAtProvider: false, ...changes },
});

describe("views", () => {
  it("an important conversation that is then trashed leaves Important and shows only in Trash", () => {
    const trashedImportant = flags({ important: true, trashed: true });
    expect(conversationInView("important")(trashedImportant)).toBe(false);
    expect(conversationInView("inbox")(trashedImportant)).toBe(false);
    expect(conversationInView("all")(trashedImportant)).toBe(false);
    expect(conversationInView("trash")(trashedImportant)).toBe(true);
    expect(conversationInView("important")(flags({ important: true }))).toBe(true);
  });

  it("archived conversations leave the inbox but stay in All", () => {
    const archived = flags({ archived: true });
    expect(conversationInView("inbox")(archived)).toBe(false);
    expect(conversationInView("archived")(archived)).toBe(true);
    expect(conversationInView("all")(archived)).toBe(true);
  });

  it("a conversation deleted at the provider leaves the inbox", () => {
    expect(conversationInView("inbox")(flags({ removedAtProvider: true }))).toBe(false);
  });
});
