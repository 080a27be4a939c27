/**
 * Outside demo mode (PARLEY_DEMO=0 with a PARLEY_SECRET), a connection's base URL cannot point at
 * this machine in any spelling, over http or https, on create, update or test; public https URLs
 * are accepted. A separate file because configuration is read once per process.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { simulatorKeys } from "@/simulator/keys";
import { localBaseUrls, privateBaseUrls, tryBaseUrl } from "./support/base-url-cases";
import { bootApp, type BootedApp } from "./support/boot-app";

let app: BootedApp;
let cookie: string;
let connectionId: string;

beforeAll(async () => {
  app = await bootApp({
    PARLEY_DEMO: "0",
    PARLEY_ALLOW_INSECURE_PROVIDER_URLS: undefined,
    DATABASE_URL: undefined,
  });
  cookie = (await app.signIn("admin@parley.local", "parley-demo-admin")).cookie;
  const listed = z
    .object({ items: z.array(z.object({ id: z.string(), provider: z.string() })) })
    .parse(await (await app.call("GET", "/api/connections", { cookie })).json());
  connectionId = listed.items.find((item) => item.provider === "zaia")?.id ?? "";
});
afterAll(async () => app?.close());

describe("base URLs with demo mode off", () => {
  it("refuses every address of this machine", async () => {
    for (const baseUrl of localBaseUrls(app.simulator.port)) {
      expect(await tryBaseUrl(app, cookie, connectionId, baseUrl), baseUrl).toEqual({
        create: 400,
        update: 400,
        test: 400,
      });
    }
  });

  it("accepts a public https provider", async () => {
    const created = await app.call("POST", "/api/connections", {
      cookie,
      body: {
        provider: "chatling",
        name: "Chatling",
        baseUrl: "https://api.chatling.ai/",
        apiKey: simulatorKeys.chatling.primary,
      },
    });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ baseUrl: "https://api.chatling.ai" });
  });

  it("refuses private and link-local addresses without PARLEY_ALLOW_PRIVATE_PROVIDER_ADDRESSES", async () => {
    for (const baseUrl of privateBaseUrls) {
      expect(await tryBaseUrl(app, cookie, connectionId, baseUrl), baseUrl).toEqual({
        create: 400,
        update: 400,
        test: 400,
      });
    }
  });
});
