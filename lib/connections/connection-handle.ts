/**
 * One connection ready for adapter calls: its stored facts, its adapter and two contexts that
 * share the connection's runtime (HTTP policies, request budget, memo). `context` is for calls a
 * person waits for; `background` for sync and bulk jobs, which the budget serves second.
 */
import type { ProviderId } from "@/lib/model/constants";
import type { ProviderAdapter, ProviderContext } from "@/lib/providers/contract";

export interface ConnectionHandle {
  id: string;
  name: string;
  provider: ProviderId;
  adapter: ProviderAdapter;
  context: ProviderContext;
  background: ProviderContext;
}
