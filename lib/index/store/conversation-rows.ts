/**
 * Provider conversations into index rows, and index rows (with the moderation overlay joined) back
 * into Parley's `Conversation`. Flags a provider does not hold are stored as null, so the overlay
 * answers for them, exactly as a live read merges them.
 */
import type { Conversation } from "@/lib/model/conversation";
import type { ProviderId } from "@/lib/model/constants";
import type { IndexedConversationInsert } from "@/lib/db/schema";
import type { Capabilities, ProviderConversation } from "@/lib/providers/contract";
import { flagHomesOf } from "../flag-homes";

const EPOCH = "1970-01-01T00:00:00.000Z";

/** A timestamp the database will accept, or null (providers send odd ones now and then). */
function isoOrNull(value: string | null): string | null {
  if (!value) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/** The text search reads for a conversation besides its messages (same order as `updateIndexAfterModeration`). */
export function searchTextOf(
  row: Pick<
    IndexedConversationInsert,
    "title" | "contactName" | "contactIdentifier" | "responderName" | "channelName" | "preview"
  >,
): string {
  return [row.title, row.contactName, row.contactIdentifier, row.responderName, row.channelName, row.preview]
    .filter((part): part is string => Boolean(part))
    .join("\n");
}

/**
 * A row of a metadata-only connection: without the preview, which is message text (the last
 * thing the customer or the agent said).
 */
export function withoutMessageText(row: IndexedConversationInsert): IndexedConversationInsert {
  const metadata = { ...row, preview: null };
  return { ...metadata, searchText: searchTextOf(metadata) };
}

export function toIndexRow(
  connectionId: string,
  capabilities: Capabilities,
  row: ProviderConversation,
  confirmedAt: string,
): IndexedConversationInsert {
  const createdAt = isoOrNull(row.createdAt);
  const lastActivityAt = isoOrNull(row.lastActivityAt);
  const integer = (value: number | null | undefined) =>
    value === null || value === undefined || !Number.isFinite(value) ? null : Math.round(value);
  const indexRow: IndexedConversationInsert = {
    connectionId,
    id: row.id,
    title: row.title,
    preview: row.preview,
    contactId: row.owner?.id ?? null,
    contactName: row.owner?.name ?? null,
    contactIdentifier: row.owner?.identifier ?? null,
    channelId: row.channel?.id ?? null,
    channelType: row.channel?.type ?? null,
    channelName: row.channel?.name ?? null,
    responderId: row.responder?.id ?? null,
    responderName: row.responder?.name ?? null,
    responderKind: row.responder?.kind ?? null,
    versionId: row.version?.id ?? null,
    versionNumber: integer(row.version?.number),
    status: row.status,
    createdAt,
    lastActivityAt,
    sortAt: lastActivityAt ?? createdAt ?? EPOCH,
    // A provider without costs has unknown cost (no currency), never 0.
    costCurrency: capabilities.costs && row.cost ? "USD" : null,
    costAmount: capabilities.costs && row.cost ? row.cost.usd : null,
    costPromptTokens: capabilities.costs && row.cost ? integer(row.cost.promptTokens) : null,
    costCompletionTokens: capabilities.costs && row.cost ? integer(row.cost.completionTokens) : null,
    costItems: capabilities.costs && row.cost && row.costItems?.length ? row.costItems : null,
    nativeImportant: capabilities.moderation.important ? (row.native.important ?? false) : null,
    nativeArchived: capabilities.moderation.archived ? (row.native.archived ?? false) : null,
    nativeRemoved: row.native.removed,
    messageCount: integer(row.messageCount),
    searchText: "",
    confirmedAt,
  };
  return { ...indexRow, searchText: searchTextOf(indexRow) };
}

/** A row of the list query: index columns plus the overlay's. */
export interface ListedRow {
  connection_id: string;
  id: string;
  title: string | null;
  preview: string | null;
  contact_id: string | null;
  contact_name: string | null;
  contact_identifier: string | null;
  channel_id: string | null;
  channel_type: string | null;
  channel_name: string | null;
  responder_id: string | null;
  responder_name: string | null;
  responder_kind: string | null;
  version_id: string | null;
  version_number: number | null;
  status: string | null;
  created_at: string | Date | null;
  last_activity_at: string | Date | null;
  cost_currency: string | null;
  cost_amount: number | null;
  cost_prompt_tokens: number | null;
  cost_completion_tokens: number | null;
  native_important: boolean | null;
  native_archived: boolean | null;
  native_removed: boolean;
  message_count: number | null;
  confirmed_at: string | Date;
  sort_key: string;
  o_title: string | null;
  o_important: boolean | null;
  o_archived: boolean | null;
  o_trashed: boolean | null;
  o_deleted: boolean | null;
}

const iso = (value: string | Date | null): string | null =>
  value === null ? null : value instanceof Date ? value.toISOString() : new Date(value).toISOString();

export interface RowConnection {
  id: string;
  name: string;
  provider: ProviderId;
  capabilities: Capabilities;
}

export function toConversationFromRow(connection: RowConnection, row: ListedRow): Conversation {
  const homes = flagHomesOf(connection.capabilities);
  const anyOf = (...values: (string | null)[]) => values.some((value) => value !== null);
  const title = homes.title === "provider" ? row.title : (row.o_title ?? row.title);
  return {
    connectionId: connection.id,
    connectionName: connection.name,
    provider: connection.provider,
    id: row.id,
    title,
    providerTitle: row.title,
    preview: row.preview,
    channel: anyOf(row.channel_id, row.channel_type, row.channel_name)
      ? { id: row.channel_id, type: row.channel_type, name: row.channel_name }
      : null,
    responder: anyOf(row.responder_id, row.responder_name, row.responder_kind)
      ? { id: row.responder_id, name: row.responder_name, kind: row.responder_kind }
      : null,
    version:
      row.version_id !== null || row.version_number !== null
        ? { id: row.version_id, number: row.version_number }
        : null,
    owner: anyOf(row.contact_id, row.contact_name, row.contact_identifier)
      ? { id: row.contact_id, name: row.contact_name, identifier: row.contact_identifier }
      : null,
    status: row.status,
    createdAt: iso(row.created_at),
    lastActivityAt: iso(row.last_activity_at),
    messageCount: row.message_count,
    cost:
      row.cost_currency === null
        ? null
        : {
            usd: row.cost_amount,
            promptTokens: row.cost_prompt_tokens,
            completionTokens: row.cost_completion_tokens,
          },
    flags: {
      important: row.native_important ?? row.o_important ?? false,
      archived: row.native_archived ?? row.o_archived ?? false,
      trashed: row.o_trashed ?? false,
      removedAtProvider: row.native_removed || (row.o_deleted ?? false),
    },
    flagHomes: homes,
    confirmedAt: iso(row.confirmed_at),
  };
}
