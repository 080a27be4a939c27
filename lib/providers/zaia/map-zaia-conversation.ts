/**
 * Maps Zaia chats into Parley's conversation model. Pure functions, no I/O.
 *
 * - The facet values Parley filters on are exactly these fields: `channel.id` = `channelId`,
 *   `channel.type` = `channelType`, `responder.id` = `responderId` (the responder's super identity
 *   id, as `/super-identities/responders` lists it), `version.id` = `responderVersionId`,
 *   `owner.id` = `ownerId`, and `status` = the linked ticket's `ticketStatus`.
 * - Last activity is the latest message's time (`lastMessageCreatedAt`), null for a chat without
 *   messages: that is the time Zaia's date filter reads, so Parley's `from`/`to` bounds and the
 *   rows they return agree. Zaia lists newest first by that time, or by creation for a chat
 *   without messages, which is how Parley orders rows whose last activity is null.
 * - Zaia has no costs, important or archived flags: `cost` is null, those flags are null, and only
 *   the soft remove (`isRemoved`) is a native flag.
 *
 * @see https://docs.zaia.app/documentation/api-reference-alpha/reference/chats
 */
import type { DetailField, DetailSection } from "@/lib/model/conversation";
import type { ProviderConversation, ProviderConversationDetail } from "@/lib/providers/contract";
import type { ZaiaChatDetails, ZaiaLeanChat } from "./wire-schemas";

/** Normalises any date-time Zaia sends to ISO 8601 UTC; null stays null. */
export function toIsoTime(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

const channelTypeLabels: Readonly<Record<string, string>> = {
  widget: "Web widget",
  waha: "WhatsApp (WAHA)",
  whatsapp: "WhatsApp",
  instagram: "Instagram",
  api: "API",
};

/** A readable name for a Zaia channel type; unknown types are shown as Zaia spells them. */
export function channelTypeLabel(type: string): string {
  return channelTypeLabels[type] ?? type;
}

/** The chat with details as a list row. */
export function mapZaiaChatDetails(chat: ZaiaChatDetails): ProviderConversation {
  const channelId = chat.channelId ?? null;
  const channelType = chat.channelType ?? null;
  const channelName = chat.channelName ?? null;
  const versionId = chat.responderVersionId ?? null;
  const versionNumber = chat.responderVersionNumber ?? null;
  return {
    id: chat.id,
    title: chat.title ?? null,
    preview: chat.lastMessageContent ?? null,
    channel:
      channelId === null && channelType === null && channelName === null
        ? null
        : { id: channelId, type: channelType, name: channelName },
    responder: { id: chat.responderId, name: chat.responderName, kind: chat.responderEntity },
    version: versionId === null && versionNumber === null ? null : { id: versionId, number: versionNumber },
    owner: {
      id: chat.ownerId,
      name: chat.ownerName ?? null,
      identifier: chat.ownerIdentifier ?? chat.ownerEmail ?? null,
    },
    status: chat.ticketStatus ?? null,
    createdAt: toIsoTime(chat.createdAt),
    lastActivityAt: toIsoTime(chat.lastMessageCreatedAt),
    messageCount: null,
    cost: null,
    native: { important: null, archived: null, removed: chat.isRemoved },
  };
}

/**
 * A lean chat as a list row, used only when its details cannot be read: it has ids but no
 * names, types, versions, owner details, ticket or preview.
 */
export function mapZaiaLeanChat(chat: ZaiaLeanChat): ProviderConversation {
  const channelId = chat.channelId ?? null;
  return {
    id: chat.id,
    title: chat.title ?? null,
    preview: null,
    channel: channelId === null ? null : { id: channelId, type: null, name: null },
    responder: { id: chat.responderId, name: null, kind: null },
    version: null,
    owner: { id: chat.ownerId, name: null, identifier: null },
    status: null,
    createdAt: toIsoTime(chat.createdAt),
    lastActivityAt: toIsoTime(chat.lastChatMessageCreatedAt),
    messageCount: null,
    cost: null,
    native: { important: null, archived: null, removed: chat.isRemoved },
  };
}

function fields(entries: readonly (readonly [string, string | null | undefined])[]): DetailField[] {
  return entries.flatMap(([label, value]) =>
    value === null || value === undefined || value === "" ? [] : [{ label, value }],
  );
}

function section(title: string, sectionFields: DetailField[]): DetailSection[] {
  return sectionFields.length === 0 ? [] : [{ title, fields: sectionFields }];
}

function yesNo(value: boolean | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return value ? "Yes" : "No";
}

const ticketStatusLabels: Readonly<Record<string, string>> = {
  open: "Open",
  pending: "Pending",
  closed: "Closed",
};
const entityLabels: Readonly<Record<string, string>> = { agent: "Agent", squad: "Squad" };

/** Side-panel sections: ticket, owner, responder and channel, leaving out what Zaia left null. */
export function zaiaChatExtras(chat: ZaiaChatDetails): DetailSection[] {
  const ticketStatus = chat.ticketStatus ?? null;
  const versionNumber = chat.responderVersionNumber ?? null;
  const channelType = chat.channelType ?? null;
  return [
    ...section(
      "Ticket",
      fields([
        ["Ticket ID", chat.ticketId],
        ["Status", ticketStatus === null ? null : (ticketStatusLabels[ticketStatus] ?? ticketStatus)],
      ]),
    ),
    ...section(
      "Owner",
      fields([
        ["Name", chat.ownerName],
        ["Email", chat.ownerEmail],
        ["Identifier", chat.ownerIdentifier],
        ["Blocked", yesNo(chat.isOwnerBlocked)],
        ["Owner ID", chat.ownerId],
      ]),
    ),
    ...section(
      "Responder",
      fields([
        ["Name", chat.responderName],
        ["Entity", entityLabels[chat.responderEntity] ?? chat.responderEntity],
        ["Version", versionNumber === null ? null : `v${versionNumber}`],
      ]),
    ),
    ...section(
      "Channel",
      fields([
        ["Name", chat.channelName],
        ["Type", channelType === null ? null : channelTypeLabel(channelType)],
        ["Channel ID", chat.channelId],
      ]),
    ),
  ];
}

/** The chat with details as the thread's header and side panel. Zaia has no costs. */
export function mapZaiaChatDetailsToDetail(chat: ZaiaChatDetails): ProviderConversationDetail {
  return { ...mapZaiaChatDetails(chat), costBreakdown: [], extras: zaiaChatExtras(chat) };
}
