/**
 * Display formats of the list: costs ("$0.0123" or "unknown", never "$0" for a provider without
 * costs) and conversation names. Times are written by `lib/text/time-format.ts`, as everywhere.
 */
import { rowKey as makeRowKey } from "@/lib/model/row-key";
import { untrustedLabel } from "@/components/ui/untrusted-text";
import type { Conversation, Cost } from "@/lib/model/conversation";

/** "$0.0123" when the provider reports a cost; "unknown" when it has none (never "$0"). */
export function formatCost(cost: Cost | null): string {
  if (!cost || cost.usd === null) return "unknown";
  return `$${cost.usd.toFixed(4)}`;
}

export function formatTokens(cost: Cost | null): string | null {
  if (!cost || (cost.promptTokens === null && cost.completionTokens === null)) return null;
  return `${cost.promptTokens ?? "?"} prompt + ${cost.completionTokens ?? "?"} completion tokens`;
}

/**
 * The name a conversation goes by in the UI: its title, else its preview, else its id; as plain
 * text (markdown marks dropped, invisible controls shown, see `UntrustedText`).
 */
export function conversationName(conversation: Pick<Conversation, "title" | "preview" | "id">): string {
  const title = untrustedLabel(conversation.title ?? "", { plain: true });
  if (title) return title;
  const preview = untrustedLabel(conversation.preview ?? "", { plain: true });
  if (preview) return preview.length > 80 ? `${preview.slice(0, 77)}…` : preview;
  return `Conversation ${untrustedLabel(conversation.id).slice(0, 8)}`;
}

/** The key that identifies a row across connections (also the `open` URL value). */
export function rowKey(conversation: Pick<Conversation, "connectionId" | "id">): string {
  return makeRowKey(conversation.connectionId, conversation.id);
}

export function sentenceCase(value: string): string {
  const spaced = value.replace(/[_-]+/g, " ").trim();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}
