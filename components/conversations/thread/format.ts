/**
 * Formatting for the thread view: money that never turns "unknown" into $0, token counts and role
 * names. Times are written by `lib/text/time-format.ts` (`TimeAgo`), as in the list.
 */
import type { Cost, Message, MessageRole } from "@/lib/model/conversation";

const numberFormat = new Intl.NumberFormat();

/**
 * US dollars with enough digits for sub-cent LLM costs ("$0.0040"); null is "unknown", never $0.
 */
export function formatUsd(usd: number | null | undefined): string {
  if (usd === null || usd === undefined) return "unknown";
  const digits = usd !== 0 && Math.abs(usd) < 0.01 ? 4 : 2;
  return new Intl.NumberFormat("en-US", {
    style: "currency",
    currency: "USD",
    minimumFractionDigits: digits,
    maximumFractionDigits: Math.max(digits, 6),
  }).format(usd);
}

export function formatCount(value: number): string {
  return numberFormat.format(value);
}

/** "331 in · 413 out tokens", or null when the provider gave no token counts. */
export function formatTokens(cost: Pick<Cost, "promptTokens" | "completionTokens">): string | null {
  const { promptTokens, completionTokens } = cost;
  if (promptTokens === null && completionTokens === null) return null;
  const parts: string[] = [];
  if (promptTokens !== null) parts.push(`${formatCount(promptTokens)} in`);
  if (completionTokens !== null) parts.push(`${formatCount(completionTokens)} out`);
  return `${parts.join(" · ")} tokens`;
}

const roleLabels: Record<Exclude<MessageRole, "unknown">, string> = {
  user: "User",
  assistant: "Assistant",
  system: "System",
  tool: "Tool result",
  developer: "Developer",
  human_agent: "Human agent",
};

/** The role as people read it; `unknown` shows the provider's own word. */
export function roleLabel(message: Pick<Message, "role" | "providerRole">): string {
  if (message.role === "unknown") return message.providerRole ? `Other (${message.providerRole})` : "Other";
  return roleLabels[message.role];
}

/** Pretty-prints JSON text (tool arguments and results); anything else is returned as it is. */
export function prettyJson(text: string): string {
  const trimmed = text.trim();
  if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) return text;
  try {
    return JSON.stringify(JSON.parse(trimmed), null, 2);
  } catch {
    return text;
  }
}

/** Words for a status value such as `in_progress`. */
export function humanize(value: string): string {
  const spaced = value.replace(/[_-]+/g, " ").trim();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}
