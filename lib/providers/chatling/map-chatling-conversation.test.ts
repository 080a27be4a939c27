import { describe, expect, it } from "vitest";
import { parseWire, ProviderError } from "@/lib/providers/errors";
import seedUpdateResponse from "./__fixtures__/update-conversation-response.json";
import {
  mapChatlingConversation,
  mapChatlingConversationDetail,
  PREVIEW_MAX_LENGTH,
} from "./map-chatling-conversation";
import {
  chatlingChatbotSchema,
  chatlingConversationSchema,
  conversationResponseSchema,
} from "./wire-schemas";

const seed = parseWire("chatling", "fixture", conversationResponseSchema, seedUpdateResponse).data;
const chatbot = parseWire("chatling", "chatbot", chatlingChatbotSchema, {
  id: "9761342719",
  name: "My chatbot",
  version: "2.0",
  visibility: "public",
  created_at: "2024-06-17T12:00:00+00:00",
});
const conversation = (overrides: Record<string, unknown>) =>
  parseWire("chatling", "test conversation", chatlingConversationSchema, {
    id: "1234567890",
    contact_id: null,
    archived: 0,
    important: 0,
    created_at: "2026-11-01T10:00:00+00:00",
    messages: [],
    ...overrides,
  });

describe("mapChatlingConversation on seed 004's conversation", () => {
  it("maps the row: chatbot as responder, contact as owner, newest message as preview and last activity", () => {
    expect(mapChatlingConversation(seed, chatbot)).toEqual({
      id: "9761342719-8977617953",
      title: null,
      preview:
        "System variables are predefined variables that contain system information or can be used to perform specific actions. These variables are automatically created by the Builder.",
      channel: null,
      responder: { id: "9761342719", name: "My chatbot", kind: "chatbot" },
      version: null,
      owner: { id: "qtr89df0-112d-d197-b541-3f8674663246", name: null, identifier: null },
      status: null,
      createdAt: "2024-06-14T15:45:34.000Z",
      lastActivityAt: "2024-06-17T16:09:52.000Z",
      messageCount: null,
      cost: null,
      native: { important: true, archived: false, removed: false },
    });
  });

  it("adds the chatbot and the contact to the detail's extras", () => {
    const detail = mapChatlingConversationDetail(seed, chatbot, {
      kind: "found",
      contact: {
        id: "qtr89df0-112d-d197-b541-3f8674663246",
        name: "Michael Smith",
        email: "michael@example.com",
        phone: null,
      },
    });
    expect(detail.owner).toEqual({
      id: "qtr89df0-112d-d197-b541-3f8674663246",
      name: "Michael Smith",
      identifier: "michael@example.com",
    });
    expect(detail.costBreakdown).toEqual([]);
    expect(detail.extras).toEqual([
      {
        title: "Chatbot",
        fields: [
          { label: "Name", value: "My chatbot" },
          { label: "Chatbot ID", value: "9761342719" },
          { label: "Version", value: "2.0" },
          { label: "Visibility", value: "public" },
          { label: "Conversation ID", value: "8977617953" },
        ],
      },
      {
        title: "Contact",
        fields: [
          { label: "Name", value: "Michael Smith" },
          { label: "Email", value: "michael@example.com" },
          { label: "Contact ID", value: "qtr89df0-112d-d197-b541-3f8674663246" },
        ],
      },
    ]);
  });

  it("says so when Chatling no longer has the contact", () => {
    const detail = mapChatlingConversationDetail(seed, chatbot, { kind: "not_found" });
    expect(detail.owner).toEqual({
      id: "qtr89df0-112d-d197-b541-3f8674663246",
      name: null,
      identifier: null,
    });
    expect(detail.extras[1]).toEqual({
      title: "Contact",
      fields: [
        { label: "Contact ID", value: "qtr89df0-112d-d197-b541-3f8674663246" },
        { label: "Status", value: "Chatling no longer has this contact" },
      ],
    });
  });

  it("uses the phone as the identifier when the contact has no email", () => {
    const detail = mapChatlingConversationDetail(seed, chatbot, {
      kind: "found",
      contact: { id: "qtr89df0-112d-d197-b541-3f8674663246", name: null, email: null, phone: "+1 555 0142" },
    });
    expect(detail.owner).toEqual({
      id: "qtr89df0-112d-d197-b541-3f8674663246",
      name: null,
      identifier: "+1 555 0142",
    });
  });
});

describe("mapChatlingConversation edge cases", () => {
  it("has no owner and no contact section for anonymous visitors", () => {
    const detail = mapChatlingConversationDetail(conversation({ contact_id: null }), chatbot, {
      kind: "anonymous",
    });
    expect(detail.owner).toBeNull();
    expect(detail.extras.map((section) => section.title)).toEqual(["Chatbot"]);
  });

  it.each([[[]], [null], [undefined]])(
    "falls back to created_at with no preview for messages %j",
    (messages) => {
      const row = mapChatlingConversation(conversation({ messages }), chatbot);
      expect(row).toMatchObject({
        preview: null,
        createdAt: "2026-11-01T10:00:00.000Z",
        lastActivityAt: "2026-11-01T10:00:00.000Z",
      });
    },
  );

  it("finds the newest message by time, whatever the order, and skips empty texts for the preview", () => {
    const row = mapChatlingConversation(
      conversation({
        messages: [
          { id: "1", text: "older", role: "user", created_at: "2026-11-01T10:00:05+00:00" },
          { id: "3", text: "   ", role: "bot", created_at: "2026-11-01T10:02:00+00:00" },
          { id: "2", text: "newest with text", role: "bot", created_at: "2026-11-01T10:01:00+00:00" },
        ],
      }),
      chatbot,
    );
    expect(row).toMatchObject({ preview: "newest with text", lastActivityAt: "2026-11-01T10:02:00.000Z" });
  });

  it("shortens long previews without cutting an emoji in half", () => {
    const long = mapChatlingConversation(
      conversation({ messages: [{ text: "A".repeat(5_000), role: "user" }] }),
      chatbot,
    );
    expect(long.preview).toHaveLength(PREVIEW_MAX_LENGTH);
    expect(long.preview?.endsWith("…")).toBe(true);
    const emoji = mapChatlingConversation(
      conversation({ messages: [{ text: "👍🏽".repeat(300), role: "user" }] }),
      chatbot,
    );
    expect(Array.from(emoji.preview ?? "")).toHaveLength(PREVIEW_MAX_LENGTH);
    expect(emoji.preview?.startsWith("👍🏽👍🏽")).toBe(true);
  });

  it("keeps a hostile preview as plain text", () => {
    const row = mapChatlingConversation(
      conversation({ messages: [{ text: "<script>alert('xss')</script>", role: "user" }] }),
      chatbot,
    );
    expect(row.preview).toBe("<script>alert('xss')</script>");
  });

  it("reads the flags as 0|1 and tolerates booleans", () => {
    expect(mapChatlingConversation(conversation({ archived: 1, important: 0 }), chatbot).native).toEqual({
      important: false,
      archived: true,
      removed: false,
    });
    expect(
      mapChatlingConversation(conversation({ archived: false, important: true }), chatbot).native,
    ).toEqual({
      important: true,
      archived: false,
      removed: false,
    });
  });

  it("names a chatbot without a name by nothing rather than guessing", () => {
    const nameless = parseWire("chatling", "chatbot", chatlingChatbotSchema, { id: 6624870135 });
    expect(mapChatlingConversation(conversation({}), nameless)).toMatchObject({
      id: "6624870135-1234567890",
      responder: { id: "6624870135", name: null, kind: "chatbot" },
    });
  });
});

describe("wire schema", () => {
  it.each([
    [{ archived: 2 }, "data.archived"],
    [{ created_at: "soon" }, "data.created_at"],
    [{ id: "" }, "data.id"],
    [{ messages: [{ text: "no role" }] }, "data.messages.0.role"],
  ])("refuses %j as a bad response naming the field", (overrides, field) => {
    const payload = { status: "success", data: { ...seedUpdateResponse.data, ...overrides } };
    expect(() => parseWire("chatling", "conversation", conversationResponseSchema, payload)).toThrow(
      ProviderError,
    );
    expect(() => parseWire("chatling", "conversation", conversationResponseSchema, payload)).toThrow(
      new RegExp(`^Bad response from Chatling \\(conversation\\): ${field.replace(/\./g, "\\.")}: `),
    );
  });

  it("lets unknown fields pass, such as a future conversation_type", () => {
    const payload = { status: "success", data: { ...seedUpdateResponse.data, conversation_type: "widget" } };
    expect(parseWire("chatling", "conversation", conversationResponseSchema, payload).data.id).toBe(
      "8977617953",
    );
  });
});
