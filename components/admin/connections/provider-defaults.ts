/**
 * What the add-connection form offers per provider: its name and the public API's base URL. Kept
 * here (not imported from the model) so the form does not pull zod into the browser bundle.
 */
import type { ProviderId } from "@/lib/model/conversation";

export const providerChoices = [
  { id: "sigmamind", label: "SigmaMind", baseUrl: "https://api.sigmamind.ai" },
  { id: "cozmox", label: "Cozmox", baseUrl: "https://api.cozmox.ai" },
  { id: "zaia", label: "Zaia", baseUrl: "https://api.endless.zaia.app" },
  { id: "chatling", label: "Chatling", baseUrl: "https://api.chatling.ai" },
] as const satisfies readonly { id: ProviderId; label: string; baseUrl: string }[];

export function providerChoice(id: ProviderId) {
  const choice = providerChoices.find((candidate) => candidate.id === id);
  if (!choice) throw new Error(`unknown provider ${id}`);
  return choice;
}

export function isProviderId(value: string): value is ProviderId {
  return providerChoices.some((choice) => choice.id === value);
}

/** The simulator's address for a provider in demo mode (`<simulator>/<provider>`). */
export function simulatorBaseUrl(simulatorUrl: string, provider: ProviderId): string {
  return `${simulatorUrl.replace(/\/+$/, "")}/${provider}`;
}
