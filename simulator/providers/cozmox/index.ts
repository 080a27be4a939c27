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
import type { ScaleShare } from "../../core/scale";
import { simulatorKeys } from "../../keys";
import { generateCozmoxData, type CozmoxData } from "./data";
import { CozmoxLive } from "./live";
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
  /** Serve a scale share (`core/scale.ts`) instead of the demo org. */
  scale?: ScaleShare;
}

/** The smallest scale share: the ten showcase conversations and seed 002's session. */
export const MIN_SCALE_CONVERSATIONS = 11;

/** A scale share's org: its count (seed 002's session included), from its seed alone. */
export function cozmoxScaleData(scale: ScaleShare): CozmoxData {
  if (scale.conversations < MIN_SCALE_CONVERSATIONS)
    throw new Error(
      `Cozmox needs at least ${MIN_SCALE_CONVERSATIONS} conversations at scale, got ${scale.conversations}`,
    );
  return generateCozmoxData({ conversations: scale.conversations - 1, seed: scale.seed, scaleProfile: true });
}

export function createCozmoxProvider(options: CozmoxProviderOptions = {}): SimulatedProvider {
  const apiKeys = [simulatorKeys.cozmox.primary, simulatorKeys.cozmox.secondary] as const;
  const store = new CozmoxStore(options.scale ? cozmoxScaleData(options.scale) : cozmoxData());
  const live = new CozmoxLive(store);
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
    reset: () => {
      store.reset();
      live.reset();
    },
    stats: () => store.stats(),
    live,
  };
}
