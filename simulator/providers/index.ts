/**
 * The four simulated providers, each speaking its own wire protocol, and how each is built with
 * its demo data or at scale (`core/scale.ts`). A provider joins scale mode by giving its
 * registration a `createAtScale` and its provider object the `live` hooks (`core/live.ts`).
 */
import type { SimulatedProvider } from "../core/provider";
import { createProviders, type ProviderRegistration } from "../core/scale";
import { createChatlingProvider } from "./chatling";
import { createCozmoxProvider } from "./cozmox";
import { createSigmamindProvider } from "./sigmamind";
import { createZaiaProvider } from "./zaia";

/** In the demo's order; `demoConversations` weighs each provider's share of a scale. */
export const providerRegistrations: readonly ProviderRegistration[] = [
  {
    id: "sigmamind",
    demoConversations: 520,
    create: () => createSigmamindProvider(),
    createAtScale: (scale) => createSigmamindProvider({ scale }),
  },
  {
    id: "cozmox",
    demoConversations: 521,
    create: () => createCozmoxProvider(),
    createAtScale: (scale) => createCozmoxProvider({ scale }),
  },
  {
    id: "zaia",
    demoConversations: 560,
    create: () => createZaiaProvider(),
    createAtScale: (scale) => createZaiaProvider({ scale }),
  },
  {
    id: "chatling",
    demoConversations: 493,
    create: () => createChatlingProvider(),
    createAtScale: (scale) => createChatlingProvider({ scale }),
  },
];

/** Every provider with its demo data, or at `scale` conversations (`SIMULATOR_SCALE`) when given. */
export function createAllProviders(options: { scale?: number | null } = {}): SimulatedProvider[] {
  return createProviders(providerRegistrations, options.scale ?? null);
}
