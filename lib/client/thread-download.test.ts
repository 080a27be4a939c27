import { describe, expect, it } from "vitest";
import type { ConversationDetail, Message } from "@/lib/model/conversation";
import { threadFileName, threadJson, threadMarkdown } from "./thread-download";

const conversation = {
  connectionId: "c1",
  connectionName: "Demo Cozmox",
  provider: "cozmox",
  id: "chat/1",
  title: "Refund",
  status: "ended",
  createdAt: "2026-01-01T00:00:00.000Z",
  lastActivityAt: null,
  cost: null,
} as unknown as ConversationDetail;

const message = (overrides: Partial<Message>): Message => ({
  id: "m",
  role: "user",
  providerRole: null,
  text: "",
  createdAt: null,
  toolCalls: [],
  toolCallId: null,
  sources: [],
  rating: null,
  cost: null,
  ...overrides,
});

describe("thread download", () => {
  it("writes Markdown with a header, one section per message, fenced tool calls", () => {
    const markdown = threadMarkdown(
      conversation,
      [
        message({ text: "Hello", createdAt: "2026-01-01T00:00:01.000Z" }),
        message({
          role: "assistant",
          text: "Looking",
          toolCalls: [{ id: "t", name: "lookup", arguments: '{"a":"```"}', result: "ok" }],
        }),
      ],
      "http://x/conversations/c1/chat%2F1",
    );
    expect(markdown).toContain("# Refund\n");
    expect(markdown).toContain("- Cost: unknown");
    expect(markdown).toContain("## User · 2026-01-01T00:00:01.000Z\n\nHello");
    expect(markdown).toContain('**Tool call: lookup**\n\n````\n{"a":"```"}\n````');
    expect(markdown).toContain("- In Parley: http://x/conversations/c1/chat%2F1");
  });

  it("writes JSON with the conversation and every message, and a safe file name", () => {
    const parsed = JSON.parse(threadJson(conversation, [message({ text: "x" })], "u")) as {
      messages: unknown[];
      conversation: { id: string };
    };
    expect(parsed.conversation.id).toBe("chat/1");
    expect(parsed.messages).toHaveLength(1);
    expect(threadFileName({ id: "../a b/c" }, "md")).toBe("parley-conversation-.._a_b_c.md");
  });
});
