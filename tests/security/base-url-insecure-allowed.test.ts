/**
 * With demo mode off but PARLEY_ALLOW_INSECURE_PROVIDER_URLS=1 (tests and local simulators),
 * loopback base URLs are accepted again; plain http to a public host is still refused. A separate
 * file because configuration is read once per process.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { localBaseUrls, privateBaseUrls, tryBaseUrl } from "./support/base-url-cases";
import { bootApp, type BootedApp } from "./support/boot-app";

let app: BootedApp;
let cookie: string;
let connectionId: string;

beforeAll(async () => {
  app = await bootApp({
    PARLEY_DEMO: "0",
    PARLEY_ALLOW_INSECURE_PROVIDER_URLS: "1",
    DATABASE_URL: undefined,
  });
  cookie = (await app.signIn("admin@parley.local", "parley-demo-admin")).cookie;
  const listed = z
    .object({ items: z.array(z.object({ id: z.string(), provider: z.string() })) })
    .parse(await (await app.call("GET", "/api/connections", { cookie })).json());
  connectionId = listed.items.find((item) => item.provider === "zaia")?.id ?? "";
});
afterAll(async () => app?.close());

describe("base URLs with PARLEY_ALLOW_INSECURE_PROVIDER_URLS=1", () => {
  it("accepts the simulator on loopback, and tests its key for real", async () => {
    const [simulator = ""] = localBaseUrls(app.simulator.port);
    expect(await tryBaseUrl(app, cookie, connectionId, simulator)).toEqual({
      create: 201,
      update: 200,
      test: 200,
    });
    const tested = await app.call("POST", "/api/connections/test", {
      cookie,
      body: { provider: "zaia", baseUrl: simulator, connectionId },
    });
    expect(await tested.json()).toMatchObject({ ok: true });
  });

  it("still refuses plain http to a public host", async () => {
    expect(await tryBaseUrl(app, cookie, connectionId, "http://api.chatling.ai")).toEqual({
      create: 400,
      update: 400,
      test: 400,
    });
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
