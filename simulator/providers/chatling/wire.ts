/**
 * Chatling's wire objects as the simulator serves them (seed 004; providers.md §5, §11), with the
 * envelope and timestamp helpers every route shares.
 *
 * @see https://docs.chatling.ai/api-reference/v2/conversations/update-conversation
 */
import { json, type SimResponse } from "../../core/http";

export interface ChatlingChatbot {
  id: string;
  name: string;
  version: string;
  visibility: "public" | "private";
  created_at: string;
}

export interface ChatlingSource {
  type: string;
  title: string;
  url: string;
}

export interface ChatlingMessageData {
  helpful_value: -1 | 1 | null;
  sources: ChatlingSource[];
}

/** User messages carry neither `is_ai_kb_response` nor `data`; seed 004's messages carry no `id`. */
export interface ChatlingMessage {
  id?: string;
  text: string;
  role: "bot" | "user" | "system";
  is_ai_kb_response?: boolean;
  data?: ChatlingMessageData;
  created_at: string;
}

export interface ChatlingConversation {
  id: string;
  contact_id: string | null;
  archived: 0 | 1;
  important: 0 | 1;
  created_at: string;
  messages: ChatlingMessage[];
}

/** Contact fields are a GUESS (snake_case of MindCloud's normalized names); see NOTES.md. */
export interface ChatlingContact {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  company: string | null;
  created_at: string;
}

export interface ChatlingPages {
  current_page: number;
  last_page: number;
  per_page: number;
}

/** Chatling's timestamp form: seconds precision with an explicit `+00:00` offset. */
export function chatlingTimestamp(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 19)}+00:00`;
}

/** `{"status":"success","data":…}`, the envelope of every successful answer. */
export function success(data: unknown): SimResponse {
  return json(200, { status: "success", data });
}

/** `{"status":"error","message":…}`, the envelope of every failure (the 429's is documented). */
export function failure(status: number, message: string): SimResponse {
  return json(status, { status: "error", message });
}

/** Slices one 1-based page; pages past the end are empty, and an empty list still has page 1. */
export function paginate<T>(
  items: readonly T[],
  page: number,
  perPage: number,
): { pages: ChatlingPages; items: T[] } {
  const start = (page - 1) * perPage;
  return {
    pages: {
      current_page: page,
      last_page: Math.max(1, Math.ceil(items.length / perPage)),
      per_page: perPage,
    },
    items: start >= items.length ? [] : items.slice(start, start + perPage),
  };
}
