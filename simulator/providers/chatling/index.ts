/** Placeholder: replaced by the real simulated Chatling provider. */
import { json } from "../../core/http";
import type { SimulatedProvider } from "../../core/provider";
import { simulatorKeys } from "../../keys";

export function createChatlingProvider(): SimulatedProvider {
  return {
    id: "chatling",
    apiKeys: [simulatorKeys.chatling.primary, simulatorKeys.chatling.secondary],
    isAuthorized: () => true,
    unauthorized: () => json(401, { message: "Unauthorized" }),
    errorResponse: (status, message) => json(status, { message }),
    routes: [],
    reset: () => undefined,
    stats: () => ({}),
  };
}
