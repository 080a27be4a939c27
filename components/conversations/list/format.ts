/**
 * Display formats of the list: relative times ("3 h ago"), exact times for tooltips, costs
 * ("$0.0123" or "unknown", never "$0" for a provider without costs) and conversation names.
 */
import { rowKey as makeRowKey } from "@/lib/model/row-key";
import type { Conversation, Cost } from "@/lib/model/conversation";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A short relative time such as "just now", "5 min ago", "3 h ago", "2 d ago", "4 mo ago". */
export function formatRelativeTime(iso: string, now: number = Date.now()): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return "unknown";
  const elapsed = now - time;
  if (elapsed < 0) return "in the future";
  if (elapsed < MINUTE) return "just now";
  if (elapsed < HOUR) return `${Math.floor(elapsed / MINUTE)} min ago`;
  if (elapsed < DAY) return `${Math.floor(elapsed / HOUR)} h ago`;
  if (elapsed < 30 * DAY) return `${Math.floor(elapsed / DAY)} d ago`;
  if (elapsed < 365 * DAY) return `${Math.floor(elapsed / (30 * DAY))} mo ago`;
  return `${Math.floor(elapsed / (365 * DAY))} y ago`;
}

const exactFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "medium" });

/** The exact time in the reader's locale and time zone, e.g. "Nov 20, 2026, 11:53:35 AM". */
export function formatExactTime(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : exactFormat.format(time);
}

/** "$0.0123" when the provider reports a cost; "unknown" when it has none (never "$0"). */
export function formatCost(cost: Cost | null): string {
  if (!cost || cost.usd === null) return "unknown";
  return `$${cost.usd.toFixed(4)}`;
}

export function formatTokens(cost: Cost | null): string | null {
  if (!cost || (cost.promptTokens === null && cost.completionTokens === null)) return null;
  return `${cost.promptTokens ?? "?"} prompt + ${cost.completionTokens ?? "?"} completion tokens`;
}

/** The name a conversation goes by in the UI: its title, else its preview, else its id. */
export function conversationName(conversation: Pick<Conversation, "title" | "preview" | "id">): string {
  const title = conversation.title?.trim();
  if (title) return title;
  const preview = conversation.preview?.trim();
  if (preview) return preview.length > 80 ? `${preview.slice(0, 77)}…` : preview;
  return `Conversation ${conversation.id.slice(0, 8)}`;
}

/** The key that identifies a row across connections (also the `open` URL value). */
export function rowKey(conversation: Pick<Conversation, "connectionId" | "id">): string {
  return makeRowKey(conversation.connectionId, conversation.id);
}

export function sentenceCase(value: string): string {
  const spaced = value.replace(/[_-]+/g, " ").trim();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}
