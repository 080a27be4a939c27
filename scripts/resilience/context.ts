/**
 * What the resilience phases share: the running simulator and Parley, the signed-in sessions,
 * the demo connections, the Chatling gate, the checks, and small helpers to read a
 * conversation's moderation state and a list's notices through the API.
 */
import type { ModerationState } from "@/lib/conversations/api-schemas";
import type { ProviderId } from "@/lib/model/conversation";
import {
  conversationPageSchema,
  conversationPath,
  threadPageSchema,
  type ApiAnswer,
  type ConversationPage,
  type ParleyApi,
  type ProviderConnections,
} from "@/bench/lib/parley-api";
import type { ParleyHandle, SimulatorHandle } from "@/bench/lib/stack";
import { chatlingCost, type ChatlingGate } from "./chatling-gate";
import type { Checks } from "./checks";

/** A conversation, as the API addresses it. */
export interface Target {
  provider: ProviderId;
  connectionId: string;
  id: string;
}

/** Shared by every phase; `simulator` changes when it is restarted. */
export interface ResilienceContext {
  root: string;
  short: boolean;
  simulator: SimulatorHandle;
  parley: ParleyHandle;
  staff: ParleyApi;
  admin: ParleyApi;
  connections: ProviderConnections;
  gate: ChatlingGate;
  checks: Checks;
  log(line: string): void;
}

/** A list URL: one connection (or all), a view, a page size. */
export const listPath = (connectionId: string | null, limit = 25, view = "inbox") =>
  `/api/conversations?${connectionId ? `connection=${encodeURIComponent(connectionId)}&` : ""}view=${view}&limit=${limit}`;

/** A GET through the Chatling gate when it reaches Chatling. */
export async function gatedCall(
  context: ResilienceContext,
  chatlingCalls: number,
  api: ParleyApi,
  method: string,
  path: string,
  body?: unknown,
): Promise<ApiAnswer> {
  await context.gate.pass(chatlingCalls);
  return api.call(method, path, body);
}

/** Chatling calls a list of `connectionId` (null: every connection) makes. */
export const listCost = (context: ResilienceContext, connectionId: string | null) =>
  connectionId === null || connectionId === context.connections.chatling ? chatlingCost.list : 0;

/** Chatling calls of a thread read of `target`. */
export const threadCost = (target: Target) => (target.provider === "chatling" ? chatlingCost.thread : 0);
/** Chatling calls of a moderation of `target`. */
export const moderationCost = (target: Target) =>
  target.provider === "chatling" ? chatlingCost.moderation : 0;

/** Parses a 200 list answer, or null. */
export function parseList(answer: ApiAnswer | null): ConversationPage | null {
  if (!answer || answer.status !== 200) return null;
  const parsed = conversationPageSchema.safeParse(answer.json);
  return parsed.success ? parsed.data : null;
}

/** The failed notices of a list answer, optionally of one provider. */
/**
 * Notices that say a connection is in trouble: `failing` (its last sync failed; the list shows
 * its indexed rows as of the last success) or `failed` (a live read failed).
 */
export function troubleNotices(page: ConversationPage | null, provider?: ProviderId) {
  return (page?.notices ?? []).filter(
    (notice) =>
      (notice.kind === "failed" || notice.kind === "failing") &&
      (provider === undefined || notice.provider === provider),
  );
}

export function failedNotices(page: ConversationPage | null, provider?: ProviderId) {
  return (page?.notices ?? []).filter(
    (notice) => notice.kind === "failed" && (provider === undefined || notice.provider === provider),
  );
}

/** A conversation's moderation state read back through the thread API (staff session). */
export async function readState(
  context: ResilienceContext,
  target: Target,
  api: ParleyApi = context.staff,
): Promise<ModerationState> {
  const answer = await gatedCall(
    context,
    threadCost(target),
    api,
    "GET",
    `${conversationPath(target.connectionId, target.id)}?limit=1`,
  );
  if (answer.status !== 200)
    throw new Error(
      `reading ${target.provider} ${target.id} answered ${answer.status}: ${answer.text.slice(0, 200)}`,
    );
  const { conversation } = threadPageSchema.parse(answer.json);
  return {
    important: conversation.flags.important,
    archived: conversation.flags.archived,
    trashed: conversation.flags.trashed,
    title: conversation.title,
  };
}

/** Status and the start of the body, for check details. */
export function describeAnswer(answer: ApiAnswer | null): string {
  if (!answer) return "no answer";
  return `${answer.status} ${answer.text.slice(0, 160)}`;
}
