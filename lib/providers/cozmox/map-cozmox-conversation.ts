/**
 * Maps a Cozmox conversation (chats grouped by session or by `previousChatId`, see
 * `group-cozmox-chats.ts`) into Parley's conversation. The chats are the truth: cost, times,
 * counts and preview come from them. A session, where `/session` offers it, adds a name, a status
 * and a customer; without it (or for a chain) the name is the first named chat's.
 *
 * Cozmox stores no important, archived or title flags that Parley can change, so `native` flags
 * are null and `removed` is false (deletes are hard).
 *
 * @see https://docs.cozmox.cloud/api-reference/chats/list-chats
 * @see https://docs.vapi.ai/api-reference/sessions/list (the session shape Cozmox mirrors)
 */
import type { CostItem, DetailField, DetailSection, Owner } from "@/lib/model/conversation";
import type { ProviderConversation, ProviderConversationDetail } from "@/lib/providers/contract";
import type { CozmoxConversationEntry } from "./cozmox-chat-index";
import { mapCozmoxCost, mapCozmoxCostBreakdown } from "./map-cozmox-cost";
import type { CozmoxCost, CozmoxCustomer } from "./wire-schemas";

/** Cozmox session statuses, as the status facet offers them. */
export const cozmoxStatuses = [
  { value: "active", label: "Active" },
  { value: "completed", label: "Completed" },
] as const;

const present = (value: string | null | undefined): value is string =>
  typeof value === "string" && value.trim() !== "";

const isoOrNull = (time: number): string | null =>
  Number.isFinite(time) ? new Date(time).toISOString() : null;

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

/** Every cost item of the conversation's chats, and the sum of their totals. */
function chatCosts(entry: CozmoxConversationEntry): { cost: number | null; costs: CozmoxCost[] } {
  const totals = entry.chats.flatMap((chat) => (chat.cost === null ? [] : [chat.cost]));
  return {
    cost: totals.length === 0 ? null : Math.round(totals.reduce((sum, usd) => sum + usd, 0) * 1e9) / 1e9,
    costs: entry.chats.flatMap((chat) => chat.costs),
  };
}

/** Messages in the thread: each session chat's new turn, or the whole history a chain's latest chat holds. */
function messageCount(entry: CozmoxConversationEntry): number {
  if (entry.ref.kind === "session") return entry.chats.reduce((sum, chat) => sum + chat.turnMessages, 0);
  return entry.chats.at(-1)?.historyLength ?? 0;
}

export function mapCozmoxConversation(
  entry: CozmoxConversationEntry,
  assistantNames: ReadonlyMap<string, string>,
): ProviderConversation {
  const { session, assistantId } = entry;
  const chatName = entry.chats.find((chat) => chat.name !== null)?.name ?? null;
  return {
    id: entry.id,
    title: present(session?.name) ? session.name : chatName,
    preview: entry.chats.at(-1)?.lastAnswer ?? null,
    channel: null,
    responder: assistantId
      ? { id: assistantId, name: assistantNames.get(assistantId) ?? null, kind: "assistant" }
      : null,
    version: null,
    owner: mapCozmoxOwner(session?.customer),
    status: present(session?.status) ? session.status : null,
    createdAt: isoOrNull(entry.createdAtMs),
    lastActivityAt: isoOrNull(entry.lastActivityMs),
    messageCount: messageCount(entry),
    cost: mapCozmoxCost(chatCosts(entry)),
    costItems: mapCozmoxCostBreakdown(chatCosts(entry).costs),
    native: { important: null, archived: null, removed: false },
  };
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

export function mapCozmoxConversationDetail(
  entry: CozmoxConversationEntry,
  assistantName: string | null,
): ProviderConversationDetail {
  const names = new Map<string, string>();
  if (entry.assistantId !== null && present(assistantName)) names.set(entry.assistantId, assistantName);
  const conversation = mapCozmoxConversation(entry, names);
  const customer = entry.session?.customer;
  const costBreakdown: CostItem[] = conversation.costItems ?? [];
  const assistant = assistantName ?? entry.assistantId;
  const extras =
    entry.ref.kind === "session"
      ? section("Session", [
          ["Status", entry.session?.status],
          ["Assistant", assistant],
          ["Chats", entry.chats.length],
          ["Session id", entry.ref.sessionId],
        ])
      : section(entry.chats.length === 1 ? "Chat" : "Chained chats", [
          ["Assistant", assistant],
          ["Chats", entry.chats.length],
          ["First chat id", entry.ref.rootChatId],
          ["Latest chat id", entry.chats.length > 1 ? entry.chats.at(-1)?.id : null],
        ]);
  return {
    ...conversation,
    costBreakdown,
    extras: [
      ...extras,
      ...section("Customer", [
        ["Name", customer?.name],
        ["Email", customer?.email],
        ["Phone number", customer?.number],
      ]),
    ],
  };
}
