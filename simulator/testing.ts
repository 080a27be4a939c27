/** Starts a fresh simulator on a free loopback port for a test file. */
import { startSimulator, type RunningSimulator } from "./core/server";
import { createAllProviders } from "./providers";

/** The demo data, or `scale` conversations as `SIMULATOR_SCALE` would serve them. */
export async function startTestSimulator(options: { scale?: number } = {}): Promise<RunningSimulator> {
  const scale = options.scale ?? null;
  return startSimulator({ port: 0, providers: createAllProviders({ scale }), scale });
}

/** `POST /__admin/conversations/:provider`: the status and the parsed answer. */
export async function changeConversations(
  baseUrl: string,
  provider: string,
  body: unknown,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${baseUrl}/__admin/conversations/${provider}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
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
