/**
 * Cozmox's JSON objects as the API returns them: `Session` (Vapi sessions, providers.md §3.3) and
 * `Chat` (seed 002). Optional fields are left out when absent, never sent as null, as the Vapi
 * API does; seed 002's chat is served exactly as the seed prints it.
 */
import { transientAssistantConfig } from "./assistants";
import type { ChatCostFigures, ChatSkeleton, ConversationSkeleton } from "./data";
import seedChat from "../../../fixtures/seeds/seed-002-chat.json";
import { chatHistory, conversationTurns } from "./threads";

const round6 = (value: number): number => Math.round(value * 1e6) / 1e6;

/** Drops undefined values so absent fields are absent on the wire, not null. */
function compact(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}

function chatCosts(cost: ChatCostFigures): Record<string, unknown>[] {
  const model = {
    type: "model",
    model: cost.model,
    promptTokens: cost.promptTokens,
    completionTokens: cost.completionTokens,
    cost: cost.modelUsd,
  };
  return cost.chatUsd === null ? [model] : [model, { type: "chat", cost: cost.chatUsd }];
}

/**
 * A session's `costs` are the sums of its remaining chats' costs: one `model` item per model and
 * one `chat` item; absent when no chat has costs.
 */
function sessionCosts(chats: readonly ChatSkeleton[]): { cost?: number; costs?: Record<string, unknown>[] } {
  const models = new Map<
    string,
    { model: ChatCostFigures["model"]; prompt: number; completion: number; usd: number }
  >();
  let chatUsd: number | null = null;
  let total = 0;
  let any = false;
  for (const chat of chats) {
    if (!chat.cost) continue;
    any = true;
    const key = `${chat.cost.model.provider ?? ""}/${chat.cost.model.model ?? ""}`;
    const sum = models.get(key) ?? { model: chat.cost.model, prompt: 0, completion: 0, usd: 0 };
    sum.prompt += chat.cost.promptTokens;
    sum.completion += chat.cost.completionTokens;
    sum.usd += chat.cost.modelUsd;
    models.set(key, sum);
    if (chat.cost.chatUsd !== null) chatUsd = (chatUsd ?? 0) + chat.cost.chatUsd;
    total += chat.cost.totalUsd;
  }
  if (!any) return {};
  const costs: Record<string, unknown>[] = [...models.values()].map((sum) => ({
    type: "model",
    model: sum.model,
    promptTokens: sum.prompt,
    completionTokens: sum.completion,
    cost: round6(sum.usd),
  }));
  if (chatUsd !== null) costs.push({ type: "chat", cost: round6(chatUsd) });
  return { cost: round6(total), costs };
}

export function sessionWire(
  session: ConversationSkeleton,
  liveChats: readonly ChatSkeleton[],
): Record<string, unknown> {
  const { cost, costs } = sessionCosts(liveChats);
  return compact({
    id: session.id,
    orgId: session.orgId,
    createdAt: session.createdAt,
    updatedAt: session.updatedAt,
    name: session.name,
    status: session.status,
    assistantId: session.assistantId,
    customer: session.customer,
    cost,
    costs,
  });
}

export function chatWire(conversation: ConversationSkeleton, chat: ChatSkeleton): Record<string, unknown> {
  if (conversation.source === "seed-002") return seedChat;
  const turns = conversationTurns(conversation);
  const turn = turns[chat.position];
  if (!turn) throw new Error(`no content for chat ${chat.id}`);
  const { pricing, systemPrompt, name } = conversation.assistant;
  return compact({
    id: chat.id,
    orgId: conversation.orgId,
    createdAt: new Date(chat.createdAtMs).toISOString(),
    updatedAt: new Date(chat.updatedAtMs).toISOString(),
    assistantId: chat.assistantId,
    assistant: turn.transientAssistant ? transientAssistantConfig(name, pricing, systemPrompt) : undefined,
    assistantOverrides: turn.assistantOverrides,
    // A chain has no conversation to hold its name: its first chat carries it.
    name:
      conversation.grouping === "chain" && chat.position === 0 ? (conversation.name ?? turn.name) : turn.name,
    sessionId: chat.sessionId,
    previousChatId: chat.previousChatId,
    input: turn.input,
    messages: chatHistory(conversation, turns, chat.position),
    output: turn.output,
    costs: chat.cost && chatCosts(chat.cost),
    cost: chat.cost?.totalUsd,
  });
}
