/** One connection ready for adapter calls: its stored facts, its adapter and its HTTP context. */
import type { ProviderId } from "@/lib/model/conversation";
import type { ProviderAdapter, ProviderContext } from "@/lib/providers/contract";

export interface ConnectionHandle {
  id: string;
  name: string;
  provider: ProviderId;
  adapter: ProviderAdapter;
  context: ProviderContext;
}
