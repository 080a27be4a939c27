/**
 * The simulated Chatling project: `Authorization: Bearer <key>`, `{"status":…}` envelopes, 1-based
 * pages of a server-fixed size, `archived`/`important` as 0|1, and the documented budget of 300
 * calls a minute per key (`SIMULATOR_CHATLING_RATE_LIMIT` overrides it). Scale mode and live
 * changes through the simulator's admin call: `live.ts`, `NOTES.md`.
 *
 * @see https://docs.chatling.ai/api-reference/v2/intro
 * @see https://docs.chatling.ai/api-reference/v2/rate-limiting
 */
import type { SimulatedProvider } from "../../core/provider";
import type { ScaleShare } from "../../core/scale";
import { simulatorKeys } from "../../keys";
import { buildChatlingState, messageCountOf, type ChatlingState } from "./data";
import { ChatlingLive } from "./live";
import { createChatlingRoutes } from "./routes";
import { failure } from "./wire";

const DEFAULT_REQUESTS_PER_MINUTE = 300;

function requestsPerMinute(): number {
  const configured = Number(process.env.SIMULATOR_CHATLING_RATE_LIMIT);
  return Number.isInteger(configured) && configured > 0 ? configured : DEFAULT_REQUESTS_PER_MINUTE;
}

/** A fresh simulated Chatling project: the demo's data, or a scale share's (`core/scale.ts`). */
export function createChatlingProvider(options: { scale?: ScaleShare } = {}): SimulatedProvider {
  const apiKeys = [simulatorKeys.chatling.primary, simulatorKeys.chatling.secondary];
  let state: ChatlingState = buildChatlingState(options.scale);
  const live = new ChatlingLive(() => state);

  return {
    id: "chatling",
    apiKeys,
    isAuthorized(request) {
      const header = request.headers.authorization;
      const match = typeof header === "string" ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
      return match?.[1] !== undefined && apiKeys.includes(match[1]);
    },
    unauthorized: () => failure(401, "Unauthenticated."),
    errorResponse: (status, message) => failure(status, message),
    rateLimit: {
      perMinute: requestsPerMinute(),
      response: () => failure(429, "Too many requests"),
    },
    routes: createChatlingRoutes(() => state),
    reset() {
      state = buildChatlingState(options.scale);
      live.reset();
    },
    stats() {
      let messages = 0;
      for (const record of state.conversationIndex.values()) messages += messageCountOf(record);
      let contacts = 0;
      for (const list of state.contactsByChatbot.values()) contacts += list.length;
      return {
        chatbots: state.chatbots.length,
        conversations: state.conversationIndex.size,
        messages,
        contacts,
        generatedThreads: state.threads.size,
      };
    },
    live,
  };
}
