/**
 * With PARLEY_ALLOW_PRIVATE_PROVIDER_ADDRESSES=1 (a provider on the company network), private and
 * link-local base URLs are accepted; loopback still needs demo mode or
 * PARLEY_ALLOW_INSECURE_PROVIDER_URLS. A separate file because configuration is read once per process.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { simulatorKeys } from "@/simulator/keys";
import { localBaseUrls, privateBaseUrls } from "./support/base-url-cases";
import { bootApp, type BootedApp } from "./support/boot-app";

let app: BootedApp;
let cookie: string;

beforeAll(async () => {
  app = await bootApp({
    PARLEY_DEMO: "0",
    PARLEY_ALLOW_INSECURE_PROVIDER_URLS: undefined,
    PARLEY_ALLOW_PRIVATE_PROVIDER_ADDRESSES: "1",
    DATABASE_URL: undefined,
  });
  cookie = (await app.signIn("admin@parley.local", "parley-demo-admin")).cookie;
});
afterAll(async () => app?.close());

async function create(baseUrl: string): Promise<number> {
  const response = await app.call("POST", "/api/connections", {
    cookie,
    body: { provider: "zaia", name: "Internal", baseUrl, apiKey: simulatorKeys.zaia.primary },
  });
  return response.status;
}

describe("base URLs with PARLEY_ALLOW_PRIVATE_PROVIDER_ADDRESSES=1", () => {
  it("accepts private and link-local addresses", async () => {
    for (const baseUrl of privateBaseUrls) expect(await create(baseUrl), baseUrl).toBe(201);
  });

  it("still refuses this machine", async () => {
    for (const baseUrl of localBaseUrls(app.simulator.port)) expect(await create(baseUrl), baseUrl).toBe(400);
  });
});
