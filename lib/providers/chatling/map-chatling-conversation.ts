/**
 * Chatling conversations into Parley's rows and details. Chatling has no title, channel, version,
 * status or cost; the responder is the chatbot, the owner is the contact, and last activity is the
 * newest embedded message (else `created_at`). `archived`/`important` arrive as 0|1 and are the
 * provider's own flags.
 *
 * @see https://docs.chatling.ai/api-reference/v2/conversations/update-conversation
 * @see https://docs.chatling.ai/api-reference/v2/conversations/retrieve-conversation
 */
import type { DetailField, DetailSection, Owner } from "@/lib/model/conversation";
import type { ProviderConversation, ProviderConversationDetail } from "@/lib/providers/contract";
import { formatChatlingConversationId } from "./conversation-id";
import { toIsoTimestamp } from "./map-chatling-message";
import type { ChatlingChatbot, ChatlingContact, ChatlingConversation, ChatlingMessage } from "./wire-schemas";

/** Longest preview kept on a row, in characters (code points, so emoji are never cut in half). */
export const PREVIEW_MAX_LENGTH = 240;

/** What is known about the conversation's contact after asking the contacts endpoint. */
export type ContactLookup =
  { kind: "found"; contact: ChatlingContact } | { kind: "not_found" } | { kind: "anonymous" };

/** The newest message: the latest `created_at`, else the first (Chatling embeds newest first). */
function newestMessage(messages: readonly ChatlingMessage[]): ChatlingMessage | null {
  let newest: ChatlingMessage | null = null;
  let newestTime = Number.NEGATIVE_INFINITY;
  for (const message of messages) {
    const time = message.created_at ? Date.parse(message.created_at) : Number.NaN;
    if (newest === null || (!Number.isNaN(time) && time > newestTime)) {
      newest = message;
      if (!Number.isNaN(time)) newestTime = time;
    }
  }
  return newest;
}

function preview(messages: readonly ChatlingMessage[]): string | null {
  const withText = messages.filter((message) => (message.text ?? "").trim() !== "");
  const text = newestMessage(withText)?.text?.trim();
  if (!text) return null;
  const characters = Array.from(text);
  return characters.length > PREVIEW_MAX_LENGTH
    ? `${characters.slice(0, PREVIEW_MAX_LENGTH - 1).join("")}…`
    : text;
}

function owner(contactId: string | null | undefined, lookup: ContactLookup): Owner | null {
  if (!contactId) return null;
  const contact = lookup.kind === "found" ? lookup.contact : null;
  return { id: contactId, name: contact?.name ?? null, identifier: contact?.email ?? contact?.phone ?? null };
}

/** Maps a list row or a single read; `chatbot` names the scope the conversation was read from. */
export function mapChatlingConversation(
  conversation: ChatlingConversation,
  chatbot: ChatlingChatbot,
  contact: ContactLookup = { kind: "anonymous" },
): ProviderConversation {
  const messages = conversation.messages ?? [];
  const createdAt = toIsoTimestamp(conversation.created_at);
  return {
    id: formatChatlingConversationId({ chatbotId: chatbot.id, conversationId: conversation.id }),
    title: null,
    preview: preview(messages),
    channel: null,
    responder: { id: chatbot.id, name: chatbot.name ?? null, kind: "chatbot" },
    version: null,
    owner: owner(conversation.contact_id, contact),
    status: null,
    createdAt,
    lastActivityAt: toIsoTimestamp(newestMessage(messages)?.created_at) ?? createdAt,
    messageCount: null,
    cost: null,
    native: { important: conversation.important, archived: conversation.archived, removed: false },
  };
}

function fields(entries: readonly [label: string, value: string | null | undefined][]): DetailField[] {
  return entries.flatMap(([label, value]) => (value ? [{ label, value }] : []));
}

function contactSection(contactId: string | null | undefined, lookup: ContactLookup): DetailSection | null {
  if (!contactId) return null;
  switch (lookup.kind) {
    case "found":
      return {
        title: "Contact",
        fields: fields([
          ["Name", lookup.contact.name],
          ["Email", lookup.contact.email],
          ["Phone", lookup.contact.phone],
          ["Company", lookup.contact.company],
          ["Contact ID", contactId],
        ]),
      };
    case "not_found":
      return {
        title: "Contact",
        fields: fields([
          ["Contact ID", contactId],
          ["Status", "Chatling no longer has this contact"],
        ]),
      };
    case "anonymous":
      return { title: "Contact", fields: fields([["Contact ID", contactId]]) };
    default: {
      const unreachable: never = lookup;
      return unreachable;
    }
  }
}

/** Maps a single read with its side-panel extras: the chatbot and, when known, the contact. */
export function mapChatlingConversationDetail(
  conversation: ChatlingConversation,
  chatbot: ChatlingChatbot,
  contact: ContactLookup,
): ProviderConversationDetail {
  const chatbotSection: DetailSection = {
    title: "Chatbot",
    fields: fields([
      ["Name", chatbot.name],
      ["Chatbot ID", chatbot.id],
      ["Version", chatbot.version],
      ["Visibility", chatbot.visibility],
      ["Conversation ID", conversation.id],
    ]),
  };
  const contactDetails = contactSection(conversation.contact_id, contact);
  return {
    ...mapChatlingConversation(conversation, chatbot, contact),
    costBreakdown: [],
    extras: contactDetails ? [chatbotSection, contactDetails] : [chatbotSection],
  };
}
