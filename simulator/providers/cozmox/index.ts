/** Placeholder: replaced by the real simulated Cozmox provider. */
import { json } from "../../core/http";
import type { SimulatedProvider } from "../../core/provider";
import { simulatorKeys } from "../../keys";

export function createCozmoxProvider(): SimulatedProvider {
  return {
    id: "cozmox",
    apiKeys: [simulatorKeys.cozmox.primary, simulatorKeys.cozmox.secondary],
    isAuthorized: () => true,
    unauthorized: () => json(401, { message: "Unauthorized" }),
    errorResponse: (status, message) => json(status, { message }),
    routes: [],
    reset: () => undefined,
    stats: () => ({}),
  };
}
