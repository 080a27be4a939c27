/**
 * SigmaMind's HTTP calls, each answer parsed with its wire schema. Paths are SigmaMind's real
 * ones, appended to the connection's base URL (`https://api.sigmamind.ai`, or the simulator's
 * `/sigmamind` prefix).
 *
 * @see https://docs.sigmamind.ai/api-reference/chats/list-chats
 * @see https://docs.sigmamind.ai/api-reference/chats/get-chat
 */
import { parseWire } from "@/lib/providers/errors";
import type { ProviderContext } from "@/lib/providers/contract";
import {
  sigmamindChatPageSchema,
  sigmamindChatSchema,
  type SigmamindChat,
  type SigmamindChatPage,
} from "./wire-schemas";

export interface ListChatsQuery {
  /** 0-based page number. */
  page: number;
  /** 1–100; SigmaMind's default is 10. */
  size: number;
  /** SigmaMind's own spelling (`in-progress`, `ended`, `error`), or undefined for all. */
  status?: string;
}

/** `GET /v1/chats?page&size&status`. */
export async function listChats(context: ProviderContext, query: ListChatsQuery): Promise<SigmamindChatPage> {
  const response = await context.http.request({
    method: "GET",
    path: "/v1/chats",
    query: { page: query.page, size: query.size, status: query.status },
  });
  return parseWire("sigmamind", "list chats", sigmamindChatPageSchema, response.body);
}

/** `GET /v1/chats/{chatId}`: the full chat, with its whole `messages[]` history. */
export async function getChat(context: ProviderContext, chatId: string): Promise<SigmamindChat> {
  const response = await context.http.request({
    method: "GET",
    path: `/v1/chats/${encodeURIComponent(chatId)}`,
  });
  return parseWire("sigmamind", "get chat", sigmamindChatSchema, response.body);
}
