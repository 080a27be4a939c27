/**
 * Base URLs that reach this machine, in the spellings the URL parser accepts: refused outside
 * demo mode unless PARLEY_ALLOW_INSECURE_PROVIDER_URLS=1, so a stored key cannot be pointed at a
 * local service. Shared by the demo-off and insecure-allowed test files.
 */
import { simulatorKeys } from "@/simulator/keys";
import type { BootedApp } from "./boot-app";

export function localBaseUrls(simulatorPort: number): string[] {
  return [
    `http://127.0.0.1:${simulatorPort}/zaia`,
    `http://localhost:${simulatorPort}/zaia`,
    "https://127.0.0.1/zaia",
    "https://127.8.9.10",
    "https://localhost",
    "https://LOCALHOST.",
    "https://api.localhost",
    "https://[::1]",
    "https://[0:0:0:0:0:0:0:1]:8443",
    "https://0.0.0.0",
    "https://0",
    "https://[::]",
    "https://[::ffff:127.0.0.1]",
    "https://[::ffff:0.0.0.0]",
    "https://2130706433",
    "https://0x7f.1",
  ];
}

/** Private, link-local and shared ranges: refused unless PARLEY_ALLOW_PRIVATE_PROVIDER_ADDRESSES=1. */
export const privateBaseUrls: readonly string[] = [
  "https://10.0.0.7",
  "https://172.16.0.1:8443",
  "https://192.168.1.10",
  "https://169.254.169.254/latest/meta-data",
  "https://100.64.0.1",
  "https://[fd00::1]",
  "https://[fe80::1]",
  "https://[::ffff:10.0.0.7]",
  "https://[::ffff:a9fe:a9fe]",
];

export interface BaseUrlAnswers {
  create: number;
  update: number;
  test: number;
}

/** Creates, updates and tests a zaia connection with `baseUrl`, answering the three statuses. */
export async function tryBaseUrl(
  app: BootedApp,
  cookie: string,
  connectionId: string,
  baseUrl: string,
): Promise<BaseUrlAnswers> {
  const apiKey = simulatorKeys.zaia.primary;
  const create = await app.call("POST", "/api/connections", {
    cookie,
    body: { provider: "zaia", name: "Local", baseUrl, apiKey },
  });
  const update = await app.call("PATCH", `/api/connections/${connectionId}`, { cookie, body: { baseUrl } });
  const test = await app.call("POST", "/api/connections/test", {
    cookie,
    body: { provider: "zaia", baseUrl, apiKey },
  });
  return { create: create.status, update: update.status, test: test.status };
}
