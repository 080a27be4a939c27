/**
 * "Direct" baselines for the proxy-cost measurement: the provider wire requests Parley's adapter
 * makes, sent straight to the simulator with the provider's own key. A plan is a list of stages
 * run one after another; the requests of a stage run in parallel, exactly as the adapter does:
 *
 * - list page (25 rows): the adapter's `listConversations` requests for the first page.
 * - thread (first 200 messages): the adapter's `listMessages` requests for offset 0, limit 200.
 *
 * The paths and queries are copied from `lib/providers/<provider>/` (client.ts and the list and
 * thread code); the bench also counts the wire calls Parley really makes per API call, so a
 * difference in shape shows in the results.
 */
import { z } from "zod";
import type { ProviderId } from "@/lib/model/conversation";
import { chatlingLongThreads } from "@/simulator/providers/chatling/data";
import { zaiaLongThreadIds } from "@/simulator/providers/zaia/data";
import { simulatorKeys } from "@/simulator/keys";

/** One provider request: path and auth header. */
export interface WireRequest {
  /** Path below the simulator's root, provider prefix included. */
  path: string;
  headers: Record<string, string>;
}

/** Wire requests in stages: stages one after another, a stage's requests in parallel. */
export interface DirectPlan {
  name: string;
  provider: ProviderId;
  stages: WireRequest[][];
}

/** Each provider's auth header with its primary simulator key (as in `authHeaders` of each adapter). */
export function authHeaders(provider: ProviderId): Record<string, string> {
  const key = simulatorKeys[provider].primary;
  switch (provider) {
    case "sigmamind":
      return { "x-api-key": key };
    case "zaia":
      return { authorization: key };
    case "cozmox":
    case "chatling":
      return { authorization: `Bearer ${key}` };
    default: {
      const unreachable: never = provider;
      return unreachable;
    }
  }
}

/** What the plans need to know about the simulator's data. */
export interface Discovery {
  chatlingChatbotIds: string[];
  /** The conversation each provider's thread plan reads, as Parley addresses it. */
  threadIds: Record<ProviderId, string>;
  /** Chatling's last message page of that thread (the adapter fetches it for the exact count). */
  chatlingThreadLastPage: number;
}

/** Rows of the list page measured. */
export const LIST_PAGE_SIZE = 25;
/** Messages of the thread page measured (the thread view's page size). */
export const THREAD_MESSAGES = 200;

const query = (values: Record<string, string | number>) =>
  new URLSearchParams(Object.entries(values).map(([key, value]) => [key, String(value)])).toString();

function request(provider: ProviderId, path: string): WireRequest {
  return { path: `/${provider}${path}`, headers: authHeaders(provider) };
}

/** The requests the adapter makes for the first list page (inbox, no filter). */
export function listPlan(provider: ProviderId, discovery: Discovery): DirectPlan {
  const name = `${provider}-list`;
  switch (provider) {
    case "sigmamind":
      return {
        name,
        provider,
        stages: [[request(provider, `/v1/chats?${query({ page: 0, size: LIST_PAGE_SIZE })}`)]],
      };
    case "zaia":
      return {
        name,
        provider,
        stages: [
          [request(provider, `/api/v1/chats/details?${query({ pageNumber: 1, pageSize: LIST_PAGE_SIZE })}`)],
        ],
      };
    case "cozmox":
      // Sessions and the assistant names (for responder labels) are read in parallel.
      return {
        name,
        provider,
        stages: [
          [
            request(provider, `/session?${query({ sortOrder: "DESC", page: 1, limit: LIST_PAGE_SIZE })}`),
            request(provider, `/assistant?${query({ limit: 1000 })}`),
          ],
        ],
      };
    case "chatling":
      // One list per chatbot (Chatling fixes the page size at 20), all in parallel.
      return {
        name,
        provider,
        stages: [
          discovery.chatlingChatbotIds.map((chatbotId) =>
            request(
              provider,
              `/v2/chatbots/${chatbotId}/conversations?${query({ page: 1, sort: "date_desc" })}`,
            ),
          ),
        ],
      };
    default: {
      const unreachable: never = provider;
      return unreachable;
    }
  }
}

/** The requests the adapter's `listMessages` makes for the first 200 messages. */
export function threadPlan(provider: ProviderId, discovery: Discovery): DirectPlan {
  const name = `${provider}-thread`;
  const id = discovery.threadIds[provider];
  switch (provider) {
    case "sigmamind":
      // SigmaMind has no message paging: the whole chat comes with its history.
      return { name, provider, stages: [[request(provider, `/v1/chats/${encodeURIComponent(id)}`)]] };
    case "zaia": {
      // The adapter asks for one more than the page to learn whether the thread goes on.
      const messages = query({
        chatId: id,
        "pagination[limit]": THREAD_MESSAGES + 1,
        "pagination[offset]": 0,
      });
      return { name, provider, stages: [[request(provider, `/api/v1/chat-messages?${messages}`)]] };
    }
    case "cozmox":
      return {
        name,
        provider,
        stages: [
          [request(provider, `/chat?${query({ sessionId: id, sortOrder: "ASC", page: 1, limit: 100 })}`)],
        ],
      };
    case "chatling": {
      // Page 1 teaches the page size and the last page; then the rest of the slice and the last page.
      const [chatbotId, conversationId] = id.split("-");
      const page = (number: number) =>
        request(
          provider,
          `/v2/chatbots/${chatbotId}/conversations/${conversationId}/messages?${query({ page: number, sort: "date_asc" })}`,
        );
      // 200 messages span pages 1 and 2 (100 a page), cut at the thread's last page.
      const last = discovery.chatlingThreadLastPage;
      const later = [...new Set([Math.min(2, last), last])].filter((number) => number > 1);
      return { name, provider, stages: later.length > 0 ? [[page(1)], later.map(page)] : [[page(1)]] };
    }
    default: {
      const unreachable: never = provider;
      return unreachable;
    }
  }
}

/** Wire requests a plan makes in all. */
export function wireRequestCount(plan: DirectPlan): number {
  return plan.stages.reduce((sum, stage) => sum + stage.length, 0);
}

const sigmamindChatsSchema = z.object({
  data: z.array(z.object({ chatId: z.string(), messages: z.array(z.unknown()) })),
});
const cozmoxSessionsSchema = z.object({
  results: z.array(z.object({ id: z.string(), name: z.string().optional() })),
});
const chatlingChatbotsSchema = z.object({
  data: z.object({ chatbots: z.array(z.object({ id: z.string() })) }),
});
const chatlingMessagesSchema = z.object({ data: z.object({ pages: z.object({ last_page: z.number() }) }) });

async function getJson<T>(simulatorUrl: string, wire: WireRequest, schema: z.ZodType<T>): Promise<T> {
  const response = await fetch(`${simulatorUrl}${wire.path}`, {
    headers: wire.headers,
    signal: AbortSignal.timeout(30_000),
  });
  if (!response.ok) throw new Error(`simulator ${wire.path} answered ${response.status}`);
  return schema.parse(await response.json());
}

/** Finds a thread of at least 200 messages per provider, and Chatling's chatbots. */
export async function discover(simulatorUrl: string): Promise<Discovery> {
  const chats = await getJson(
    simulatorUrl,
    request("sigmamind", "/v1/chats?page=0&size=100"),
    sigmamindChatsSchema,
  );
  const longChats = chats.data.filter((chat) => chat.messages.length >= THREAD_MESSAGES);
  longChats.sort((left, right) => left.messages.length - right.messages.length);
  const sigmamindThread = longChats[0]?.chatId;
  if (!sigmamindThread)
    throw new Error(`no SigmaMind chat of ${THREAD_MESSAGES}+ messages on the first page`);

  const sessions = await getJson(simulatorUrl, request("cozmox", "/session?limit=20"), cozmoxSessionsSchema);
  const cozmoxThread = sessions.results.find((session) => session.name === "Long-running support thread")?.id;
  if (!cozmoxThread) throw new Error("the simulator's long Cozmox session was not found among the newest 20");

  const chatbots = await getJson(
    simulatorUrl,
    request("chatling", "/v2/chatbots?page=1"),
    chatlingChatbotsSchema,
  );
  const long = chatlingLongThreads.oneThousand;
  const firstPage = await getJson(
    simulatorUrl,
    request(
      "chatling",
      `/v2/chatbots/${long.chatbotId}/conversations/${long.conversationId}/messages?page=1&sort=date_asc`,
    ),
    chatlingMessagesSchema,
  );
  return {
    chatlingChatbotIds: chatbots.data.chatbots.map((chatbot) => chatbot.id),
    threadIds: {
      sigmamind: sigmamindThread,
      cozmox: cozmoxThread,
      zaia: zaiaLongThreadIds.thousand,
      chatling: `${long.chatbotId}-${long.conversationId}`,
    },
    chatlingThreadLastPage: firstPage.data.pages.last_page,
  };
}
