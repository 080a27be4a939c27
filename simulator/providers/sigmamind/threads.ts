/**
 * Generates a chat's items from its `ThreadPlan`. Pure: the same plan always yields the same ids
 * and texts, so threads are built lazily (on first read) and cached without changing the data.
 *
 * Item shapes (the docs show only `role: "assistant", type: "message"`):
 * - `{role: "user" | "assistant" | "system", type: "message", content: [text, …]}`
 * - tool calls: `{role: "assistant", type: "function_call" | "tool_call", content: [JSON {name, arguments}]}`
 *   (older agents write `function_call`, newer ones `tool_call`)
 * - tool results: `{role: "tool", type: "message", content: [JSON result]}`, right after the call
 */
import { assistantText, systemNotes, userText } from "../../core/content";
import { createRandom, type Random } from "../../core/random";
import type { IdStyle, ThreadPlan } from "./data";
import type { WireChatItem } from "./wire";

export interface GeneratedThread {
  messages: WireChatItem[];
  /** The agent's reply to the last user message: the assistant items after it. */
  response: WireChatItem[];
  transcript: string;
}

const tools = [
  {
    name: "lookup_order",
    arguments: (random: Random) => ({ orderId: `A-${random.digits(5)}` }),
    result: { status: "shipped", carrier: "DHL", eta: "2026-11-24" },
  },
  {
    name: "get_invoice",
    arguments: (random: Random) => ({ invoiceId: `INV-${random.digits(6)}`, format: "pdf" }),
    result: { url: "https://example.com/invoices/latest.pdf" },
  },
  {
    name: "create_ticket",
    arguments: () => ({ priority: "high", queue: "billing" }),
    result: { ticketId: "T-4821", status: "open" },
  },
] as const;

function itemIdFactory(random: Random, style: IdStyle): () => string {
  const used = new Set<string>();
  return () => {
    for (;;) {
      const id = `${style === "legacy" ? "chat-item-" : "item_"}${random.alphanumeric(16)}`;
      if (!used.has(id)) {
        used.add(id);
        return id;
      }
    }
  };
}

function greeting(plan: ThreadPlan): string {
  const name = plan.customerName;
  return name
    ? `Hello! My name is ${plan.persona}, and I'm reaching out on behalf of SigmaMind AI. Am I speaking with ${name}?`
    : `Hi, I'm ${plan.persona} 👋 How can I help you today?`;
}

/** Transcript lines use the item's role word as speaker, one `role: text` block per message item. */
export function transcriptOf(items: readonly WireChatItem[]): string {
  return items
    .filter((item) => item.type === "message" && item.role !== "tool")
    .map((item) => `${item.role}: ${item.content.join("\n")}`)
    .join("\n");
}

/** The trailing assistant items after the last user message (empty when the user spoke last). */
export function responseOf(items: readonly WireChatItem[]): WireChatItem[] {
  const reply: WireChatItem[] = [];
  for (let index = items.length - 1; index >= 0; index--) {
    const item = items[index];
    if (!item || item.role === "user") break;
    if (item.role === "assistant" && item.type === "message") reply.unshift(item);
  }
  return reply;
}

/** Builds exactly `plan.length` items (none for 0), then derives `response[]` and `transcript` from them. */
export function generateThread(plan: ThreadPlan): GeneratedThread {
  const random = createRandom(plan.seed);
  const nextId = itemIdFactory(random, plan.idStyle);
  const items: WireChatItem[] = [];
  const push = (role: string, type: string, content: string[]) =>
    items.push({ id: nextId(), role, type, content });
  let userTurns = 0;

  if (plan.opensWithGreeting && plan.length > 0) push("assistant", "message", [greeting(plan)]);
  while (items.length < plan.length) {
    const last = items.at(-1);
    const remaining = plan.length - items.length;
    if (!last || last.role === "assistant" || last.role === "system") {
      if (last && random.chance(0.04)) push("system", "message", [random.pick(systemNotes)]);
      else {
        const text = userTurns === 0 && plan.firstUserText !== null ? plan.firstUserText : userText(random);
        userTurns += 1;
        push("user", "message", [text]);
      }
    } else if (last.role === "user" && remaining >= 3 && random.chance(0.12)) {
      const tool = random.pick(tools);
      const callType = plan.idStyle === "legacy" ? "function_call" : "tool_call";
      push("assistant", callType, [JSON.stringify({ name: tool.name, arguments: tool.arguments(random) })]);
      push("tool", "message", [JSON.stringify(tool.result)]);
    } else {
      const parts = random.chance(0.15)
        ? [assistantText(random), assistantText(random)]
        : [assistantText(random)];
      push("assistant", "message", parts);
    }
  }
  if (plan.lastUserText !== null && items.length > 0) {
    items[items.length - 1] = {
      id: items.at(-1)?.id ?? nextId(),
      role: "user",
      type: "message",
      content: [plan.lastUserText],
    };
  }

  const transcript = transcriptOf(items);
  if (plan.transcriptOnly) return { messages: [], response: [], transcript };
  return { messages: items, response: responseOf(items), transcript };
}
