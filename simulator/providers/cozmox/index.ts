/**
 * The simulated Cozmox provider (a white-label Vapi, seed 002): `Authorization: Bearer <key>`,
 * NestJS-style error bodies, chats (seed 002), sessions and assistants with Vapi's paginated
 * envelope.
 *
 * `/session` is a Vapi endpoint family seed 002 does not show, so an account may lack it:
 * `SIMULATOR_COZMOX_SESSIONS` (or the `sessions` option) is `served` (default), `empty` (the list
 * answers no sessions) or `absent` (every `/session` path answers 404, as an unknown route does).
 */
import type { SimRequest } from "../../core/http";
import type { SimulatedProvider } from "../../core/provider";
import { simulatorKeys } from "../../keys";
import { generateCozmoxData, type CozmoxData } from "./data";
import { cozmoxError, createCozmoxRoutes, sessionsApiModes, type SessionsApiMode } from "./routes";
import { CozmoxStore } from "./store";

let sharedData: CozmoxData | undefined;

/** The seed data is immutable and deterministic, so every simulator instance shares one copy. */
function cozmoxData(): CozmoxData {
  sharedData ??= generateCozmoxData();
  return sharedData;
}

function sessionsFromEnvironment(): SessionsApiMode {
  const configured = process.env.SIMULATOR_COZMOX_SESSIONS;
  if (configured === undefined || configured === "") return "served";
  const mode = sessionsApiModes.find((candidate) => candidate === configured);
  if (!mode)
    throw new Error(
      `SIMULATOR_COZMOX_SESSIONS must be one of ${sessionsApiModes.join(", ")}, got "${configured}"`,
    );
  return mode;
}

export interface CozmoxProviderOptions {
  /** How `/session` answers; defaults to `SIMULATOR_COZMOX_SESSIONS`, else `served`. */
  sessions?: SessionsApiMode;
}

export function createCozmoxProvider(options: CozmoxProviderOptions = {}): SimulatedProvider {
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
    routes: createCozmoxRoutes(store, options.sessions ?? sessionsFromEnvironment()),
    reset: () => store.reset(),
    stats: () => store.stats(),
  };
}
