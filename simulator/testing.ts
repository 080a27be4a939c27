/** Starts a fresh simulator on a free loopback port for a test file. */
import { startSimulator, type RunningSimulator } from "./core/server";
import { createAllProviders } from "./providers";

export async function startTestSimulator(): Promise<RunningSimulator> {
  return startSimulator({ port: 0, providers: createAllProviders() });
}

/** Sets faults on one provider of a running simulator through its admin endpoint. */
export async function setFaults(
  baseUrl: string,
  provider: string,
  faults: Record<string, unknown>,
): Promise<void> {
  const response = await fetch(`${baseUrl}/__admin/faults/${provider}`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(faults),
  });
  if (!response.ok) throw new Error(`setting faults failed: ${response.status} ${await response.text()}`);
}

export async function resetSimulator(baseUrl: string): Promise<void> {
  const response = await fetch(`${baseUrl}/__admin/reset`, { method: "POST" });
  if (!response.ok) throw new Error(`reset failed: ${response.status}`);
}
