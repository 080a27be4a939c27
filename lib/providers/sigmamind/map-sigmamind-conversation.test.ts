import { describe, expect, it } from "vitest";
import { parseWire, ProviderError } from "@/lib/providers/errors";
import seedChatJson from "@/fixtures/seeds/seed-000-chat.json";
import {
  mapSigmamindConversation,
  mapSigmamindConversationDetail,
  normaliseSigmamindStatus,
  previewOf,
  toSigmamindStatus,
} from "./map-sigmamind-conversation";
import { mapSigmamindItems, mapSigmamindThread } from "./map-sigmamind-message";
import { sigmamindChatSchema, type SigmamindChat } from "./wire-schemas";

const seedChat = parseWire("sigmamind", "fixture", sigmamindChatSchema, seedChatJson);
const grace =
  "Hello! My name is Grace, and I'm calling on behalf of SigmaMind AI. Am I speaking with Michael?";

function chatWith(overrides: Partial<SigmamindChat>): SigmamindChat {
  return { ...seedChat, ...overrides };
}

describe("mapSigmamindConversation", () => {
  it("maps seed 000's chat into a row", () => {
    expect(mapSigmamindConversation(seedChat)).toEqual({
      id: "chat-d17T6uReChpyfFeP",
      title: null,
      preview: grace,
      channel: null,
      responder: { id: "D5D0p7TUs66TTAEAx", name: "New AI Agent", kind: "agent" },
      version: null,
      owner: { id: null, name: "Michael", identifier: null },
      status: "ended",
      createdAt: "2021-04-20T10:00:00.000Z",
      lastActivityAt: "2021-04-20T10:00:00.000Z",
      messageCount: 1,
      cost: null,
      native: { important: null, archived: null, removed: false },
    });
  });

  it("maps seed 000's chat into a detail with dynamic variables and agent extras, and no costs", () => {
    const detail = mapSigmamindConversationDetail(seedChat);
    expect(detail.costBreakdown).toEqual([]);
    expect(detail.extras).toEqual([
      { title: "Dynamic variables", fields: [{ label: "customer_name", value: "Michael" }] },
      {
        title: "Agent",
        fields: [
          { label: "Name", value: "New AI Agent" },
          { label: "Agent ID", value: "D5D0p7TUs66TTAEAx" },
          { label: "Status", value: "active" },
        ],
      },
    ]);
  });

  it("copes with a deleted agent, null or empty variables, and non-string variable values", () => {
    const withoutAgent = mapSigmamindConversationDetail(
      chatWith({ agent: undefined, dynamicVariables: null }),
    );
    expect(withoutAgent.responder).toBeNull();
    expect(withoutAgent.owner).toBeNull();
    expect(withoutAgent.extras).toEqual([
      {
        title: "Agent",
        fields: [{ label: "Status", value: "No agent on this chat (it may have been deleted)" }],
      },
    ]);
    expect(
      mapSigmamindConversationDetail(chatWith({ dynamicVariables: {} })).extras.map(
        (section) => section.title,
      ),
    ).toEqual(["Agent"]);
    const typed = mapSigmamindConversationDetail(
      chatWith({
        dynamicVariables: { loyalty_points: 120, is_returning: true, tags: ["vip"], customer_name: 7 },
      }),
    );
    expect(typed.extras[0]?.fields).toEqual([
      { label: "loyalty_points", value: "120" },
      { label: "is_returning", value: "true" },
      { label: "tags", value: '["vip"]' },
      { label: "customer_name", value: "7" },
    ]);
    expect(typed.owner).toBeNull();
    expect(mapSigmamindConversation(chatWith({ agent: null })).responder).toBeNull();
  });

  it("counts and previews the transcript fallback, and reports an empty chat as such", () => {
    const transcriptOnly = mapSigmamindConversation(
      chatWith({ messages: [], transcript: "user: Where is my order?\nassistant: On its way 🚚" }),
    );
    expect([transcriptOnly.messageCount, transcriptOnly.preview]).toEqual([2, "On its way 🚚"]);
    const empty = mapSigmamindConversation(chatWith({ messages: [], transcript: "", response: [] }));
    expect([empty.messageCount, empty.preview]).toEqual([0, null]);
  });

  it("carries the whole thread, as listMessages maps it, only when asked", () => {
    expect(mapSigmamindConversation(seedChat)).not.toHaveProperty("transcript");
    expect(mapSigmamindConversation(seedChat, true).transcript).toEqual(mapSigmamindThread(seedChat));
    const legacy = chatWith({ messages: [], transcript: "user: Where is my order?\nassistant: On its way" });
    expect(
      mapSigmamindConversation(legacy, true).transcript?.map((message) => [message.id, message.role]),
    ).toEqual([
      ["chat-d17T6uReChpyfFeP:0", "user"],
      ["chat-d17T6uReChpyfFeP:1", "assistant"],
    ]);
  });

  it("normalises in-progress to in_progress and keeps createdAt as the last activity", () => {
    const row = mapSigmamindConversation(
      chatWith({ status: "in-progress", createdAt: "2026-11-19T06:03:21Z" }),
    );
    expect(row.status).toBe("in_progress");
    expect(row.createdAt).toBe("2026-11-19T06:03:21.000Z");
    expect(row.lastActivityAt).toBe(row.createdAt);
    expect(mapSigmamindConversation(chatWith({ status: undefined })).status).toBeNull();
  });
});

describe("statuses", () => {
  it.each([
    ["in-progress", "in_progress"],
    ["in_progress", "in_progress"],
    ["ended", "ended"],
    ["error", "error"],
    ["", null],
    [null, null],
  ])("normalises %s to %s", (status, expected) => {
    expect(normaliseSigmamindStatus(status)).toBe(expected);
  });

  it.each([
    ["in_progress", "in-progress"],
    ["in-progress", "in-progress"],
    ["ended", "ended"],
    ["error", "error"],
    ["archived", null],
  ])("sends %s to SigmaMind as %s", (status, expected) => {
    expect(toSigmamindStatus(status)).toBe(expected);
  });
});

describe("previewOf", () => {
  it("prefers the last thing a person or the agent said over tool items", () => {
    const thread = mapSigmamindItems("c", [
      { id: "1", role: "user", type: "message", content: ["Where is\n\nmy   order?"] },
      { id: "2", role: "assistant", type: "function_call", content: ['{"name":"lookup_order"}'] },
      { id: "3", role: "tool", type: "message", content: ['{"status":"shipped"}'] },
      { id: "4", role: "assistant", type: "message", content: ["   "] },
    ]);
    expect(previewOf(thread)).toBe("Where is my order?");
    expect(previewOf(thread.slice(1))).toBe('{"status":"shipped"}');
  });

  it("cuts at 200 code points without splitting an emoji", () => {
    const long = "🙂".repeat(250);
    const preview = previewOf(mapSigmamindItems("c", [{ id: "1", role: "user", content: [long] }]));
    expect(Array.from(preview ?? "")).toHaveLength(200);
    expect(preview?.endsWith("🙂…")).toBe(true);
  });
});

describe("sigmamindChatSchema", () => {
  it("names the field when a chat does not fit", () => {
    const broken = { ...seedChatJson, createdAt: "yesterday" };
    expect(() => parseWire("sigmamind", "get chat", sigmamindChatSchema, broken)).toThrow(
      new ProviderError(
        "bad_response",
        "sigmamind",
        "Bad response from SigmaMind (get chat): createdAt: must be an ISO date-time",
      ),
    );
    const noId = { ...seedChatJson, chatId: undefined };
    expect(() => parseWire("sigmamind", "get chat", sigmamindChatSchema, noId)).toThrow(/chatId/);
  });

  it("lets unknown fields through", () => {
    const parsed = parseWire("sigmamind", "get chat", sigmamindChatSchema, {
      ...seedChatJson,
      updatedAt: "2021-04-20T10:05:00Z",
    });
    expect(parsed.updatedAt).toBe("2021-04-20T10:05:00Z");
  });
});
