import { describe, expect, it } from "vitest";
import {
  backfillFinished,
  backfillFloor,
  busiestMinute,
  callsAgainstFloors,
  isAddedConversation,
  pagesOf,
  pagesUntilShort,
} from "./sync-calls";

describe("pages", () => {
  it("counts started pages, at least one", () => {
    expect(pagesOf(0, 100)).toBe(1);
    expect(pagesOf(1, 100)).toBe(1);
    expect(pagesOf(100, 100)).toBe(1);
    expect(pagesOf(101, 100)).toBe(2);
  });

  it("needs one more, short page when the last page is full and no total is given", () => {
    expect(pagesUntilShort(0, 50)).toBe(1);
    expect(pagesUntilShort(49, 50)).toBe(1);
    expect(pagesUntilShort(50, 50)).toBe(2);
    expect(pagesUntilShort(120, 50)).toBe(3);
  });

  it("refuses a page size that is not positive", () => {
    expect(() => pagesOf(10, 0)).toThrow(/positive/);
    expect(() => pagesUntilShort(10, -1)).toThrow(/positive/);
  });
});

describe("backfillFloor", () => {
  it("SigmaMind: chat pages only (each chat carries its thread)", () => {
    expect(backfillFloor({ provider: "sigmamind", pageSize: 100, chats: 520 })).toBe(6);
  });

  it("Cozmox: chat pages, session pages and the assistants' one list", () => {
    expect(backfillFloor({ provider: "cozmox", pageSize: 100, chats: 1_250, sessions: 301 })).toBe(
      13 + 4 + 1,
    );
  });

  it("Zaia: list pages until a short one, and message pages of each chat that has messages", () => {
    const threadLengths = [0, 1, 10, 1_000, 1_001, 10_000];
    // 6 chats in pages of 5: a full page and a short one; messages: 0 + 1 + 1 + 1 + 2 + 10.
    expect(backfillFloor({ provider: "zaia", pageSize: 5, messagePageSize: 1_000, threadLengths })).toBe(
      2 + 15,
    );
  });

  it("Chatling: chatbot pages, each chatbot's conversation pages, messages beyond the embedded ones", () => {
    const input = {
      provider: "chatling" as const,
      chatbotPageSize: 2,
      conversationPageSize: 10,
      messagePageSize: 50,
      embeddedMessages: 20,
      // three chatbots: 3 chatbots in pages of 2 = 2 calls
      chatbots: [
        [5, 19, 20, 120], // 1 page; 20 → 1, 120 → 3
        Array.from({ length: 11 }, () => 3), // 2 pages
        [], // an empty first page
      ],
    };
    expect(backfillFloor(input)).toBe(2 + (1 + 1 + 3) + 2 + 1);
  });
});

describe("callsAgainstFloors", () => {
  it("subtracts the counters and divides by each floor", () => {
    const rows = callsAgainstFloors(
      { zaia: 10, chatling: 0 },
      { zaia: 120, chatling: 300 },
      { zaia: 100, chatling: 0 },
    );
    expect(rows).toEqual([
      { provider: "zaia", calls: 110, floor: 100, ratio: 1.1 },
      { provider: "chatling", calls: 300, floor: 0, ratio: null },
    ]);
  });
});

describe("busiestMinute", () => {
  it("is the highest peak over the provider's keys, 0 without calls", () => {
    expect(busiestMinute({ primary: { peakPerMinute: 296 }, unauthorized: { peakPerMinute: 4 } })).toBe(296);
    expect(busiestMinute({})).toBe(0);
  });
});

describe("backfillFinished", () => {
  it("waits for every connection to leave backfilling, and for none failing", () => {
    expect(backfillFinished([])).toBe(false);
    expect(backfillFinished([{ state: "idle" }, { state: "backfilling" }])).toBe(false);
    expect(backfillFinished([{ state: "idle" }, { state: "failing" }])).toBe(false);
    expect(backfillFinished([{ state: "idle" }, { state: "syncing" }])).toBe(true);
  });
});

describe("isAddedConversation", () => {
  it("matches the provider's id, or Chatling's chatbot-prefixed one", () => {
    expect(isAddedConversation("abc", "abc")).toBe(true);
    expect(isAddedConversation("bot1-abc", "abc")).toBe(true);
    expect(isAddedConversation("xabc", "abc")).toBe(false);
  });
});
