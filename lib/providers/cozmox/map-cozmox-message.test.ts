import { describe, expect, it } from "vitest";
import seedChat from "@/fixtures/seeds/seed-002-chat.json";
import { cozmoxMessageText, mapCozmoxMessage, mapCozmoxRole } from "./map-cozmox-message";
import { cozmoxMessageSchema, type CozmoxMessage } from "./wire-schemas";

const context = { id: "session-1:0", chatCreatedAt: "2026-11-20T10:00:00.000Z" };
const parse = (data: unknown): CozmoxMessage => cozmoxMessageSchema.parse(data);

describe("mapCozmoxRole", () => {
  it.each([
    ["user", "user"],
    ["assistant", "assistant"],
    ["bot", "assistant"],
    ["system", "system"],
    ["tool", "tool"],
    ["function", "tool"],
    ["developer", "developer"],
    ["Assistant ", "assistant"],
    ["<string>", "unknown"],
    ["", "unknown"],
  ])("maps %j to %s", (role, expected) => {
    expect(mapCozmoxRole(role)).toBe(expected);
  });
});

describe("mapCozmoxMessage", () => {
  it("maps seed 002's transcript-style example: unknown role kept, implausible time replaced by the chat's", () => {
    const [example] = seedChat.messages;
    const message = mapCozmoxMessage(parse(example), context);
    expect(message).toEqual({
      id: "session-1:0",
      role: "unknown",
      providerRole: "<string>",
      text: "<string>",
      createdAt: "2026-11-20T10:00:00.000Z",
      toolCalls: [],
      toolCallId: null,
      sources: [],
      rating: null,
      cost: null,
    });
  });

  it("uses a transcript message's epoch-millisecond time", () => {
    const time = Date.parse("2026-11-19T08:15:30.250Z");
    const message = mapCozmoxMessage(
      parse({ role: "bot", message: "Hi!", time, secondsFromStart: 1.2 }),
      context,
    );
    expect(message).toMatchObject({
      role: "assistant",
      providerRole: "bot",
      text: "Hi!",
      createdAt: "2026-11-19T08:15:30.250Z",
    });
  });

  it("falls back to null when neither the message nor the chat has a time", () => {
    expect(
      mapCozmoxMessage(parse({ role: "user", content: "hello" }), { id: "x:0", chatCreatedAt: null })
        .createdAt,
    ).toBeNull();
  });

  it("maps assistant tool calls and the tool answer", () => {
    const call = parse({
      role: "assistant",
      tool_calls: [
        {
          id: "call_1",
          type: "function",
          function: { name: "lookup_order", arguments: '{"orderId":"A-1"}' },
        },
      ],
    });
    expect(mapCozmoxMessage(call, context)).toMatchObject({
      role: "assistant",
      text: "",
      toolCalls: [{ id: "call_1", name: "lookup_order", arguments: '{"orderId":"A-1"}', result: null }],
    });
    const answer = parse({ role: "tool", content: '{"status":"shipped"}', tool_call_id: "call_1" });
    expect(mapCozmoxMessage(answer, context)).toMatchObject({
      role: "tool",
      text: '{"status":"shipped"}',
      toolCallId: "call_1",
    });
  });

  it("tolerates null content, object arguments and a call without id", () => {
    const message = mapCozmoxMessage(
      parse({
        role: "assistant",
        content: null,
        tool_calls: [{ function: { name: "ping", arguments: { a: 1 } } }],
      }),
      context,
    );
    expect(message.text).toBe("");
    expect(message.toolCalls).toEqual([{ id: null, name: "ping", arguments: '{"a":1}', result: null }]);
  });

  it("keeps markdown, code, unicode and hostile text exactly as sent", () => {
    for (const text of [
      "To reset, open **Settings → Security**.\n\n```bash\ncurl https://example.com\n```",
      "مرحبا، أريد إلغاء طلبي من فضلك",
      "你好，我的订单什么时候发货？ 🙏🎉👍🏽",
      "<script>alert('xss')</script>",
      '<img src=x onerror="alert(1)">',
    ]) {
      expect(mapCozmoxMessage(parse({ role: "user", content: text }), context).text).toBe(text);
    }
  });

  it("attaches the cost it is given", () => {
    const cost = { usd: 0.002, promptTokens: 120, completionTokens: 40 };
    expect(mapCozmoxMessage(parse({ role: "assistant", content: "ok" }), { ...context, cost }).cost).toEqual(
      cost,
    );
  });
});

describe("cozmoxMessageText", () => {
  it("reads content, then text parts, then message, then refusal", () => {
    expect(cozmoxMessageText(parse({ role: "user", content: "a", message: "b" }))).toBe("a");
    expect(
      cozmoxMessageText(
        parse({
          role: "user",
          content: [{ type: "text", text: "one" }, { type: "image_url" }, { type: "text", text: "two" }],
        }),
      ),
    ).toBe("one\ntwo");
    expect(cozmoxMessageText(parse({ role: "bot", message: "spoken" }))).toBe("spoken");
    expect(cozmoxMessageText(parse({ role: "assistant", refusal: "I can't help with that." }))).toBe(
      "I can't help with that.",
    );
    expect(cozmoxMessageText(parse({ role: "assistant" }))).toBe("");
  });

  it("rejects a message without a role", () => {
    expect(cozmoxMessageSchema.safeParse({ content: "orphan" }).success).toBe(false);
  });
});
