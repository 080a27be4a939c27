/**
 * The shapes of the simulated Cozmox org (`data.ts` builds them): conversations as skeletons of
 * chats, the figures of a chat's cost, and the options of the generator.
 */
import type { AssistantDefinition } from "./assistants";
import type { Customer } from "./customers";

/** One chat's costs: the `ModelCost` and `ChatCost` items and the `cost` total. */
export interface ChatCostFigures {
  /** `{}` for seed 002's chat, whose example model object is empty. */
  model: { provider?: string; model?: string };
  promptTokens: number;
  completionTokens: number;
  modelUsd: number;
  /** The platform's `ChatCost`; null when the chat has only a model cost. */
  chatUsd: number | null;
  totalUsd: number;
}

export interface ChatSkeleton {
  id: string;
  /** Set on chats of a `session` conversation only (Vapi: mutually exclusive with `previousChatId`). */
  sessionId: string | undefined;
  /** The chat before this one in a `chain` conversation; absent on its first chat. */
  previousChatId: string | undefined;
  /** 0-based position within the conversation, oldest first. */
  position: number;
  /** Times in epoch ms; formatted only when a chat is served. */
  createdAtMs: number;
  updatedAtMs: number;
  assistantId: string | undefined;
  cost: ChatCostFigures | undefined;
  /** The chat's own messages (input and output) when fixed by the skeleton (scale mode, live changes). */
  messages: number | undefined;
}

export type WireMessage = Record<string, unknown>;

/** One chat's content (`threads.ts` makes it). */
export interface Turn {
  /** The chat's `input` as sent; undefined when the chat was created without one. */
  input: unknown;
  /** The turn's new messages in message form, as later chats carry them in `messages`. */
  inputMessages: WireMessage[];
  output: WireMessage[];
  name: string | undefined;
  assistantOverrides: Record<string, unknown> | undefined;
  /** Whether the chat carries an inline `assistant` config. */
  transientAssistant: boolean;
}

export type MessageStyle = "openai" | "transcript";

/** How a conversation's chats are tied together on the wire. */
export type ChatGrouping = "session" | "chain";

export interface ConversationSkeleton {
  /** `generated` conversations get content from `threads.ts`; `seed-002` serves the seed's chat verbatim. */
  source: "generated" | "seed-002";
  grouping: ChatGrouping;
  /** The session id for `session` conversations; the first chat's id for `chain` ones. */
  id: string;
  orgId: string;
  createdAt: string;
  updatedAt: string;
  createdAtMs: number;
  updatedAtMs: number;
  name: string | undefined;
  status: "active" | "completed" | undefined;
  assistantId: string | undefined;
  customer: Customer | undefined;
  /** The assistant whose model answers (also for conversations without `assistantId`). */
  assistant: AssistantDefinition;
  /** Chats carry only an inline `assistant` config, no `assistantId`. */
  transientOnly: boolean;
  style: MessageStyle;
  /** Forced first user message (hostile strings that must stay inert). */
  openingMessage: string | undefined;
  contentSeed: number;
  chats: ChatSkeleton[];
  /** Turns of chats added by live changes, after the generated ones (one per chat at the end). */
  appendedTurns?: readonly Turn[];
}

export interface CozmoxData {
  orgId: string;
  assistants: readonly AssistantDefinition[];
  conversations: ConversationSkeleton[];
}

export interface CozmoxDataOptions {
  /** Generated conversations (seed 002's own session comes on top). */
  conversations?: number;
  seed?: number;
  /**
   * Scale mode: message counts follow `scaleThreadLength` (each chat's count fixed in its
   * skeleton), and only the showcase is in the last 12 hours.
   */
  scaleProfile?: boolean;
}
