import { describe, expect, it } from "vitest";
import {
  bodyToDraft,
  createNoteSchema,
  draftToBody,
  MAX_MENTIONS_PER_NOTE,
  mentionIdsOf,
  mentionQueryAt,
  mentionToken,
} from "./notes";

const ada = { id: "u-ada", name: "Ada" };
const adaL = { id: "u-ada-l", name: "Ada Lovelace" };

describe("mentions", () => {
  it("reads the distinct mentioned ids in order, ignoring what only looks like a token", () => {
    expect(mentionIdsOf("<@b> and <@a>, again <@b>; not <@ spaced> nor <@bad!id> nor @a")).toEqual([
      "b",
      "a",
    ]);
    expect(mentionIdsOf("no mentions")).toEqual([]);
  });

  it("turns the composer's @Name of chosen users into tokens, longest names first, whole names only", () => {
    expect(draftToBody("@Ada Lovelace and @Ada, not @Adam", [ada, adaL])).toBe(
      `${mentionToken("u-ada-l")} and ${mentionToken("u-ada")}, not @Adam`,
    );
    expect(draftToBody("cost is $5 (@Ada.)", [ada])).toBe(`cost is $5 (${mentionToken("u-ada")}.)`);
    expect(draftToBody("@Ada", [])).toBe("@Ada");
  });

  it("turns a stored body back into the composer's text with the current names", () => {
    const body = `${mentionToken("u-ada")} meet ${mentionToken("gone")}`;
    const draft = bodyToDraft(body, [
      { id: "u-ada", name: "Ada Renamed", active: true },
      { id: "gone", name: null, active: false },
    ]);
    expect(draft.text).toBe(`@Ada Renamed meet ${mentionToken("gone")}`);
    expect(draftToBody(draft.text, draft.chosen)).toBe(body);
  });

  it("finds the @query being typed before the caret", () => {
    expect(mentionQueryAt("hello @ad", 9)).toEqual({ start: 6, query: "ad" });
    expect(mentionQueryAt("@", 1)).toEqual({ start: 0, query: "" });
    expect(mentionQueryAt("ping (@Ada Lo", 13)).toEqual({ start: 6, query: "Ada Lo" });
    expect(mentionQueryAt("mail me@example", 15)).toBeNull();
    expect(mentionQueryAt("@Ada. Then", 10)).toBeNull();
    expect(mentionQueryAt("@ada\nnext", 9)).toBeNull();
  });

  it("limits the body and the number of people mentioned", () => {
    expect(createNoteSchema.safeParse({ body: "  ok  " }).data).toEqual({ body: "ok", messageId: null });
    const many = Array.from({ length: MAX_MENTIONS_PER_NOTE + 1 }, (_, index) =>
      mentionToken(`u${index}`),
    ).join(" ");
    expect(createNoteSchema.safeParse({ body: many }).success).toBe(false);
    expect(createNoteSchema.safeParse({ body: "x", messageId: "" }).success).toBe(false);
  });
});
