import { describe, expect, it } from "vitest";
import { messageSchema } from "@/lib/model/conversation";
import { parseWire } from "@/lib/providers/errors";
import messagesFixture from "./__fixtures__/chat-messages.json";
import { mapZaiaMessage, mapZaiaRole } from "./map-zaia-message";
import { zaiaMessageListSchema } from "./wire-schemas";

const conversationId = "5b0e7a3c-9d41-4f6e-8a2b-71c3e9d04f18";
const parse = (data: unknown) => parseWire("zaia", "chat messages", zaiaMessageListSchema, data);
const mapAll = (data: unknown, offset = 0) =>
  parse(data).map((message, index) => mapZaiaMessage(message, { conversationId, position: offset + index }));

describe("mapZaiaMessage", () => {
  it("maps the §11 message shape, keeping Zaia's ids, times and markdown", () => {
    const messages = mapAll(messagesFixture);
    expect(messages.map((message) => [message.role, message.providerRole])).toEqual([
      ["system", "system"],
      ["user", "user"],
      ["assistant", "assistant"],
      ["human_agent", "human"],
    ]);
    expect(messages[2]).toEqual({
      id: "e5c3a7f9-2d4b-4c8a-9e3a-5b7f9d1c3e4a",
      role: "assistant",
      providerRole: "assistant",
      text: "Here is a quick way to check your plan from the API:\n\n```bash\ncurl -H 'Accept: application/json' https://example.com/api/plan\n```",
      createdAt: "2026-11-18T14:02:41.900Z",
      toolCalls: [],
      toolCallId: null,
      sources: [],
      rating: null,
      cost: null,
    });
    for (const message of messages) expect(messageSchema.safeParse(message).success).toBe(true);
  });

  it("synthesises stable ids from the thread position when Zaia gives none", () => {
    const withoutIds = messagesFixture.map(({ id: _id, ...rest }) => rest);
    expect(mapAll(withoutIds, 40).map((message) => message.id)).toEqual([
      `${conversationId}:40`,
      `${conversationId}:41`,
      `${conversationId}:42`,
      `${conversationId}:43`,
    ]);
    expect(mapAll([{ ...messagesFixture[0], id: null }])[0]?.id).toBe(`${conversationId}:0`);
  });

  it("maps unknown roles to unknown and keeps Zaia's word", () => {
    const [message] = mapAll([{ ...messagesFixture[1], role: "follow-up" }]);
    expect(message?.role).toBe("unknown");
    expect(message?.providerRole).toBe("follow-up");
    expect(mapZaiaRole("")).toBe("unknown");
  });

  it("gives empty text for a message without content and null time without createdAt", () => {
    const [message] = mapAll([{ ...messagesFixture[1], content: null, createdAt: undefined }]);
    expect(message?.text).toBe("");
    expect(message?.createdAt).toBeNull();
  });

  it("keeps hostile and unicode text as is", () => {
    const texts = ["<script>alert('xss')</script>", "שלום, ההזמנה שלי לא הגיעה", "注文のキャンセル 🙏🏽"];
    const messages = mapAll(texts.map((content) => ({ ...messagesFixture[1], content })));
    expect(messages.map((message) => message.text)).toEqual(texts);
  });

  it("handles an empty thread", () => {
    expect(mapAll([])).toEqual([]);
  });

  it("refuses a row without a role as a bad response", () => {
    const { role: _role, ...rest } = messagesFixture[1] ?? {};
    expect(() => parse([rest])).toThrow(/Bad response from Zaia \(chat messages\): 0\.role/);
    expect(() => parse({ data: [] })).toThrow(/Bad response from Zaia/);
  });
});
