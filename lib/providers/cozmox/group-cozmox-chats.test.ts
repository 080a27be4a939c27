import { describe, expect, it } from "vitest";
import {
  cozmoxConversationId,
  groupCozmoxChats,
  parseCozmoxConversationId,
  summarizeCozmoxChat,
  type CozmoxChatSummary,
} from "./group-cozmox-chats";
import { cozmoxChatSchema } from "./wire-schemas";

let minute = 0;
function chat(id: string, links: { sessionId?: string; previousChatId?: string } = {}): CozmoxChatSummary {
  minute += 1;
  const at = new Date(Date.UTC(2026, 10, 19, 8, minute)).toISOString();
  return summarizeCozmoxChat(cozmoxChatSchema.parse({ id, createdAt: at, updatedAt: at, ...links }));
}

/** Conversation id → its chat ids, oldest first. */
function grouped(chats: readonly CozmoxChatSummary[]): Record<string, string[]> {
  return Object.fromEntries(
    [...groupCozmoxChats(chats)].map(([id, group]) => [id, group.chats.map((item) => item.id)]),
  );
}

describe("groupCozmoxChats", () => {
  it("makes one conversation of a session's chats, named by the session id", () => {
    expect(
      grouped([
        chat("a", { sessionId: "s1" }),
        chat("b", { sessionId: "s1" }),
        chat("c", { sessionId: "s2" }),
      ]),
    ).toEqual({
      s1: ["a", "b"],
      s2: ["c"],
    });
  });

  it("makes one conversation of a previousChatId chain, named by its first chat, in any input order", () => {
    const chain = [chat("k1"), chat("k2", { previousChatId: "k1" }), chat("k3", { previousChatId: "k2" })];
    expect(grouped([...chain].reverse())).toEqual({ "chat:k1": ["k1", "k2", "k3"] });
  });

  it("makes a chat with neither link a conversation of its own", () => {
    expect(grouped([chat("x"), chat("y")])).toEqual({ "chat:x": ["x"], "chat:y": ["y"] });
  });

  it("keeps a chain's id as it grows and after its first chat is deleted", () => {
    const first = chat("r1");
    const second = chat("r2", { previousChatId: "r1" });
    const third = chat("r3", { previousChatId: "r2" });
    expect(Object.keys(grouped([first, second]))).toEqual(["chat:r1"]);
    expect(Object.keys(grouped([first, second, third]))).toEqual(["chat:r1"]);
    expect(grouped([second, third])).toEqual({ "chat:r1": ["r2", "r3"] });
  });

  it("puts a chat with both links in its session (seed 002's example has both) and stops chains there", () => {
    const seedLike = chat("<string>", { sessionId: "<string>", previousChatId: "<string>" });
    const follower = chat("f1", { previousChatId: "<string>" });
    expect(grouped([seedLike, follower])).toEqual({ "<string>": ["<string>"], "chat:f1": ["f1"] });
  });

  it("keeps a fork in one conversation and cuts a cycle at its smallest id, whatever the order", () => {
    const fork = [chat("p"), chat("q1", { previousChatId: "p" }), chat("q2", { previousChatId: "p" })];
    expect(grouped(fork)).toEqual({ "chat:p": ["p", "q1", "q2"] });
    const cycle = [
      chat("m", { previousChatId: "n" }),
      chat("n", { previousChatId: "m" }),
      chat("o", { previousChatId: "n" }),
    ];
    expect(grouped(cycle)).toEqual({ "chat:m": ["m", "n", "o"] });
    expect(grouped([...cycle].reverse())).toEqual({ "chat:m": ["m", "n", "o"] });
    expect(grouped([chat("self", { previousChatId: "self" })])).toEqual({ "chat:self": ["self"] });
  });
});

describe("conversation ids", () => {
  it("round-trip, keeping session ids as they were", () => {
    for (const ref of [
      { kind: "session", sessionId: "6b4c494f-c22c-4bce-84fa-a7a86942c7d3" },
      { kind: "session", sessionId: "<string>" },
      { kind: "chain", rootChatId: "a/b?c" },
    ] as const)
      expect(parseCozmoxConversationId(cozmoxConversationId(ref))).toEqual(ref);
    expect(cozmoxConversationId({ kind: "session", sessionId: "s-1" })).toBe("s-1");
  });
});

describe("summarizeCozmoxChat", () => {
  it("keeps counts, costs and a cut preview, and no message text beyond it", () => {
    const summary = summarizeCozmoxChat(
      cozmoxChatSchema.parse({
        id: "c",
        createdAt: "2026-11-19T08:00:00Z",
        updatedAt: "2026-11-19T08:00:05Z",
        input: "secret question",
        messages: [
          { role: "user", content: "earlier" },
          { role: "assistant", content: "earlier answer" },
          { role: "user", content: "secret question" },
        ],
        output: [{ role: "assistant", content: "A".repeat(1000) }],
        cost: 0.01,
      }),
    );
    expect(summary).toMatchObject({ turnMessages: 2, historyLength: 4, cost: 0.01, sessionId: null });
    expect(summary.lastAnswer).toHaveLength(280);
    expect(JSON.stringify(summary)).not.toContain("secret question");
  });
});
