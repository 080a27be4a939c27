import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import {
  GUESSED_MESSAGES_PER_PAGE,
  pagesCovering,
  readThreadSlice,
  type MessagePageAnswer,
} from "./message-pages";

/** A fake thread of `total` messages served in pages of `perPage`, recording which pages were asked for. */
function fakeThread(total: number, perPage: number) {
  const requested: number[] = [];
  const fetchPage = async (page: number): Promise<MessagePageAnswer> => {
    requested.push(page);
    const start = (page - 1) * perPage;
    const count = Math.max(0, Math.min(perPage, total - start));
    return {
      pages: { current_page: page, last_page: Math.max(1, Math.ceil(total / perPage)), per_page: perPage },
      messages: Array.from({ length: count }, (_, index) => ({
        id: String(start + index),
        role: "user",
        text: `m${start + index}`,
      })),
    };
  };
  return { fetchPage, requested };
}

describe("pagesCovering", () => {
  it("names the pages holding a slice", () => {
    expect(pagesCovering(0, 100, 100)).toEqual({ first: 1, last: 1 });
    expect(pagesCovering(0, 101, 100)).toEqual({ first: 1, last: 2 });
    expect(pagesCovering(250, 200, 100)).toEqual({ first: 3, last: 5 });
  });
});

describe("readThreadSlice", () => {
  it("reads a slice across pages and fetches the last page once for the exact count", async () => {
    const thread = fakeThread(10_000, 100);
    const slice = await readThreadSlice(thread.fetchPage, 250, 200);
    expect(slice.total).toBe(10_000);
    expect(slice.messages.map(({ position }) => position)).toEqual(
      Array.from({ length: 200 }, (_, index) => 250 + index),
    );
    expect(slice.messages[0]?.message.id).toBe("250");
    expect([...thread.requested].sort((left, right) => left - right)).toEqual([3, 4, 5, 100]);
  });

  it("learns the real page size when the guess is wrong", async () => {
    const thread = fakeThread(95, 15);
    const slice = await readThreadSlice(thread.fetchPage, 40, 10);
    expect(slice.total).toBe(95);
    expect(slice.messages.map(({ message }) => message.id)).toEqual([
      "40",
      "41",
      "42",
      "43",
      "44",
      "45",
      "46",
      "47",
      "48",
      "49",
    ]);
    expect(thread.requested[0]).toBe(1);
    expect(new Set(thread.requested)).toEqual(new Set([1, 3, 4, 7]));
  });

  it("answers an empty thread and an offset past the end with nothing, but the right total", async () => {
    expect(await readThreadSlice(fakeThread(0, 100).fetchPage, 0, 50)).toEqual({ messages: [], total: 0 });
    const past = await readThreadSlice(fakeThread(30, 100).fetchPage, 500, 50);
    expect(past).toEqual({ messages: [], total: 30 });
  });

  test.prop([
    fc.integer({ min: 0, max: 700 }),
    fc.integer({ min: 1, max: 120 }),
    fc.integer({ min: 0, max: 400 }),
    fc.constantFrom(GUESSED_MESSAGES_PER_PAGE, 7, 20, 100, 250),
  ])(
    "returns exactly positions offset … offset + limit - 1 that exist",
    async (total, perPage, offset, limit) => {
      const thread = fakeThread(total, perPage);
      const slice = await readThreadSlice(thread.fetchPage, offset, limit);
      const expected = Array.from(
        { length: Math.max(0, Math.min(total, offset + limit) - offset) },
        (_, index) => offset + index,
      );
      expect(slice.total).toBe(total);
      expect(slice.messages.map(({ position }) => position)).toEqual(expected);
      expect(slice.messages.map(({ message }) => message.id)).toEqual(expected.map(String));
    },
  );
});
