import { describe, expect, it } from "vitest";
import { parseWire } from "@/lib/providers/errors";
import seedChatJson from "@/fixtures/seeds/seed-000-chat.json";
import seedCreatedJson from "@/fixtures/seeds/seed-001-create-chat-response.json";
import {
  mapSigmamindItems,
  mapSigmamindRole,
  mapSigmamindThread,
  parseSigmamindTranscript,
} from "./map-sigmamind-message";
import { sigmamindChatSchema, type SigmamindChat } from "./wire-schemas";

const seedChat = parseWire("sigmamind", "fixture", sigmamindChatSchema, seedChatJson);
const grace =
  "Hello! My name is Grace, and I'm calling on behalf of SigmaMind AI. Am I speaking with Michael?";

function chatWith(overrides: Partial<SigmamindChat>): SigmamindChat {
  return { ...seedChat, ...overrides };
}

describe("mapSigmamindThread", () => {
  it("maps seed 000's messages[]", () => {
    expect(mapSigmamindThread(seedChat)).toEqual([
      {
        id: "chat-item-G9YdhDqua0EngI1G",
        role: "assistant",
        providerRole: "assistant",
        text: grace,
        createdAt: null,
        toolCalls: [],
        toolCallId: null,
        sources: [],
        rating: null,
        cost: null,
      },
    ]);
  });

  it("falls back to response[] when a chat carries neither messages nor transcript (seed 001's create answer)", () => {
    const created = parseWire("sigmamind", "fixture", sigmamindChatSchema, seedCreatedJson);
    const thread = mapSigmamindThread(created);
    expect(thread.map((message) => [message.id, message.role, message.text])).toEqual([
      ["chat-item-G9YdhDqua0EngI1G", "assistant", grace],
    ]);
  });

  it("falls back to the transcript when messages[] is empty, continuing multi-line turns", () => {
    const chat = chatWith({
      messages: [],
      transcript:
        "assistant: Hi 👋\nuser: مرحبا، أريد إلغاء طلبي\nassistant: Here is how:\n\n1. Open **Orders**\n2. Pick one\nSYSTEM: transferred",
    });
    expect(
      mapSigmamindThread(chat).map(({ id, role, providerRole, text }) => ({ id, role, providerRole, text })),
    ).toEqual([
      { id: "chat-d17T6uReChpyfFeP:0", role: "assistant", providerRole: "assistant", text: "Hi 👋" },
      { id: "chat-d17T6uReChpyfFeP:1", role: "user", providerRole: "user", text: "مرحبا، أريد إلغاء طلبي" },
      {
        id: "chat-d17T6uReChpyfFeP:2",
        role: "assistant",
        providerRole: "assistant",
        text: "Here is how:\n\n1. Open **Orders**\n2. Pick one",
      },
      { id: "chat-d17T6uReChpyfFeP:3", role: "system", providerRole: "SYSTEM", text: "transferred" },
    ]);
  });

  it("is empty when the chat has no messages, transcript or response", () => {
    expect(mapSigmamindThread(chatWith({ messages: [], transcript: "", response: [] }))).toEqual([]);
    expect(mapSigmamindThread(chatWith({ messages: null, transcript: null, response: null }))).toEqual([]);
    expect(
      mapSigmamindThread(chatWith({ messages: undefined, transcript: "  \n ", response: undefined })),
    ).toEqual([]);
  });
});

describe("mapSigmamindItems", () => {
  it("joins content parts with a newline and keeps markdown and hostile text untouched", () => {
    const [first, second] = mapSigmamindItems("chat-1", [
      {
        id: "a",
        role: "assistant",
        type: "message",
        content: ["**Bold** and `code`", "```js\nalert(1)\n```"],
      },
      { id: "b", role: "user", type: "message", content: ["<script>alert('xss')</script>"] },
    ]);
    expect(first?.text).toBe("**Bold** and `code`\n```js\nalert(1)\n```");
    expect(second?.text).toBe("<script>alert('xss')</script>");
  });

  it("turns function_call and tool_call items into tool calls, and keeps tool results as tool messages", () => {
    const messages = mapSigmamindItems("chat-1", [
      {
        id: "call-1",
        role: "assistant",
        type: "function_call",
        content: ['{"name":"lookup_order","arguments":{"orderId":"A-1"}}'],
      },
      {
        id: "call-2",
        role: "assistant",
        type: "tool_call",
        content: ['{"name":"get_invoice","arguments":"{\\"id\\":7}"}'],
      },
      { id: "result", role: "tool", type: "message", content: ['{"status":"shipped"}'] },
      { id: "broken", role: "assistant", type: "tool_call", content: ["not json"] },
    ]);
    expect(messages.map((message) => [message.role, message.text, message.toolCalls])).toEqual([
      [
        "assistant",
        "",
        [{ id: "call-1", name: "lookup_order", arguments: '{"orderId":"A-1"}', result: null }],
      ],
      ["assistant", "", [{ id: "call-2", name: "get_invoice", arguments: '{"id":7}', result: null }]],
      ["tool", '{"status":"shipped"}', []],
      ["assistant", "", [{ id: "broken", name: "unknown", arguments: "not json", result: null }]],
    ]);
  });

  it("synthesises ids for missing or repeated item ids, unique within the thread", () => {
    const messages = mapSigmamindItems("chat-9", [
      { id: "x", role: "user", type: "message", content: ["one"] },
      { id: "x", role: "assistant", type: "message", content: ["two"] },
      { role: "user", type: "message", content: ["three"] },
      { id: "  ", role: "user", content: "four" },
    ]);
    expect(messages.map((message) => message.id)).toEqual(["x", "chat-9:1", "chat-9:2", "chat-9:3"]);
    expect(messages[3]?.text).toBe("four");
  });

  it("keeps unknown roles as unknown with the provider's word", () => {
    const [narrator, missing] = mapSigmamindItems("chat-1", [
      { id: "n", role: "narrator", type: "message", content: ["…"] },
      { id: "m", type: "message", content: null },
    ]);
    expect([narrator?.role, narrator?.providerRole]).toEqual(["unknown", "narrator"]);
    expect([missing?.role, missing?.providerRole, missing?.text]).toEqual(["unknown", null, ""]);
  });
});

describe("mapSigmamindRole", () => {
  it.each([
    ["assistant", "assistant"],
    ["Agent", "assistant"],
    ["user", "user"],
    ["customer", "user"],
    ["system", "system"],
    ["tool", "tool"],
    ["function", "tool"],
    ["developer", "developer"],
    ["human_agent", "human_agent"],
    ["robot", "unknown"],
    ["", "unknown"],
  ])("maps %s to %s", (role, expected) => {
    expect(mapSigmamindRole(role)).toBe(expected);
  });
});

describe("parseSigmamindTranscript", () => {
  it("keeps text before the first speaker as an unknown message", () => {
    const messages = parseSigmamindTranscript("c", "Call connected\nuser: hello");
    expect(messages.map((message) => [message.role, message.providerRole, message.text])).toEqual([
      ["unknown", null, "Call connected"],
      ["user", "user", "hello"],
    ]);
  });
});
