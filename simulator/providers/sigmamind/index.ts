/**
 * The simulated SigmaMind: `X-API-Key` auth, `/v1/chats` list (pages from 0), get, update and
 * create, with 520 deterministic chats. Decisions where the documents are silent: `NOTES.md`.
 *
 * @see https://docs.sigmamind.ai/api-reference/chats/list-chats
 */
import type { SimRequest } from "../../core/http";
import type { SimulatedProvider } from "../../core/provider";
import { simulatorKeys } from "../../keys";
import { createSigmamindRoutes, sigmamindError } from "./routes";
import { ChatStore } from "./store";

function apiKeyOf(request: SimRequest): string | null {
  const header = request.headers["x-api-key"];
  return typeof header === "string" ? header : null;
}

/** A fresh simulated SigmaMind holding the seed data. */
export function createSigmamindProvider(): SimulatedProvider {
  const apiKeys = [simulatorKeys.sigmamind.primary, simulatorKeys.sigmamind.secondary] as const;
  const store = new ChatStore();
  return {
    id: "sigmamind",
    apiKeys,
    isAuthorized: (request) => {
      const key = apiKeyOf(request);
      return key !== null && apiKeys.some((accepted) => accepted === key);
    },
    unauthorized: () =>
      sigmamindError(
        401,
        "Unauthorized: API Key is required in the X-API-Key header. You can find it in the settings",
      ),
    errorResponse: sigmamindError,
    routes: createSigmamindRoutes(store),
    reset: () => store.reset(),
    stats: () => store.stats(),
  };
}
