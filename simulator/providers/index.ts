/** The four simulated providers, each speaking its own wire protocol. */
import type { SimulatedProvider } from "../core/provider";
import { createChatlingProvider } from "./chatling";
import { createCozmoxProvider } from "./cozmox";
import { createSigmamindProvider } from "./sigmamind";
import { createZaiaProvider } from "./zaia";

export function createAllProviders(): SimulatedProvider[] {
  return [createSigmamindProvider(), createCozmoxProvider(), createZaiaProvider(), createChatlingProvider()];
}
