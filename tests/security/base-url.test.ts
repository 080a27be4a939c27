/**
 * Where Parley will send a provider key, through the connections API in demo mode: never over
 * plain http to a public host, never to a URL with credentials, a query or a non-web scheme;
 * loopback (the simulator) is allowed in demo mode. A provider answering with a redirect is
 * refused, and the redirect's target never receives a request (so never the key).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProviderId } from "@/lib/model/conversation";
import { getDatabase } from "@/lib/db/client";
import { connections } from "@/lib/db/schema";
import { simulatorKeys } from "@/simulator/keys";
import { startHarness, type Harness } from "../integration/harness";
import { simulatorRequestCount } from "./support/state-snapshot";
import { startRecordingServer, type RecordingServer } from "./support/recording-server";

const refusedEverywhere = [
  "http://api.chatling.ai",
  "http://example.com:80/v2",
  "file:///etc/passwd",
  "javascript:alert(1)",
  "data:text/plain,hello",
  "ftp://api.example.com",
  "ws://api.example.com",
  "https://user:pass@api.example.com",
  "https://:secret@api.example.com",
  "https://api.example.com/v1?token=abc",
  "https://api.example.com/#fragment",
  "not a url",
  "//api.example.com",
  "http://[::ffff:8.8.8.8]",
];

let harness: Harness;
const admin = () => ({ cookie: harness.adminCookie });

beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness?.close());

async function connectionRows(): Promise<string> {
  const db = await getDatabase();
  const rows = await db.select().from(connections);
  return JSON.stringify(rows.sort((left, right) => left.id.localeCompare(right.id)));
}

describe("base URLs refused in every mode", () => {
  for (const baseUrl of refusedEverywhere) {
    it(`refuses ${baseUrl} on create, update and test`, async () => {
      const before = await connectionRows();
      const calls = await simulatorRequestCount(harness.simulator.url);
      const answers = [
        await harness.json("POST", "/api/connections", {
          ...admin(),
          body: { provider: "zaia", name: "Bad URL", baseUrl, apiKey: simulatorKeys.zaia.primary },
        }),
        await harness.json("PATCH", `/api/connections/${harness.connectionIds.zaia}`, {
          ...admin(),
          body: { baseUrl },
        }),
        await harness.json("POST", "/api/connections/test", {
          ...admin(),
          body: { provider: "zaia", baseUrl, apiKey: simulatorKeys.zaia.primary },
        }),
        await harness.json("POST", "/api/connections/test", {
          ...admin(),
          body: { provider: "zaia", baseUrl, connectionId: harness.connectionIds.zaia },
        }),
      ];
      for (const answer of answers) {
        expect(answer.status).toBe(400);
        expect(answer.body).toEqual({
          error: { code: "invalid_request", message: expect.stringMatching(/^baseUrl: /) },
        });
      }
      expect(await connectionRows()).toBe(before);
      expect(await simulatorRequestCount(harness.simulator.url)).toBe(calls);
    });
  }
});

describe("loopback in demo mode", () => {
  it("allows the simulator on 127.0.0.1, localhost and [::1]", async () => {
    const port = harness.simulator.port;
    for (const baseUrl of [
      `http://127.0.0.1:${port}/zaia`,
      `http://localhost:${port}/zaia`,
      `http://[::1]:${port}/zaia`,
    ]) {
      const created = await harness.json<{ baseUrl: string }>("POST", "/api/connections", {
        ...admin(),
        body: { provider: "zaia", name: "Loopback", baseUrl, apiKey: simulatorKeys.zaia.secondary },
      });
      expect(created.status, baseUrl).toBe(201);
      expect(created.body.baseUrl).toBe(baseUrl);
    }
  });
});

describe("provider redirects", () => {
  const providers: readonly ProviderId[] = ["sigmamind", "cozmox", "zaia", "chatling"];
  const statuses = [301, 302, 303, 307, 308];
  let target: RecordingServer;
  let redirector: RecordingServer;

  beforeAll(async () => {
    target = await startRecordingServer(() => ({ status: 200, body: "[]" }));
    redirector = await startRecordingServer((request) => ({
      status: statuses[redirector.requests.length % statuses.length] ?? 302,
      headers: { location: `http://localhost:${target.port}${request.url}` },
    }));
  });
  afterAll(async () => {
    await redirector?.close();
    await target?.close();
  });

  it("are refused for every provider and the redirect target never receives a request", async () => {
    for (const provider of providers) {
      const baseUrl = `${redirector.url}/${provider}`;
      const apiKey = simulatorKeys[provider].primary;
      const tested = await harness.json("POST", "/api/connections/test", {
        ...admin(),
        body: { provider, baseUrl, apiKey },
      });
      expect(tested.body, provider).toEqual({
        ok: false,
        code: "bad_response",
        message: expect.stringContaining("redirect"),
      });

      const created = await harness.json<{ id: string }>("POST", "/api/connections", {
        ...admin(),
        body: { provider, name: `Redirecting ${provider}`, baseUrl, apiKey },
      });
      expect(created.status).toBe(201);
      const listed = await harness.json<{ notices: { kind: string; message: string }[] }>(
        "GET",
        `/api/conversations?connection=${created.body.id}&limit=5`,
        { cookie: harness.staffCookie },
      );
      expect(listed.status).toBe(200);
      // The list comes from the index: a connection that never synced is listed as not ready yet.
      expect(listed.body.notices).toEqual([
        expect.objectContaining({ kind: expect.stringMatching(/^(backfilling|failed)$/) }),
      ]);
      // A thread is read live: the provider's redirect is refused, and said so.
      // Zaia's ids are UUIDs: any other id is refused before a call, so give it one.
      const id = provider === "zaia" ? "00000000-0000-4000-8000-000000000001" : "1-2";
      const thread = await harness.json<{ error: { message: string } }>(
        "GET",
        `/api/conversations/${created.body.id}/${id}`,
        { cookie: harness.staffCookie },
      );
      expect(thread.status).toBeGreaterThanOrEqual(400);
      expect(thread.status).toBeLessThan(600);
      expect(thread.body.error.message).toMatch(/redirect/);
    }
    expect(redirector.requests.length).toBeGreaterThanOrEqual(providers.length * 2);
    const keys = providers.map((provider) => simulatorKeys[provider].primary);
    const sentKeys = redirector.requests.filter((request) =>
      keys.some((key) => JSON.stringify(request.headers).includes(key)),
    );
    expect(sentKeys.length, "the provider itself did receive the key").toBe(redirector.requests.length);
    expect(target.requests).toEqual([]);
  });
});
