/**
 * The simulated SigmaMind: `X-API-Key` auth, `/v1/chats` list (pages from 0), get, update and
 * create, with 520 deterministic chats (or a scale share's, `core/scale.ts`), and live changes
 * through the simulator's admin call (`live.ts`). Decisions where the documents are silent: `NOTES.md`.
 *
 * @see https://docs.sigmamind.ai/api-reference/chats/list-chats
 */
import type { SimRequest } from "../../core/http";
import type { SimulatedProvider } from "../../core/provider";
import type { ScaleShare } from "../../core/scale";
import { simulatorKeys } from "../../keys";
import { generateChatRecords } from "./data";
import { SigmamindLive } from "./live";
import { createSigmamindRoutes, sigmamindError } from "./routes";
import { ChatStore } from "./store";

function apiKeyOf(request: SimRequest): string | null {
  const header = request.headers["x-api-key"];
  return typeof header === "string" ? header : null;
}

/** A fresh simulated SigmaMind holding the seed data: the demo's, or a scale share's. */
export function createSigmamindProvider(options: { scale?: ScaleShare } = {}): SimulatedProvider {
  const apiKeys = [simulatorKeys.sigmamind.primary, simulatorKeys.sigmamind.secondary] as const;
  const store = new ChatStore(generateChatRecords(options.scale));
  const live = new SigmamindLive(store);
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
    reset: () => {
      store.reset();
      live.reset();
    },
    stats: () => store.stats(),
    live,
  };
}
