/**
 * Maps a SigmaMind chat into Parley's conversation row and detail.
 *
 * - status: SigmaMind spells `in-progress` (older docs) or `in_progress` (newer docs); Parley
 *   always says `in_progress`, and `toSigmamindStatus` turns it back into the seed's spelling.
 * - createdAt is the only timestamp, so it is also the last activity.
 * - responder: the chat's `agent` (missing when the agent was deleted).
 * - owner: SigmaMind has no contact id; the `customer_name` dynamic variable, when present, is
 *   shown as the owner's name (owner filtering stays unsupported).
 * - extras: the dynamic variables and the agent, labelled for the side panel. No costs.
 *
 * @see https://docs.sigmamind.ai/api-reference/chats/get-chat
 * @see https://docs.sigmamind.ai/api-reference/chats/update-chat (seed 000)
 */
import type { DetailSection, Message, Owner, Responder } from "@/lib/model/conversation";
import type { ProviderConversation, ProviderConversationDetail } from "@/lib/providers/contract";
import { mapSigmamindThread } from "./map-sigmamind-message";
import type { SigmamindAgent, SigmamindChat } from "./wire-schemas";

/** Parley's status values for SigmaMind, with their labels, in the documented enum's order. */
export const sigmamindStatuses = [
  { value: "in_progress", label: "In progress" },
  { value: "ended", label: "Ended" },
  { value: "error", label: "Error" },
] as const;

/** Longest preview, in code points, ellipsis included. */
export const PREVIEW_MAX_LENGTH = 200;

/** `in-progress` → `in_progress`; other statuses pass through. Blank → null. */
export function normaliseSigmamindStatus(status: string | null | undefined): string | null {
  const trimmed = status?.trim();
  return trimmed ? trimmed.replace(/-/g, "_") : null;
}

/** Parley's status value in the seed's spelling for `GET /v1/chats?status=`; null when SigmaMind has no such status. */
export function toSigmamindStatus(status: string): string | null {
  const known = sigmamindStatuses.find((candidate) => candidate.value === normaliseSigmamindStatus(status));
  return known ? known.value.replace(/_/g, "-") : null;
}

const conversationalRoles: ReadonlySet<Message["role"]> = new Set(["user", "assistant", "human_agent"]);

/** The last thing said, on one line, at most 200 characters (counted in code points). */
export function previewOf(messages: readonly Message[]): string | null {
  const said = (candidates: readonly Message[]) =>
    candidates.findLast((message) => message.text.trim() !== "");
  const last = said(messages.filter((message) => conversationalRoles.has(message.role))) ?? said(messages);
  if (!last) return null;
  const oneLine = Array.from(last.text.replace(/\s+/g, " ").trim());
  return oneLine.length <= PREVIEW_MAX_LENGTH
    ? oneLine.join("")
    : `${oneLine.slice(0, PREVIEW_MAX_LENGTH - 1).join("")}…`;
}

function responderOf(agent: SigmamindAgent | null | undefined): Responder | null {
  if (!agent) return null;
  return { id: agent.agentId ?? null, name: agent.name ?? null, kind: "agent" };
}

function ownerOf(chat: SigmamindChat): Owner | null {
  const name = chat.dynamicVariables?.customer_name;
  return typeof name === "string" && name.trim() !== "" ? { id: null, name, identifier: null } : null;
}

function isoOf(timestamp: string): string {
  return new Date(Date.parse(timestamp)).toISOString();
}

function rowOf(chat: SigmamindChat, thread: readonly Message[]): ProviderConversation {
  const createdAt = isoOf(chat.createdAt);
  return {
    id: chat.chatId,
    title: null,
    preview: previewOf(thread),
    channel: null,
    responder: responderOf(chat.agent),
    version: null,
    owner: ownerOf(chat),
    status: normaliseSigmamindStatus(chat.status),
    createdAt,
    lastActivityAt: createdAt,
    messageCount: thread.length,
    cost: null,
    native: { important: null, archived: null, removed: false },
  };
}

/**
 * A list row: no overlay, no connection. The list's chats carry their whole `messages[]`, so the
 * thread is mapped here (to count it and preview it) exactly as `listMessages` maps it, and with
 * `withTranscript` the row carries it.
 */
export function mapSigmamindConversation(chat: SigmamindChat, withTranscript = false): ProviderConversation {
  const thread = mapSigmamindThread(chat);
  const row = rowOf(chat, thread);
  return withTranscript ? { ...row, transcript: thread } : row;
}

function displayValue(value: unknown): string {
  if (typeof value === "string") return value;
  return JSON.stringify(value) ?? String(value);
}

/** The side panel's sections: dynamic variables (when there are any) and the agent. */
export function sigmamindExtras(chat: SigmamindChat): DetailSection[] {
  const sections: DetailSection[] = [];
  const variables = Object.entries(chat.dynamicVariables ?? {});
  if (variables.length > 0)
    sections.push({
      title: "Dynamic variables",
      fields: variables.map(([label, value]) => ({ label, value: displayValue(value) })),
    });
  const agent = chat.agent;
  const agentFields = agent
    ? [
        { label: "Name", value: agent.name ?? "" },
        { label: "Agent ID", value: agent.agentId ?? "" },
        { label: "Status", value: agent.status ?? "" },
      ].filter((field) => field.value !== "")
    : [{ label: "Status", value: "No agent on this chat (it may have been deleted)" }];
  sections.push({ title: "Agent", fields: agentFields });
  return sections;
}

/** The row plus extras; SigmaMind has no costs, so the breakdown is empty. */
export function mapSigmamindConversationDetail(chat: SigmamindChat): ProviderConversationDetail {
  return { ...rowOf(chat, mapSigmamindThread(chat)), costBreakdown: [], extras: sigmamindExtras(chat) };
}
