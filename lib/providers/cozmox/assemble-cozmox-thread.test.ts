import { describe, expect, it } from "vitest";
import seedChat from "@/fixtures/seeds/seed-002-chat.json";
import { assembleCozmoxThread, chatTurnMessages, flattenCozmoxInput } from "./assemble-cozmox-thread";
import { cozmoxChatSchema, cozmoxInputSchema, type CozmoxChat } from "./wire-schemas";

let counter = 0;
function chat(fields: Record<string, unknown>): CozmoxChat {
  counter += 1;
  return cozmoxChatSchema.parse({
    id: `chat-${counter}`,
    orgId: "org-1",
    createdAt: `2026-11-20T10:0${counter % 10}:00.000Z`,
    updatedAt: `2026-11-20T10:0${counter % 10}:02.000Z`,
    ...fields,
  });
}

describe("seed 002's example chat", () => {
  it("parses, and the schema drops the assistant config and overrides", () => {
    const parsed = cozmoxChatSchema.parse(seedChat);
    expect(parsed).not.toHaveProperty("assistant");
    expect(parsed).not.toHaveProperty("assistantOverrides");
    expect(JSON.stringify(parsed)).not.toContain("transcriber");
    expect(parsed).toMatchObject({ id: "<string>", sessionId: "<string>", cost: 123 });
  });

  it("becomes its user input once (the mixed array's echo is dropped) and its output", () => {
    const thread = assembleCozmoxThread("<string>", [cozmoxChatSchema.parse(seedChat)]);
    expect(thread.map((message) => [message.id, message.role, message.providerRole, message.text])).toEqual([
      ["<string>:0", "user", "user", "Hello, how can you help me?"],
      ["<string>:1", "unknown", "<string>", "<string>"],
    ]);
    expect(thread[0]?.createdAt).toBe("2023-11-07T05:31:56.000Z");
    expect(thread[0]?.cost).toBeNull();
    expect(thread[1]?.cost).toEqual({ usd: 123, promptTokens: 123, completionTokens: 123 });
  });
});

describe("flattenCozmoxInput", () => {
  const flat = (input: unknown) =>
    flattenCozmoxInput(cozmoxInputSchema.parse(input)).map((message) => [
      message.role,
      message.content ?? message.message,
    ]);

  it("turns a string into one user message", () => {
    expect(flat("Where is my order?")).toEqual([["user", "Where is my order?"]]);
  });

  it("keeps message arrays, including system and developer messages", () => {
    expect(
      flat([
        { role: "developer", content: "Be brief." },
        { role: "user", content: "Hi" },
      ]),
    ).toEqual([
      ["developer", "Be brief."],
      ["user", "Hi"],
    ]);
  });

  it("keeps a genuinely repeated message and different texts", () => {
    expect(
      flat([
        { role: "user", content: "help" },
        { role: "user", content: "help" },
      ]),
    ).toHaveLength(2);
    expect(flat(["first", [{ role: "user", content: "second" }]])).toEqual([
      ["user", "first"],
      ["user", "second"],
    ]);
  });
});

describe("assembleCozmoxThread", () => {
  it("does not count history carried in later chats' messages twice", () => {
    const first = chat({
      input: "Where is my order?",
      messages: [{ role: "user", content: "Where is my order?" }],
      output: [{ role: "assistant", content: "Which order number?" }],
    });
    const second = chat({
      input: [{ role: "user", content: "A-10427" }],
      messages: [
        { role: "user", content: "Where is my order?" },
        { role: "assistant", content: "Which order number?" },
        { role: "user", content: "A-10427" },
      ],
      output: [{ role: "assistant", content: "It shipped yesterday." }],
    });
    const thread = assembleCozmoxThread("s", [first, second]);
    expect(thread.map((message) => message.text)).toEqual([
      "Where is my order?",
      "Which order number?",
      "A-10427",
      "It shipped yesterday.",
    ]);
    expect(thread.map((message) => message.id)).toEqual(["s:0", "s:1", "s:2", "s:3"]);
  });

  it("takes a chat without input from the tail of its messages, after the last answer", () => {
    const withoutInput = chat({
      messages: [
        { role: "user", content: "Hi" },
        { role: "assistant", content: "Hello!" },
        { role: "user", content: "One more thing" },
        { role: "user", content: "about my invoice" },
      ],
      output: [{ role: "assistant", content: "Sure." }],
    });
    expect(chatTurnMessages(withoutInput).input.map((message) => message.content)).toEqual([
      "One more thing",
      "about my invoice",
    ]);
  });

  it("links tool answers to the calls that asked for them", () => {
    const thread = assembleCozmoxThread("s", [
      chat({
        input: "Where is A-1?",
        output: [
          {
            role: "assistant",
            tool_calls: [
              { id: "call_9", type: "function", function: { name: "lookup_order", arguments: "{}" } },
            ],
          },
          { role: "tool", content: '{"status":"shipped"}', tool_call_id: "call_9" },
          { role: "assistant", content: "It has shipped." },
        ],
        cost: 0.0031,
        costs: [
          {
            type: "model",
            model: { provider: "openai", model: "gpt-4o" },
            promptTokens: 300,
            completionTokens: 20,
            cost: 0.0026,
          },
        ],
      }),
    ]);
    expect(thread.map((message) => message.role)).toEqual(["user", "assistant", "tool", "assistant"]);
    expect(thread[1]?.toolCalls[0]?.result).toBe('{"status":"shipped"}');
    expect(thread[3]?.cost).toEqual({ usd: 0.0031, promptTokens: 300, completionTokens: 20 });
    expect(thread[1]?.cost).toBeNull();
  });

  it("yields nothing for chats with neither input, messages nor output", () => {
    expect(
      assembleCozmoxThread("s", [chat({}), chat({ input: null, messages: null, output: null })]),
    ).toEqual([]);
  });

  it("uses the chat's time for OpenAI-style messages, oldest chat first", () => {
    const thread = assembleCozmoxThread("s", [
      chat({ createdAt: "2026-11-20T09:00:00Z", input: "a", output: [{ role: "assistant", content: "b" }] }),
      chat({ createdAt: "2026-11-20T09:05:00+00:00", input: "c" }),
    ]);
    expect(thread.map((message) => message.createdAt)).toEqual([
      "2026-11-20T09:00:00.000Z",
      "2026-11-20T09:00:00.000Z",
      "2026-11-20T09:05:00.000Z",
    ]);
  });
});
