/**
 * Who may call what: every API route and method, called as anonymous, staff and admin. Parley's
 * own routes refuse with `{ error: { code, message } }`; better-auth's admin endpoints refuse in
 * better-auth's shape. A route on disk that this matrix does not list fails the test.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getAuth } from "@/lib/auth/auth";
import type { ConversationPage } from "@/lib/model/conversation";
import { getDatabase } from "@/lib/db/client";
import { connections, user } from "@/lib/db/schema";
import { simulatorKeys } from "@/simulator/keys";
import { apiRoutes, ORIGIN, startHarness, type Harness } from "../integration/harness";
import { apiRoutePatternsOnDisk, exportedMethods } from "./support/api-routes-on-disk";
import { everyone, matrix, type Fixture, type MatrixRow, type Who } from "./support/authorization-rows";

/**
 * Routes the integration harness does not route: the benchmark's floor (`npm run bench`), which is
 * built only into the bench's own build and answers only when PARLEY_BENCH=1; checked directly below.
 */
const unroutedApiRoutes: { pattern: string; load: () => Promise<Record<string, unknown>> }[] = [
  { pattern: "/api/bench/floor", load: () => import("@/app/api/bench/floor/route.bench") },
];

let harness: Harness;
let fixture: Fixture;
let nextAddress = 1;

async function firstConversationId(connectionId: string): Promise<string> {
  const { status, body } = await harness.json<ConversationPage>(
    "GET",
    `/api/conversations?connection=${connectionId}&limit=1`,
    { cookie: harness.adminCookie },
  );
  const first = body.items[0];
  if (status !== 200 || !first) throw new Error(`no conversation on connection ${connectionId}: ${status}`);
  return first.id;
}

async function createUser(email: string): Promise<string> {
  const created = await getAuth().api.createUser({
    body: { email, password: "a-long-enough-password", name: email, role: "staff" },
  });
  return created.user.id;
}

beforeAll(async () => {
  harness = await startHarness();
  const ids = harness.connectionIds;
  const spare = await harness.json<{ id: string }>("POST", "/api/connections", {
    cookie: harness.adminCookie,
    body: {
      provider: "sigmamind",
      name: "Spare",
      baseUrl: `${harness.simulator.url}/sigmamind`,
      apiKey: simulatorKeys.sigmamind.secondary,
    },
  });
  fixture = {
    simulatorUrl: harness.simulator.url,
    connectionIds: ids,
    conversationIds: {
      sigmamind: await firstConversationId(ids.sigmamind),
      cozmox: await firstConversationId(ids.cozmox),
      zaia: await firstConversationId(ids.zaia),
      chatling: await firstConversationId(ids.chatling),
    },
    spareConnectionId: spare.body.id,
    targetUserId: await createUser("target@parley.local"),
    removableUserIds: {
      anonymous: await createUser("removable-a@parley.local"),
      staff: await createUser("removable-s@parley.local"),
      admin: await createUser("removable-x@parley.local"),
    },
    sharedViewId: (
      await harness.json<{ id: string }>("POST", "/api/views", {
        cookie: harness.adminCookie,
        body: { name: "Shared by the matrix", query: "view=all", shared: true },
      })
    ).body.id,
  };
});
afterAll(async () => harness?.close());

async function cookieFor(who: Who, row: MatrixRow): Promise<string | undefined> {
  if (who === "anonymous") return undefined;
  if (!row.freshSession) return who === "admin" ? harness.adminCookie : harness.staffCookie;
  return harness.signIn(`${who}@parley.local`, `parley-demo-${who}`);
}

describe("authorization matrix", () => {
  it("lists every API route on disk and every method it exports", async () => {
    // The bench's floor (`route.bench.ts`) is not a production route: it is not on this list.
    const listed = apiRoutes.map((route) => route.pattern).sort();
    expect(apiRoutePatternsOnDisk()).toEqual(listed);
    for (const route of apiRoutes) {
      const methods = exportedMethods(await route.load());
      const covered = [
        ...new Set(matrix.filter((row) => row.route === route.pattern).map((row) => row.method)),
      ].sort();
      expect(covered, `matrix rows for ${route.pattern}`).toEqual([...methods].sort());
    }
  });

  it("the benchmark's floor route answers 404 to everyone outside bench mode", async () => {
    vi.stubEnv("PARLEY_BENCH", undefined);
    try {
      for (const route of unroutedApiRoutes) {
        const routeModule = await route.load();
        for (const method of exportedMethods(routeModule)) {
          const handler = routeModule[method];
          if (typeof handler !== "function") continue;
          for (const cookie of [undefined, harness.adminCookie]) {
            const headers: Record<string, string> = { origin: ORIGIN, "content-type": "application/json" };
            if (cookie) headers.cookie = cookie;
            const body = method === "GET" ? undefined : "{}";
            const request = new Request(new URL(route.pattern, ORIGIN), { method, headers, body });
            const response: unknown = await handler(request);
            if (!(response instanceof Response))
              throw new Error(`${method} ${route.pattern} answered no Response`);
            expect(response.status, `${method} ${route.pattern}`).toBe(404);
            expect(await response.json()).toEqual({
              error: { code: "not_found", message: expect.any(String) },
            });
          }
        }
      }
    } finally {
      vi.unstubAllEnvs();
    }
  });

  for (const row of matrix) {
    it(`${row.method} ${row.route} — ${row.name}`, async () => {
      for (const who of everyone) {
        const response = await harness.call(row.method, row.url(fixture), {
          cookie: await cookieFor(who, row),
          body: row.body?.(fixture, who),
          headers: { "x-parley-client-address": `10.20.0.${nextAddress++}` },
        });
        const text = await response.text();
        const expected = row.expected[who];
        expect(response.status, `${who}: ${text.slice(0, 300)}`).toBe(expected);
        if (expected === 401 || expected === 403) {
          if (row.shape === "parley") {
            const body: unknown = JSON.parse(text);
            expect(body).toEqual({
              error: { code: expected === 401 ? "unauthorized" : "forbidden", message: expect.any(String) },
            });
          } else if (text !== "") {
            expect(JSON.parse(text)).toEqual({ code: expect.any(String), message: expect.any(String) });
          }
        }
      }
    });
  }
});

describe("roles cannot be raised from below", () => {
  it("a staff member cannot make themselves an admin through update-user", async () => {
    const response = await harness.call("POST", "/api/auth/update-user", {
      cookie: harness.staffCookie,
      body: { role: "admin", name: "Sam Staff" },
    });
    expect(response.status).toBeGreaterThanOrEqual(200);
    const db = await getDatabase();
    const rows = await db.select({ role: user.role }).from(user).where(eq(user.email, "staff@parley.local"));
    expect(rows).toEqual([{ role: "staff" }]);
    const connectionsAnswer = await harness.call("GET", "/api/connections", { cookie: harness.staffCookie });
    expect(connectionsAnswer.status).toBe(403);
  });

  it("a user with a role Parley does not know is treated as signed out", async () => {
    const email = "odd-role@parley.local";
    await createUser(email);
    const cookie = await harness.signIn(email, "a-long-enough-password");
    const db = await getDatabase();
    await db.update(user).set({ role: "superuser" }).where(eq(user.email, email));
    const { status, body } = await harness.json("GET", "/api/conversations?limit=1", { cookie });
    expect(status).toBe(401);
    expect(body).toEqual({ error: { code: "unauthorized", message: expect.any(String) } });
  });

  it("a deactivated user's session stops working at once", async () => {
    const email = "deactivated@parley.local";
    const userId = await createUser(email);
    const cookie = await harness.signIn(email, "a-long-enough-password");
    expect((await harness.call("GET", "/api/facets", { cookie })).status).toBe(200);
    await harness.call("POST", "/api/auth/admin/ban-user", { cookie: harness.adminCookie, body: { userId } });
    expect((await harness.call("GET", "/api/facets", { cookie })).status).toBe(401);
  });

  // Session lookups are kept for a few seconds on the embedded database: these show that every
  // change to a user or a session still reaches the very next request.
  it("a role change applies to the very next request, both ways", async () => {
    const email = "promoted@parley.local";
    const userId = await createUser(email);
    const cookie = await harness.signIn(email, "a-long-enough-password");
    expect((await harness.call("GET", "/api/connections", { cookie })).status).toBe(403);
    await harness.call("POST", "/api/auth/admin/set-role", {
      cookie: harness.adminCookie,
      body: { userId, role: "admin" },
    });
    expect((await harness.call("GET", "/api/connections", { cookie })).status).toBe(200);
    await harness.call("POST", "/api/auth/admin/set-role", {
      cookie: harness.adminCookie,
      body: { userId, role: "staff" },
    });
    expect((await harness.call("GET", "/api/connections", { cookie })).status).toBe(403);
  });

  it("a signed-out session stops working at once", async () => {
    const email = "signs-out@parley.local";
    await createUser(email);
    const cookie = await harness.signIn(email, "a-long-enough-password");
    expect((await harness.call("GET", "/api/facets", { cookie })).status).toBe(200);
    const signOut = await harness.call("POST", "/api/auth/sign-out", { cookie, body: {} });
    expect(signOut.status).toBe(200);
    expect((await harness.call("GET", "/api/facets", { cookie })).status).toBe(401);
  });

  it("revoking a user's sessions stops them at once", async () => {
    const email = "revoked@parley.local";
    const userId = await createUser(email);
    const cookie = await harness.signIn(email, "a-long-enough-password");
    expect((await harness.call("GET", "/api/facets", { cookie })).status).toBe(200);
    await harness.call("POST", "/api/auth/admin/revoke-user-sessions", {
      cookie: harness.adminCookie,
      body: { userId },
    });
    expect((await harness.call("GET", "/api/facets", { cookie })).status).toBe(401);
  });

  it("refused calls created no connection; the admin's did", async () => {
    const db = await getDatabase();
    const rows = await db
      .select({ id: connections.id })
      .from(connections)
      .where(eq(connections.id, fixture.spareConnectionId));
    expect(rows).toEqual([]);
    const names = (await db.select({ name: connections.name }).from(connections)).map((row) => row.name);
    expect(names).toContain("Matrix admin");
    expect(names).not.toContain("Matrix staff");
    expect(names).not.toContain("Matrix anonymous");
  });
});
