/** Placeholder: replaced by the real simulated Zaia provider. */
import { json } from "../../core/http";
import type { SimulatedProvider } from "../../core/provider";
import { simulatorKeys } from "../../keys";

export function createZaiaProvider(): SimulatedProvider {
  return {
    id: "zaia",
    apiKeys: [simulatorKeys.zaia.primary, simulatorKeys.zaia.secondary],
    isAuthorized: () => true,
    unauthorized: () => json(401, { message: "Unauthorized" }),
    errorResponse: (status, message) => json(status, { message }),
    routes: [],
    reset: () => undefined,
    stats: () => ({}),
  };
}
