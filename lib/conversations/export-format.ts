/**
 * The export's file formats. CSV: one row per conversation with the list's columns, the cost
 * (amount and currency, both empty when the provider gives none: unknown is never 0), the flags
 * its labels' names and the conversation's address in Parley; cells a spreadsheet would run as a formula are
 * neutralised (`lib/audit/csv.ts`). JSON Lines: one conversation per line, as the API's model,
 * with its address, where its transcript stands in the index and the indexed messages.
 */
import { csvCell } from "@/lib/audit/csv";
import type { Conversation } from "@/lib/model/conversation";
import type { ExportFormat } from "@/lib/model/export";

/** Byte order mark: spreadsheets read the CSV as UTF-8 with it. */
export const UTF8_BOM = "\uFEFF";

export const csvColumns = [
  "connection",
  "provider",
  "conversation_id",
  "title",
  "channel",
  "channel_type",
  "responder",
  "version",
  "contact",
  "contact_identifier",
  "status",
  "created_at",
  "last_activity_at",
  "messages",
  "cost",
  "cost_currency",
  "prompt_tokens",
  "completion_tokens",
  "important",
  "archived",
  "trashed",
  "removed_at_provider",
  "labels",
  "url",
] as const;

/** The conversation's full-page address in Parley. */
export function conversationUrl(baseUrl: string, conversation: Pick<Conversation, "connectionId" | "id">) {
  return `${baseUrl}/conversations/${encodeURIComponent(conversation.connectionId)}/${encodeURIComponent(conversation.id)}`;
}

export function csvHeader(): string {
  return `${UTF8_BOM}${csvColumns.map(csvCell).join(",")}\r\n`;
}

/** `labels`: the names of the conversation's labels (Parley's own), as they are called now. */
export function csvRow(conversation: Conversation, baseUrl: string, labels: readonly string[] = []): string {
  const cost = conversation.cost;
  const known = cost !== null && cost.usd !== null;
  const values: Record<(typeof csvColumns)[number], unknown> = {
    connection: conversation.connectionName,
    provider: conversation.provider,
    conversation_id: conversation.id,
    title: conversation.title,
    channel: conversation.channel?.name ?? conversation.channel?.id ?? null,
    channel_type: conversation.channel?.type ?? null,
    responder: conversation.responder?.name ?? conversation.responder?.id ?? null,
    version: conversation.version?.number ?? conversation.version?.id ?? null,
    contact: conversation.owner?.name ?? null,
    contact_identifier: conversation.owner?.identifier ?? conversation.owner?.id ?? null,
    status: conversation.status,
    created_at: conversation.createdAt,
    last_activity_at: conversation.lastActivityAt,
    messages: conversation.messageCount,
    cost: known ? cost.usd : null,
    cost_currency: known ? "USD" : null,
    prompt_tokens: cost?.promptTokens ?? null,
    completion_tokens: cost?.completionTokens ?? null,
    important: conversation.flags.important,
    archived: conversation.flags.archived,
    trashed: conversation.flags.trashed,
    removed_at_provider: conversation.flags.removedAtProvider,
    labels: labels.join("; "),
    url: conversationUrl(baseUrl, conversation),
  };
  return `${csvColumns.map((column) => csvCell(values[column])).join(",")}\r\n`;
}

export interface JsonlMessage {
  id: string;
  role: string;
  text: string;
  createdAt: string | null;
}

/** One JSON Lines record: JSON escapes line breaks, so each conversation is exactly one line. */
export function jsonlLine(
  conversation: Conversation,
  baseUrl: string,
  transcriptState: string,
  messages: readonly JsonlMessage[],
  labels: readonly string[] = [],
): string {
  const { matches: _matches, flagHomes: _flagHomes, labelIds: _labelIds, ...rest } = conversation;
  return `${JSON.stringify({
    ...rest,
    /** The names of its labels, as they are called now. */
    labels,
    url: conversationUrl(baseUrl, conversation),
    /** `indexed`: `messages` is the whole thread; otherwise what the index holds (often none). */
    transcript: transcriptState,
    messages,
  })}\n`;
}

export const exportContentTypes: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  jsonl: "application/x-ndjson; charset=utf-8",
};

export function exportFileName(format: ExportFormat, now = new Date()): string {
  return `parley-conversations-${now.toISOString().slice(0, 10)}.${format}`;
}
