/**
 * Maps a Cozmox session (Vapi `Session`) into Parley's conversation. A session is the
 * conversation; its chats are the turns. Cozmox stores no important, archived or title flags that
 * Parley can change, so `native` flags are null and `removed` is false (deletes are hard).
 *
 * @see https://docs.cozmox.cloud/api-reference/chats/list-chats
 * @see https://docs.vapi.ai/api-reference/sessions/list (the session shape Cozmox mirrors)
 */
import type { DetailField, DetailSection, Owner } from "@/lib/model/conversation";
import type { ProviderConversation, ProviderConversationDetail } from "@/lib/providers/contract";
import { mapCozmoxCost, mapCozmoxCostBreakdown } from "./map-cozmox-cost";
import type { CozmoxCustomer, CozmoxSession } from "./wire-schemas";

/** Cozmox session statuses, as the status facet offers them. */
export const cozmoxStatuses = [
  { value: "active", label: "Active" },
  { value: "completed", label: "Completed" },
] as const;

const present = (value: string | null | undefined): value is string =>
  typeof value === "string" && value.trim() !== "";

const isoOrNull = (value: string | null | undefined): string | null => {
  if (!present(value)) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
};

/**
 * The customer as owner. Its id (the owner filter's value) is the email, else the phone number:
 * Cozmox sessions carry no customer id of their own.
 */
export function mapCozmoxOwner(customer: CozmoxCustomer | null | undefined): Owner | null {
  if (!customer) return null;
  const handle = present(customer.email) ? customer.email : present(customer.number) ? customer.number : null;
  const name = present(customer.name) ? customer.name : null;
  if (handle === null && name === null) return null;
  return { id: handle, name, identifier: handle };
}

export function mapCozmoxSession(
  session: CozmoxSession,
  assistantNames: ReadonlyMap<string, string>,
): ProviderConversation {
  const assistantId = present(session.assistantId) ? session.assistantId : null;
  return {
    id: session.id,
    title: present(session.name) ? session.name : null,
    preview: null,
    channel: null,
    responder: assistantId
      ? { id: assistantId, name: assistantNames.get(assistantId) ?? null, kind: "assistant" }
      : null,
    version: null,
    owner: mapCozmoxOwner(session.customer),
    status: present(session.status) ? session.status : null,
    createdAt: isoOrNull(session.createdAt),
    lastActivityAt: isoOrNull(session.updatedAt),
    messageCount: null,
    cost: mapCozmoxCost(session),
    native: { important: null, archived: null, removed: false },
  };
}

/** What the detail view adds from other calls: the latest chat and the assistant. */
export interface CozmoxSessionExtras {
  assistantName: string | null;
  /** Number of chats (turns) in the session, from the chat list's `totalItems`. */
  chatCount: number | null;
  /** Text of the latest answer. */
  preview: string | null;
}

function section(
  title: string,
  fields: readonly (readonly [string, string | number | null | undefined])[],
): DetailSection[] {
  const kept: DetailField[] = fields.flatMap(([label, value]) =>
    value === null || value === undefined || value === "" ? [] : [{ label, value: String(value) }],
  );
  return kept.length === 0 ? [] : [{ title, fields: kept }];
}

export function mapCozmoxSessionDetail(
  session: CozmoxSession,
  extras: CozmoxSessionExtras,
): ProviderConversationDetail {
  const names = new Map<string, string>();
  if (present(session.assistantId) && present(extras.assistantName))
    names.set(session.assistantId, extras.assistantName);
  const conversation = mapCozmoxSession(session, names);
  const customer = session.customer;
  return {
    ...conversation,
    preview: extras.preview,
    costBreakdown: mapCozmoxCostBreakdown(session.costs),
    extras: [
      ...section("Session", [
        ["Status", session.status],
        ["Assistant", extras.assistantName ?? session.assistantId],
        ["Chats", extras.chatCount],
        ["Session id", session.id],
      ]),
      ...section("Customer", [
        ["Name", customer?.name],
        ["Email", customer?.email],
        ["Phone number", customer?.number],
      ]),
    ],
  };
}
