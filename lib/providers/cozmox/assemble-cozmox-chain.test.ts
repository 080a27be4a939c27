import { describe, expect, it } from "vitest";
import { assembleCozmoxChain, chainHistory } from "./assemble-cozmox-chain";
import { summarizeCozmoxChat } from "./group-cozmox-chats";
import { cozmoxChatSchema, type CozmoxChat } from "./wire-schemas";

const user = (content: string) => ({ role: "user", content });
const bot = (content: string) => ({ role: "assistant", content });

function chat(fields: Record<string, unknown>): CozmoxChat {
  return cozmoxChatSchema.parse({ updatedAt: fields.createdAt, ...fields });
}

/** A three-chat chain as Cozmox builds it: each chat's messages are the previous chat's whole history. */
const first = chat({
  id: "k1",
  createdAt: "2026-11-19T09:00:00.000Z",
  input: "Hi",
  messages: [user("Hi")],
  output: [bot("Hello!")],
  cost: 0.001,
});
const second = chat({
  id: "k2",
  previousChatId: "k1",
  createdAt: "2026-11-19T09:05:00.000Z",
  input: "Where is my order?",
  messages: [user("Hi"), bot("Hello!"), user("Where is my order?")],
  output: [bot("It shipped.")],
  cost: 0.002,
});
const third = chat({
  id: "k3",
  previousChatId: "k2",
  createdAt: "2026-11-19T09:10:00.000Z",
  input: "Thanks",
  messages: [user("Hi"), bot("Hello!"), user("Where is my order?"), bot("It shipped."), user("Thanks")],
  output: [bot("You're welcome.")],
  cost: 0.003,
});

describe("chainHistory", () => {
  it("is messages then output when messages already end with the input", () => {
    expect(chainHistory(third).map((message) => message.content)).toEqual([
      "Hi",
      "Hello!",
      "Where is my order?",
      "It shipped.",
      "Thanks",
      "You're welcome.",
    ]);
  });

  it("adds the input when messages do not carry it", () => {
    const withoutInput = chat({
      id: "x",
      createdAt: "2026-11-19T09:00:00Z",
      input: "Hi",
      output: [bot("Hello!")],
    });
    expect(chainHistory(withoutInput).map((message) => message.content)).toEqual(["Hi", "Hello!"]);
  });
});

describe("assembleCozmoxChain", () => {
  const facts = [first, second, third].map((chat) => summarizeCozmoxChat(chat));

  it("reads the latest chat once: every message exactly once, oldest first", () => {
    const thread = assembleCozmoxChain("chat:k1", third, facts);
    expect(thread.map((message) => [message.id, message.role, message.text])).toEqual([
      ["chat:k1:0", "user", "Hi"],
      ["chat:k1:1", "assistant", "Hello!"],
      ["chat:k1:2", "user", "Where is my order?"],
      ["chat:k1:3", "assistant", "It shipped."],
      ["chat:k1:4", "user", "Thanks"],
      ["chat:k1:5", "assistant", "You're welcome."],
    ]);
  });

  it("dates each message by the chat that added it and puts each chat's cost on its answer", () => {
    const thread = assembleCozmoxChain("chat:k1", third, facts);
    expect(thread.map((message) => message.createdAt)).toEqual([
      "2026-11-19T09:00:00.000Z",
      "2026-11-19T09:00:00.000Z",
      "2026-11-19T09:05:00.000Z",
      "2026-11-19T09:05:00.000Z",
      "2026-11-19T09:10:00.000Z",
      "2026-11-19T09:10:00.000Z",
    ]);
    expect(thread.map((message) => message.cost?.usd ?? null)).toEqual([
      null,
      0.001,
      null,
      0.002,
      null,
      0.003,
    ]);
  });

  it("still shows the whole history when earlier chats were deleted", () => {
    const thread = assembleCozmoxChain("chat:k1", third, [summarizeCozmoxChat(third)]);
    expect(thread).toHaveLength(6);
    expect(thread.every((message) => message.createdAt === "2026-11-19T09:10:00.000Z")).toBe(true);
  });
});
