import { describe, expect, it } from "vitest";
import { ProviderError } from "@/lib/providers/errors";
import { formatChatlingConversationId, parseChatlingConversationId } from "./conversation-id";

describe("Chatling conversation ids", () => {
  it("joins and splits chatbot and conversation ids", () => {
    const id = formatChatlingConversationId({ chatbotId: "9761342719", conversationId: "8977617953" });
    expect(id).toBe("9761342719-8977617953");
    expect(parseChatlingConversationId(id)).toEqual({
      chatbotId: "9761342719",
      conversationId: "8977617953",
    });
  });

  it.each([
    "",
    "9761342719",
    "9761342719-",
    "-8977617953",
    "a-b-c",
    "9761342719-89776/17953",
    "../x-1",
    "9761342719-8977617953 ",
    "٣-٤",
  ])("treats %j as a conversation Chatling does not have", (id) => {
    expect(() => parseChatlingConversationId(id)).toThrow(ProviderError);
    try {
      parseChatlingConversationId(id);
    } catch (error) {
      expect(error).toMatchObject({ code: "not_found", provider: "chatling" });
    }
  });
});
