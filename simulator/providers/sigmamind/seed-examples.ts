/**
 * The example objects of the SigmaMind seed documents, kept verbatim (same ids, same text) so
 * the documents' own requests and answers work against the simulator.
 *
 * @see https://docs.sigmamind.ai/api-reference/chats/update-chat (seed 000)
 * @see https://docs.sigmamind.ai/api-reference/chats/create-chat (seed 001)
 */
import type { ChatStatus, DynamicVariables, WireAgent, WireChatItem } from "./wire";

/** The agent of both seed examples. */
export const seedAgent: WireAgent = { name: "New AI Agent", agentId: "D5D0p7TUs66TTAEAx", status: "active" };

const graceGreeting: WireChatItem = {
  id: "chat-item-G9YdhDqua0EngI1G",
  role: "assistant",
  type: "message",
  content: [
    "Hello! My name is Grace, and I'm calling on behalf of SigmaMind AI. Am I speaking with Michael?",
  ],
};

/** Seed 000's chat object (the answer of `PATCH /v1/chats/{chatId}`), with its agent referenced by id. */
export const seedChat: {
  chatId: string;
  agentId: string;
  createdAt: string;
  status: ChatStatus;
  transcript: string;
  response: WireChatItem[];
  messages: WireChatItem[];
  dynamicVariables: DynamicVariables;
} = {
  chatId: "chat-d17T6uReChpyfFeP",
  agentId: seedAgent.agentId,
  createdAt: "2021-04-20T10:00:00.000Z",
  status: "ended",
  transcript: "<string>",
  response: [graceGreeting],
  messages: [graceGreeting],
  dynamicVariables: { customer_name: "Michael" },
};

/**
 * Seed 001's create request names `previousChatId: "chat-D5D0p7TUs66TTAEAx"`; the simulator holds
 * a chat with that id so the documented request succeeds as written.
 */
export const seedPreviousChatId = "chat-D5D0p7TUs66TTAEAx";
