/** The adapter for each provider id. Adding a provider means adding it here and to `providerIds`. */
import "server-only";
import type { ProviderId } from "@/lib/model/conversation";
import { chatlingAdapter } from "./chatling/adapter";
import type { ProviderAdapter } from "./contract";
import { cozmoxAdapter } from "./cozmox/adapter";
import { sigmamindAdapter } from "./sigmamind/adapter";
import { zaiaAdapter } from "./zaia/adapter";

export function getAdapter(provider: ProviderId): ProviderAdapter {
  switch (provider) {
    case "sigmamind":
      return sigmamindAdapter;
    case "cozmox":
      return cozmoxAdapter;
    case "zaia":
      return zaiaAdapter;
    case "chatling":
      return chatlingAdapter;
    default: {
      const unreachable: never = provider;
      return unreachable;
    }
  }
}
