import { describe, expect, it } from "vitest";
import { parseWire } from "@/lib/providers/errors";
import seedUpdateResponse from "./__fixtures__/update-conversation-response.json";
import { mapChatlingMessage, mapChatlingRole, toIsoTimestamp } from "./map-chatling-message";
import { chatlingMessageSchema, conversationResponseSchema } from "./wire-schemas";

const seed = parseWire("chatling", "fixture", conversationResponseSchema, seedUpdateResponse).data;
const seedMessages = seed.messages ?? [];
const message = (data: unknown) => parseWire("chatling", "test message", chatlingMessageSchema, data);

describe("mapChatlingMessage on seed 004's messages", () => {
  it("maps the knowledge-base answer with its three sources and no rating", () => {
    const [answer] = seedMessages;
    expect(answer && mapChatlingMessage(answer, "9761342719-8977617953:3")).toEqual({
      id: "9761342719-8977617953:3",
      role: "assistant",
      providerRole: "bot",
      text: "System variables are predefined variables that contain system information or can be used to perform specific actions. These variables are automatically created by the Builder.",
      createdAt: "2024-06-17T16:09:52.000Z",
      toolCalls: [],
      toolCallId: null,
      sources: [
        {
          type: "webpage",
          title: "Types of variables - Chatling Documentation",
          url: "https://docs.chatling.ai/builder/variables/variable-types",
        },
        {
          type: "webpage",
          title: "Sidebar - Chatling Documentation",
          url: "https://docs.chatling.ai/builder/sidebar",
        },
        {
          type: "webpage",
          title: "What are variables? - Chatling Documentation",
          url: "https://docs.chatling.ai/builder/variables/what-are-variables",
        },
      ],
      rating: null,
      cost: null,
    });
  });

  it("maps user messages, which carry no data, to user messages without sources", () => {
    const user = seedMessages[1];
    expect(user && mapChatlingMessage(user, "fallback")).toMatchObject({
      id: "fallback",
      role: "user",
      providerRole: "user",
      text: "What are system variables",
      createdAt: "2024-06-17T16:09:45.000Z",
      sources: [],
      rating: null,
    });
  });

  it("keeps markdown exactly as Chatling sent it", () => {
    const greeting = seedMessages[2];
    expect(greeting && mapChatlingMessage(greeting, "x").text).toBe(
      "**Hello! How can I assist you today?**\n\nIf you have any questions related to our chatbot or services, please feel free to ask. I'm here to help!",
    );
  });
});

describe("mapChatlingMessage edge cases", () => {
  const base = { role: "bot", text: "Hi", created_at: "2026-11-20T09:00:00+00:00" };

  it("uses Chatling's id when there is one, numbers included", () => {
    expect(mapChatlingMessage(message({ ...base, id: "4000000001" }), "fallback").id).toBe("4000000001");
    expect(mapChatlingMessage(message({ ...base, id: 4000000002 }), "fallback").id).toBe("4000000002");
    expect(mapChatlingMessage(message({ ...base, id: null }), "fallback").id).toBe("fallback");
  });

  it.each([
    [1, 1],
    [-1, -1],
    [0, null],
    [null, null],
    [7, null],
  ])("maps helpful_value %j to rating %j", (helpfulValue, rating) => {
    const mapped = mapChatlingMessage(
      message({ ...base, data: { helpful_value: helpfulValue, sources: [] } }),
      "x",
    );
    expect(mapped.rating).toBe(rating);
  });

  it("tolerates null text, missing or unreadable times, null data and partial sources", () => {
    const mapped = mapChatlingMessage(
      message({ role: "bot", text: null, data: { helpful_value: null, sources: [{ type: "file" }] } }),
      "x",
    );
    expect(mapped).toMatchObject({
      text: "",
      createdAt: null,
      sources: [{ type: "file", title: null, url: null }],
    });
    expect(mapChatlingMessage(message({ ...base, created_at: "yesterday", data: null }), "x")).toMatchObject({
      createdAt: null,
      sources: [],
      rating: null,
    });
  });

  it("keeps unicode and hostile text byte for byte", () => {
    for (const text of [
      "مرحبا، أريد إلغاء طلبي",
      "你好 👋🏽 注文",
      "<script>alert('xss')</script>",
      '<img src=x onerror="alert(1)">',
    ]) {
      expect(mapChatlingMessage(message({ ...base, role: "user", text }), "x").text).toBe(text);
    }
  });
});

describe("mapChatlingRole", () => {
  it.each([
    ["bot", "assistant"],
    ["BOT", "assistant"],
    ["user", "user"],
    ["system", "system"],
    ["agent", "unknown"],
    ["", "unknown"],
  ])("maps %j to %j", (role, expected) => {
    expect(mapChatlingRole(role)).toBe(expected);
  });

  it("keeps the provider's own word for unknown roles", () => {
    expect(mapChatlingMessage(message({ role: "operator", text: "Taking over" }), "x")).toMatchObject({
      role: "unknown",
      providerRole: "operator",
    });
  });
});

describe("toIsoTimestamp", () => {
  it("turns Chatling's offset form into UTC ISO and refuses what it cannot read", () => {
    expect(toIsoTimestamp("2024-06-14T15:45:34+00:00")).toBe("2024-06-14T15:45:34.000Z");
    expect(toIsoTimestamp("2024-06-14T17:45:34+02:00")).toBe("2024-06-14T15:45:34.000Z");
    expect(toIsoTimestamp("not a date")).toBeNull();
    expect(toIsoTimestamp(null)).toBeNull();
  });
});
