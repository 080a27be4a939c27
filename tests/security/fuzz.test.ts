/**
 * Property-based fuzzing of the API (see support/fuzz-session.ts): every answer is 2xx or a 4xx
 * with a JSON error, never a 5xx, and a refused request changes nothing. This file fuzzes the
 * auth endpoints, health and the OpenAPI document, checks that the three fuzz files together
 * cover every route and method, and that no input polluted Object.prototype.
 */
import { describe, expect, it } from "vitest";
import { simulatorKeys } from "@/simulator/keys";
import { apiRoutes } from "../integration/harness";
import { exportedMethods } from "./support/api-routes-on-disk";
import { fuzzGroups } from "./support/fuzz-routes";
import { FUZZ_RUNS, runsFor, registerFuzzSession } from "./support/fuzz-session";

const session = registerFuzzSession();
const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();

/** Inputs the fuzz found answered with a 500 once, kept as plain cases: each must be a 400. */
const knownHostileInputs: {
  name: string;
  method: string;
  url: (ids: Record<string, string>) => string;
  who: "staff" | "admin" | "none";
  rawBody?: string;
}[] = [
  { name: "NUL in a list filter", method: "GET", url: () => "/api/conversations?q=%00", who: "staff" },
  {
    name: "repeated __proto__ query keys",
    method: "GET",
    url: () => "/api/conversations?__proto__=a&__proto__=b",
    who: "staff",
  },
  { name: "NUL in a connection id", method: "GET", url: () => "/api/conversations/%00/1", who: "staff" },
  {
    name: "NUL in a conversation id",
    method: "GET",
    url: (ids) => `/api/conversations/${ids.zaia}/%00/messages`,
    who: "staff",
  },
  { name: "NUL in an audit filter", method: "GET", url: () => "/api/audit?actor=%00", who: "admin" },
  {
    name: "a year past 9999 in the audit export",
    method: "GET",
    url: () => "/api/audit/export?from=%2B010000-01-01T00%3A00%3A00.000Z",
    who: "admin",
  },
  {
    name: "a negative year in the audit log",
    method: "GET",
    url: () => "/api/audit?to=-271821-04-20T00%3A00%3A00Z",
    who: "admin",
  },
  {
    name: "an unpaired surrogate in a title",
    method: "PATCH",
    url: (ids) => `/api/conversations/${ids.sigmamind}/x`,
    who: "staff",
    rawBody: '{"title":"\\ud800"}',
  },
  {
    name: "NUL in a title",
    method: "PATCH",
    url: (ids) => `/api/conversations/${ids.sigmamind}/x`,
    who: "staff",
    rawBody: '{"title":"a\\u0000b"}',
  },
  {
    name: "NUL in a connection name",
    method: "POST",
    url: () => "/api/connections",
    who: "admin",
    rawBody: JSON.stringify({
      provider: "zaia",
      name: "a\u0000",
      baseUrl: "https://api.example.com",
      apiKey: simulatorKeys.zaia.primary,
    }),
  },
  {
    name: "NUL in a connection id to update",
    method: "PATCH",
    url: () => "/api/connections/%00",
    who: "admin",
    rawBody: '{"name":"x"}',
  },
  {
    name: "NUL in a connection id to remove",
    method: "DELETE",
    url: () => "/api/connections/%00",
    who: "admin",
  },
  {
    name: "NUL in a connection id to test",
    method: "POST",
    url: () => "/api/connections/test",
    who: "admin",
    rawBody: '{"provider":"zaia","baseUrl":"https://api.example.com","connectionId":"\\u0000"}',
  },
  {
    name: "NUL in a sign-in email",
    method: "POST",
    url: () => "/api/auth/sign-in/email",
    who: "none",
    rawBody: '{"email":"a\\u0000@parley.local","password":"a-long-enough-password"}',
  },
  {
    name: "NUL in a user id",
    method: "POST",
    url: () => "/api/auth/admin/set-role",
    who: "admin",
    rawBody: '{"userId":"\\u0000","role":"staff"}',
  },
  {
    name: "NUL in a new user's name",
    method: "POST",
    url: () => "/api/auth/admin/create-user",
    who: "admin",
    rawBody: '{"email":"nul@parley.local","name":"a\\u0000","password":"a-long-enough-password"}',
  },
];

describe("known hostile inputs", () => {
  for (const input of knownHostileInputs) {
    it(`answers 400 to ${input.name}`, async () => {
      const harness = session.harness();
      const cookie =
        input.who === "admin" ? harness.adminCookie : input.who === "staff" ? harness.staffCookie : undefined;
      const response = await harness.call(input.method, input.url(harness.connectionIds), {
        cookie,
        rawBody: input.rawBody,
        headers: { "content-type": "application/json", "x-parley-client-address": "10.70.0.1" },
      });
      const text = await response.text();
      expect(response.status, text).toBe(400);
      expect(JSON.parse(text)).toEqual({ error: { code: "invalid_request", message: expect.any(String) } });
    });
  }

  it("stores a key whose last four characters include a surrogate pair (its hint once split one)", async () => {
    const harness = session.harness();
    const created = await harness.json<{ id: string; keyHint: string }>("POST", "/api/connections", {
      cookie: harness.adminCookie,
      body: {
        provider: "zaia",
        name: "Astral key",
        baseUrl: `${harness.simulator.url}/zaia`,
        apiKey: "key-\u0001𐀀\u0001𐀀",
      },
    });
    expect(created.status).toBe(201);
    expect(created.body.keyHint).toBe("…\u0001𐀀\u0001𐀀");
    const removed = await harness.call("DELETE", `/api/connections/${created.body.id}`, {
      cookie: harness.adminCookie,
    });
    expect(removed.status).toBe(204);
  });
});

describe("API fuzzing: auth, health, OpenAPI", () => {
  it("covers every route and method with at least PARLEY_FUZZ_RUNS inputs per route", async () => {
    const routes = session.routes();
    const grouped = Object.values(fuzzGroups).flatMap((group) => [...group.reads, ...group.writes]);
    expect([...grouped].sort()).toEqual(routes.map((route) => route.name).sort());
    for (const entry of apiRoutes) {
      const fuzzed = routes.filter((route) => route.pattern === entry.pattern);
      const methods = [...new Set(fuzzed.map((route) => route.method))].sort();
      expect(methods, entry.pattern).toEqual(exportedMethods(await entry.load()).sort());
      const inputs = fuzzed.reduce((sum, route) => sum + runsFor(route).numRuns, 0);
      expect(inputs, entry.pattern).toBeGreaterThanOrEqual(FUZZ_RUNS);
    }
  });

  for (const name of fuzzGroups.authAndPublic.reads)
    it(`${name} changes nothing`, () => session.read(name), 600_000);
  for (const name of fuzzGroups.authAndPublic.writes)
    it(`${name} changes nothing when refused`, () => session.write(name), 600_000);

  it("left Object.prototype untouched", () => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
    expect(Object.getOwnPropertyNames({})).toEqual([]);
    expect("polluted" in {}).toBe(false);
  });
});
