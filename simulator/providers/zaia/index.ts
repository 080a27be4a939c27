/**
 * The simulated Zaia ("Zaia Endless" Public API, seed 003) below the simulator's `/zaia` prefix.
 *
 * Auth is the raw key in `Authorization` (no `Bearer`), as Zaia documents it; anything else gets
 * `401 {"message": "Unauthorized."}`. Errors are `{ "message": "..." }` (providers.md §11).
 * Decisions where the documents are silent are listed in `NOTES.md` beside this file.
 */
import { json } from "../../core/http";
import type { SimulatedProvider } from "../../core/provider";
import type { ScaleShare } from "../../core/scale";
import { simulatorKeys } from "../../keys";
import { generateZaiaSeedData, zaiaSeedData } from "./data";
import { ZaiaLive } from "./live";
import { catalogRoutes } from "./routes-catalog";
import { chatRoutes } from "./routes-chats";
import { ZaiaStore } from "./store";

export { zaiaLongThreadIds, zaiaHostileChatIds } from "./data";

/** A fresh simulated Zaia holding the seed data: the demo's, or a scale share's (`core/scale.ts`). */
export function createZaiaProvider(options: { scale?: ScaleShare } = {}): SimulatedProvider {
  const apiKeys = [simulatorKeys.zaia.primary, simulatorKeys.zaia.secondary] as const;
  const store = new ZaiaStore(options.scale ? generateZaiaSeedData(options.scale) : zaiaSeedData());
  const live = new ZaiaLive(store);
  return {
    id: "zaia",
    apiKeys,
    isAuthorized: (request) => {
      const header = request.headers.authorization;
      return typeof header === "string" && apiKeys.some((key) => key === header);
    },
    unauthorized: () => json(401, { message: "Unauthorized." }),
    errorResponse: (status, message) => json(status, { message }),
    routes: [...chatRoutes(store), ...catalogRoutes(store)],
    reset: () => {
      store.reset();
      live.reset();
    },
    stats: () => store.stats(),
    live,
  };
}
