/** Placeholder: replaced by the real simulated Sigmamind provider. */
import { json } from "../../core/http";
import type { SimulatedProvider } from "../../core/provider";
import { simulatorKeys } from "../../keys";

export function createSigmamindProvider(): SimulatedProvider {
  return {
    id: "sigmamind",
    apiKeys: [simulatorKeys.sigmamind.primary, simulatorKeys.sigmamind.secondary],
    isAuthorized: () => true,
    unauthorized: () => json(401, { message: "Unauthorized" }),
    errorResponse: (status, message) => json(status, { message }),
    routes: [],
    reset: () => undefined,
    stats: () => ({}),
  };
}
