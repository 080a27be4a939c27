/**
 * The API keys the simulator accepts. Demo connections are created with the primary keys; the
 * secondary ones let tests rotate a key. They are demo secrets all the same: Parley must never
 * show them in a response, page, log or error, and the leak test searches for them.
 */
import type { SimulatedProviderId } from "./core/provider";

export const simulatorKeys: Record<SimulatedProviderId, { primary: string; secondary: string }> = {
  sigmamind: { primary: "sm_live_demo_4c1f0b7e9a2d51c8", secondary: "sm_live_rotated_0b7e4c1f9a2d8c51" },
  cozmox: { primary: "cozmox_demo_9e2b71c4f0a3d6e5", secondary: "cozmox_rotated_71c49e2bf0a3e5d6" },
  zaia: { primary: "zaia_demo_58d1e2a7b6c94f03", secondary: "zaia_rotated_e2a758d1b6c903f4" },
  chatling: { primary: "chatling_demo_3a7f9c2e1b80d4a6", secondary: "chatling_rotated_9c2e3a7f1b80a6d4" },
};

export function allSimulatorKeys(): string[] {
  return Object.values(simulatorKeys).flatMap((keys) => [keys.primary, keys.secondary]);
}
