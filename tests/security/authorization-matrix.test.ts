/**
 * Who may call what: every API route and method, called as anonymous, staff and admin. Parley's
 * own routes refuse with `{ error: { code, message } }`; better-auth's admin endpoints refuse in
 * better-auth's shape. A route on disk that this matrix does not list fails the test.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAuth } from "@/lib/auth/auth";
import type { ConversationPage, ProviderId } from "@/lib/conversations/model";
import { getDatabase } from "@/lib/db/client";
import { connections, user } from "@/lib/db/schema";
import { simulatorKeys } from "@/simulator/keys";
import { apiRoutes, startHarness, type Harness } from "../integration/harness";
import { apiRoutePatternsOnDisk, exportedMethods } from "./support/api-routes-on-disk";

type Who = "anonymous" | "staff" | "admin";
const everyone: readonly Who[] = ["anonymous", "staff", "admin"];

interface Fixture {
  simulatorUrl: string;
  connectionIds: Harness["connectionIds"];
  conversationIds: Record<ProviderId, string>;
  spareConnectionId: string;
  targetUserId: string;
  removableUserIds: Record<Who, string>;
}

interface MatrixRow {
  route: string;
  method: "GET" | "POST" | "PATCH" | "DELETE";
  name: string;
  url: (fixture: Fixture) => string;
  body?: (fixture: Fixture, who: Who) => unknown;
  expected: Record<Who, number>;
  /** Parley's routes answer refusals as `{ error: { code, message } }`; better-auth has its own shape. */
  shape: "parley" | "better-auth";
  /** Sign in afresh for this row (sign-out ends the session it is called with). */
  freshSession?: boolean;
}

const MISSING_ZAIA_CHAT = "00000000-0000-4000-8000-000000000000";
const conversationUrl = (fixture: Fixture, provider: ProviderId) =>
  `/api/conversations/${fixture.connectionIds[provider]}/${encodeURIComponent(fixture.conversationIds[provider])}`;
const simulatorBase = (fixture: Fixture, provider: ProviderId) => `${fixture.simulatorUrl}/${provider}`;
const signedIn = (admin: number) => ({ anonymous: 401, staff: 403, admin });
const anyone = (status: number) => ({ anonymous: 401, staff: status, admin: status });
const publicly = (status: number) => ({ anonymous: status, staff: status, admin: status });

const matrix: MatrixRow[] = [
  {
    route: "/api/health",
    method: "GET",
    name: "health",
    url: () => "/api/health",
    expected: publicly(200),
    shape: "parley",
  },
  {
    route: "/api/openapi.json",
    method: "GET",
    name: "openapi",
    url: () => "/api/openapi.json",
    expected: anyone(200),
    shape: "parley",
  },
  {
    route: "/api/conversations",
    method: "GET",
    name: "list",
    url: () => "/api/conversations?limit=5",
    expected: anyone(200),
    shape: "parley",
  },
  {
    route: "/api/conversations/:connectionId/:conversationId",
    method: "GET",
    name: "thread",
    url: (f) => conversationUrl(f, "sigmamind"),
    expected: anyone(200),
    shape: "parley",
  },
  {
    route: "/api/conversations/:connectionId/:conversationId",
    method: "GET",
    name: "thread of a missing connection",
    url: () => "/api/conversations/no-such-connection/1",
    expected: anyone(404),
    shape: "parley",
  },
  {
    route: "/api/conversations/:connectionId/:conversationId",
    method: "PATCH",
    name: "moderate",
    url: (f) => conversationUrl(f, "sigmamind"),
    body: () => ({ important: true }),
    expected: anyone(200),
    shape: "parley",
  },
  {
    route: "/api/conversations/:connectionId/:conversationId",
    method: "PATCH",
    name: "moderate a missing conversation",
    url: (f) => `/api/conversations/${f.connectionIds.zaia}/${MISSING_ZAIA_CHAT}`,
    body: () => ({ archived: true }),
    expected: anyone(404),
    shape: "parley",
  },
  {
    route: "/api/conversations/:connectionId/:conversationId",
    method: "DELETE",
    name: "delete at the provider",
    url: (f) => conversationUrl(f, "zaia"),
    body: (f) => ({ confirm: f.conversationIds.zaia }),
    expected: signedIn(204),
    shape: "parley",
  },
  {
    route: "/api/conversations/:connectionId/:conversationId/messages",
    method: "GET",
    name: "messages",
    url: (f) => `${conversationUrl(f, "cozmox")}/messages?limit=5`,
    expected: anyone(200),
    shape: "parley",
  },
  {
    route: "/api/conversations/:connectionId/:conversationId/history",
    method: "GET",
    name: "history",
    url: (f) => `${conversationUrl(f, "sigmamind")}/history`,
    expected: anyone(200),
    shape: "parley",
  },
  {
    route: "/api/facets",
    method: "GET",
    name: "facets",
    url: () => "/api/facets",
    expected: anyone(200),
    shape: "parley",
  },
  {
    route: "/api/connections",
    method: "GET",
    name: "list connections",
    url: () => "/api/connections",
    expected: signedIn(200),
    shape: "parley",
  },
  {
    route: "/api/connections",
    method: "POST",
    name: "add a connection",
    url: () => "/api/connections",
    body: (f, who) => ({
      provider: "zaia",
      name: `Matrix ${who}`,
      baseUrl: simulatorBase(f, "zaia"),
      apiKey: simulatorKeys.zaia.secondary,
    }),
    expected: signedIn(201),
    shape: "parley",
  },
  {
    route: "/api/connections/test",
    method: "POST",
    name: "test a key",
    url: () => "/api/connections/test",
    body: (f) => ({
      provider: "sigmamind",
      baseUrl: simulatorBase(f, "sigmamind"),
      apiKey: simulatorKeys.sigmamind.primary,
    }),
    expected: signedIn(200),
    shape: "parley",
  },
  {
    route: "/api/connections/:id",
    method: "PATCH",
    name: "rename a connection",
    url: (f) => `/api/connections/${f.spareConnectionId}`,
    body: () => ({ name: "Renamed by the matrix" }),
    expected: signedIn(200),
    shape: "parley",
  },
  {
    route: "/api/connections/:id",
    method: "PATCH",
    name: "update a missing connection",
    url: () => "/api/connections/no-such-connection",
    body: () => ({ name: "Nobody" }),
    expected: signedIn(404),
    shape: "parley",
  },
  {
    route: "/api/connections/:id",
    method: "DELETE",
    name: "remove a connection",
    url: (f) => `/api/connections/${f.spareConnectionId}`,
    expected: signedIn(204),
    shape: "parley",
  },
  {
    route: "/api/connections/:id",
    method: "DELETE",
    name: "remove a missing connection",
    url: () => "/api/connections/no-such-connection",
    expected: signedIn(404),
    shape: "parley",
  },
  {
    route: "/api/audit",
    method: "GET",
    name: "audit log",
    url: () => "/api/audit?limit=5",
    expected: signedIn(200),
    shape: "parley",
  },
  {
    route: "/api/audit/export",
    method: "GET",
    name: "audit export",
    url: () => "/api/audit/export",
    expected: signedIn(200),
    shape: "parley",
  },
  {
    route: "/api/auth/*",
    method: "GET",
    name: "get-session (public)",
    url: () => "/api/auth/get-session",
    expected: publicly(200),
    shape: "better-auth",
  },
  {
    route: "/api/auth/*",
    method: "POST",
    name: "sign-in (public)",
    url: () => "/api/auth/sign-in/email",
    body: () => ({ email: "staff@parley.local", password: "parley-demo-staff" }),
    expected: publicly(200),
    shape: "better-auth",
  },
  {
    route: "/api/auth/*",
    method: "POST",
    name: "sign-out (public)",
    url: () => "/api/auth/sign-out",
    expected: publicly(200),
    shape: "better-auth",
    freshSession: true,
  },
  {
    route: "/api/auth/*",
    method: "POST",
    name: "sign-up is closed",
    url: () => "/api/auth/sign-up/email",
    body: (_f, who) => ({
      email: `signup-${who}@parley.local`,
      password: "a-long-enough-password",
      name: "Self",
    }),
    expected: publicly(400),
    shape: "better-auth",
  },
  {
    route: "/api/auth/*",
    method: "GET",
    name: "admin: list users",
    url: () => "/api/auth/admin/list-users?limit=5",
    expected: signedIn(200),
    shape: "better-auth",
  },
  {
    route: "/api/auth/*",
    method: "POST",
    name: "admin: create user",
    url: () => "/api/auth/admin/create-user",
    body: (_f, who) => ({
      email: `created-by-${who}@parley.local`,
      password: "a-long-enough-password",
      name: "Created",
      role: "admin",
    }),
    expected: signedIn(200),
    shape: "better-auth",
  },
  {
    route: "/api/auth/*",
    method: "POST",
    name: "admin: set role",
    url: () => "/api/auth/admin/set-role",
    body: (f, who) => ({ userId: f.targetUserId, role: who === "admin" ? "staff" : "admin" }),
    expected: signedIn(200),
    shape: "better-auth",
  },
  {
    route: "/api/auth/*",
    method: "POST",
    name: "admin: set password",
    url: () => "/api/auth/admin/set-user-password",
    body: (f) => ({ userId: f.targetUserId, newPassword: "another-long-password" }),
    expected: signedIn(200),
    shape: "better-auth",
  },
  {
    route: "/api/auth/*",
    method: "POST",
    name: "admin: ban",
    url: () => "/api/auth/admin/ban-user",
    body: (f) => ({ userId: f.targetUserId }),
    expected: signedIn(200),
    shape: "better-auth",
  },
  {
    route: "/api/auth/*",
    method: "POST",
    name: "admin: unban",
    url: () => "/api/auth/admin/unban-user",
    body: (f) => ({ userId: f.targetUserId }),
    expected: signedIn(200),
    shape: "better-auth",
  },
  {
    route: "/api/auth/*",
    method: "POST",
    name: "admin: impersonate",
    url: () => "/api/auth/admin/impersonate-user",
    body: (f) => ({ userId: f.targetUserId }),
    expected: signedIn(200),
    shape: "better-auth",
  },
  {
    route: "/api/auth/*",
    method: "POST",
    name: "admin: revoke sessions",
    url: () => "/api/auth/admin/revoke-user-sessions",
    body: (f) => ({ userId: f.targetUserId }),
    expected: signedIn(200),
    shape: "better-auth",
  },
  {
    route: "/api/auth/*",
    method: "POST",
    name: "admin: remove user",
    url: () => "/api/auth/admin/remove-user",
    body: (f, who) => ({ userId: f.removableUserIds[who] }),
    expected: signedIn(200),
    shape: "better-auth",
  },
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
