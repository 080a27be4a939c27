/**
 * Addresses the thread view links to. The list's state travels in the query string (nuqs
 * `listSearchParams`), so going back, opening the full page or stepping to the next conversation
 * keeps the filters, search and page the user was looking at.
 */
import { createSerializer } from "nuqs";
import type { ListParams } from "@/lib/client/conversation-queries";
import { listSearchParams } from "@/lib/conversations/search-params";

const serializeListParams = createSerializer(listSearchParams);

/** `?view=…&q=…` for the list state (without `open`), or "" when everything is default. */
export function listQueryString(params: ListParams): string {
  return serializeListParams({ ...params, open: null });
}

export function conversationsHref(params: ListParams): string {
  return `/conversations${listQueryString(params)}`;
}

export function threadPath(connectionId: string, conversationId: string): string {
  return `/conversations/${encodeURIComponent(connectionId)}/${encodeURIComponent(conversationId)}`;
}

export function threadHref(connectionId: string, conversationId: string, params: ListParams): string {
  return `${threadPath(connectionId, conversationId)}${listQueryString(params)}`;
}

/** The query parameter naming one message; the thread scrolls to it and highlights it. */
export const MESSAGE_PARAM = "message";

/** An absolute link to one message of a thread (no list state: it is meant to be shared). */
export function messageLink(
  origin: string,
  connectionId: string,
  conversationId: string,
  messageId: string,
): string {
  return `${origin}${threadPath(connectionId, conversationId)}?${MESSAGE_PARAM}=${encodeURIComponent(messageId)}`;
}
