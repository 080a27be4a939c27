/**
 * SigmaMind's JSON as the simulator sends it: the chat object of `GET/PATCH /v1/chats/{chatId}`,
 * the list envelope of `GET /v1/chats` and the answer of `POST /v1/chats`.
 *
 * @see https://docs.sigmamind.ai/api-reference/chats/update-chat (seed 000)
 * @see https://docs.sigmamind.ai/api-reference/chats/create-chat (seed 001)
 */

/** Spelled as seed 001 spells the enum (newer docs write `in_progress`). */
export const chatStatuses = ["in-progress", "ended", "error"] as const;
export type ChatStatus = (typeof chatStatuses)[number];

export interface WireAgent {
  name: string;
  agentId: string;
  /** Free-form: "active", "Live", "Testing" all occur in the docs. */
  status: string;
}

/** One item of `messages[]` / `response[]`. No timestamp: SigmaMind gives none per item. */
export interface WireChatItem {
  id: string;
  role: string;
  type: string;
  content: string[];
}

export type DynamicVariables = Record<string, string | number | boolean>;

export interface WireChat {
  chatId: string;
  /** Left out when the chat's agent was deleted. */
  agent?: WireAgent;
  createdAt: string;
  status: ChatStatus;
  transcript: string;
  response: WireChatItem[];
  messages: WireChatItem[];
  /** "Null or empty if no dynamic variables were provided when the call was created." */
  dynamicVariables: DynamicVariables | null;
}

export interface WireChatPage {
  data: WireChat[];
  page: number;
  size: number;
  totalCounts: number;
  totalPages: number;
  hasNext: boolean;
  hasPrevious: boolean;
}

export interface WireCreatedChat {
  chatId: string;
  createdAt: string;
  status: ChatStatus;
  response: WireChatItem[];
  agent?: WireAgent;
}
