/**
 * The admin connections API as the browser calls it, and the query keys of its answers. The
 * health key is the sidebar's, so both share one cache (and one poll).
 */
import { apiFetch } from "@/lib/client/api-client";
import type { ConnectionView } from "@/lib/connections/schemas";
import type { ProviderId } from "@/lib/model/conversation";

export type { ConnectionView };

export interface ConnectionHealthView {
  id: string;
  reachable: boolean;
  latencyMs: number;
  error: string | null;
  code: string | null;
  checkedAt: string;
}

export interface HealthAnswer {
  status: string;
  connections: ConnectionHealthView[];
}

/** What `POST /api/connections/test` answers: the provider's verdict in plain words. */
export interface KeyTestResult {
  ok: boolean;
  code: string | null;
  message: string;
}

export const connectionAdminKeys = {
  connections: ["admin", "connections"] as const,
  health: ["health"] as const,
};

export function fetchConnections(): Promise<ConnectionView[]> {
  return apiFetch<{ items: ConnectionView[] }>("/api/connections").then((answer) => answer.items);
}

export function fetchHealth(): Promise<HealthAnswer> {
  return apiFetch<HealthAnswer>("/api/health");
}

/** Tests a key (or, with `connectionId` and no key, the stored key) against a base URL. */
export function testConnectionKey(input: {
  provider: ProviderId;
  baseUrl: string;
  apiKey?: string;
  connectionId?: string;
}): Promise<KeyTestResult> {
  return apiFetch<KeyTestResult>("/api/connections/test", { method: "POST", json: input });
}

export function createConnection(input: {
  provider: ProviderId;
  name: string;
  baseUrl: string;
  apiKey: string;
}): Promise<ConnectionView> {
  return apiFetch<ConnectionView>("/api/connections", { method: "POST", json: input });
}

export function updateConnection(
  id: string,
  changes: { name?: string; baseUrl?: string; apiKey?: string; indexTranscripts?: boolean },
): Promise<ConnectionView> {
  return apiFetch<ConnectionView>(`/api/connections/${encodeURIComponent(id)}`, {
    method: "PATCH",
    json: changes,
  });
}

export function removeConnection(id: string): Promise<void> {
  return apiFetch<null>(`/api/connections/${encodeURIComponent(id)}`, { method: "DELETE" }).then(
    () => undefined,
  );
}
