/**
 * The simulated Cozmox provider (a white-label Vapi, seed 002): `Authorization: Bearer <key>`,
 * NestJS-style error bodies, sessions and chats with Vapi's paginated envelope.
 */
import type { SimRequest } from "../../core/http";
import type { SimulatedProvider } from "../../core/provider";
import { simulatorKeys } from "../../keys";
import { generateCozmoxData, type CozmoxData } from "./data";
import { cozmoxError, createCozmoxRoutes } from "./routes";
import { CozmoxStore } from "./store";

let sharedData: CozmoxData | undefined;

/** The seed data is immutable and deterministic, so every simulator instance shares one copy. */
function cozmoxData(): CozmoxData {
  sharedData ??= generateCozmoxData();
  return sharedData;
}

export function createCozmoxProvider(): SimulatedProvider {
  const apiKeys = [simulatorKeys.cozmox.primary, simulatorKeys.cozmox.secondary] as const;
  const store = new CozmoxStore(cozmoxData());
  return {
    id: "cozmox",
    apiKeys,
    isAuthorized(request: SimRequest) {
      const header = request.headers.authorization;
      const match = typeof header === "string" ? /^Bearer (\S+)$/i.exec(header) : null;
      return match !== null && apiKeys.some((key) => key === match[1]);
    },
    unauthorized: () => cozmoxError(401, "Invalid Key. Retrieve your API Key from Dashboard."),
    errorResponse: cozmoxError,
    routes: createCozmoxRoutes(store),
    reset: () => store.reset(),
    stats: () => store.stats(),
  };
}
