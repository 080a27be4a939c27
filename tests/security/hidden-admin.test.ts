/**
 * No hidden administrators. better-auth treats any comma-separated role containing `admin` as an
 * administrator, while Parley knows only `admin` and `staff`. Every `/api/auth/admin/*` endpoint
 * better-auth serves (read from its API, so a new one is walked too) is called by users holding
 * each such role: every call is refused, every refusal except the two endpoints Parley closes for
 * everyone is audited under the caller's name, and nothing changes. Role lists and
 * comma-separated roles cannot be set through the API at all.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAuth } from "@/lib/auth/auth";
import { getDatabase } from "@/lib/db/client";
import { auditLog, session, user } from "@/lib/db/schema";
import { startHarness, type Harness } from "../integration/harness";

/** Role values better-auth accepts and would count as admin (it splits on commas, does not trim). */
const hiddenAdminRoles = [
  "admin,staff",
  "staff,admin",
  "admin,admin",
  "admin,",
  ",admin",
  "user,admin",
  "admin,superuser",
];
/** Closed for everyone at the door (impersonation would bypass the audit trail); nothing to audit. */
const closedForAll = new Set(["/admin/impersonate-user", "/admin/stop-impersonating"]);
const PASSWORD = "hidden-admin-password-77";

let harness: Harness;
let targetId: string;

function adminEndpoints(): { path: string; method: string }[] {
  const endpoints: { path: string; method: string }[] = [];
  for (const value of Object.values(getAuth().api)) {
    const endpoint = value as { path?: unknown; options?: { method?: unknown } };
    const method = endpoint.options?.method;
    if (
      typeof endpoint.path === "string" &&
      endpoint.path.startsWith("/admin/") &&
      typeof method === "string"
    )
      endpoints.push({ path: endpoint.path, method });
  }
  return endpoints;
}

function bodyFor(path: string): Record<string, unknown> {
  return {
    userId: targetId,
    id: targetId,
    role: "admin",
    email: `made-by-hidden-${path.length}@parley.local`,
    name: "Hidden",
    password: "another-long-password",
    newPassword: "another-long-password",
    data: { name: "Renamed by a hidden admin", role: "admin" },
    sessionToken: "x",
    permissions: { user: ["list"] },
  };
}

async function snapshot() {
  const db = await getDatabase();
  const users = await db
    .select({ id: user.id, role: user.role, banned: user.banned, name: user.name })
    .from(user);
  const sessions = await db.select({ id: session.id }).from(session);
  return { users: users.sort((a, b) => a.id.localeCompare(b.id)), sessions: sessions.length };
}

beforeAll(async () => {
  harness = await startHarness();
  targetId = (
    await getAuth().api.createUser({
      body: { email: "hidden-target@parley.local", password: PASSWORD, name: "T", role: "staff" },
    })
  ).user.id;
});
afterAll(async () => harness?.close());

describe("users whose role is a list", () => {
  it("walks at least the fifteen admin endpoints better-auth serves", () => {
    expect(adminEndpoints().length).toBeGreaterThanOrEqual(15);
  });

  for (const [index, role] of hiddenAdminRoles.entries()) {
    it(`role ${JSON.stringify(role)}: every admin endpoint refuses, audited, and nothing changes`, async () => {
      const email = `hidden-${index}@parley.local`;
      await getAuth().api.createUser({ body: { email, password: PASSWORD, name: email, role: "staff" } });
      const db = await getDatabase();
      await db.update(user).set({ role }).where(eq(user.email, email));
      const cookie = await harness.signIn(email, PASSWORD);
      const before = await snapshot();
      const auditedBefore = (await db.select().from(auditLog).where(eq(auditLog.actorEmail, email))).length;
      let expectedRows = 0;
      for (const endpoint of adminEndpoints()) {
        const url =
          endpoint.method === "GET"
            ? `/api/auth${endpoint.path}?id=${targetId}&limit=5`
            : `/api/auth${endpoint.path}`;
        const response = await harness.call(endpoint.method, url, {
          cookie,
          body: endpoint.method === "GET" ? undefined : bodyFor(endpoint.path),
        });
        const text = await response.text();
        expect(response.status, `${endpoint.method} ${endpoint.path}: ${text.slice(0, 200)}`).toBe(403);
        expect(JSON.parse(text)).toEqual({ error: { code: "forbidden", message: expect.any(String) } });
        if (!closedForAll.has(endpoint.path)) expectedRows += 1;
      }
      const rows = (await db.select().from(auditLog).where(eq(auditLog.actorEmail, email))).slice(
        auditedBefore,
      );
      expect(rows).toHaveLength(expectedRows);
      for (const row of rows)
        expect(row).toMatchObject({
          outcome: "failure",
          error: expect.stringContaining("not exactly admin or staff"),
        });
      const after = await snapshot();
      expect(after.users).toEqual(before.users);
    });
  }
});

describe("role lists cannot be set", () => {
  const cases: { name: string; path: string; body: () => Record<string, unknown> }[] = [
    {
      name: "set-role with a list",
      path: "set-role",
      body: () => ({ userId: targetId, role: ["admin", "staff"] }),
    },
    {
      name: "set-role with commas",
      path: "set-role",
      body: () => ({ userId: targetId, role: "admin,staff" }),
    },
    {
      name: "create-user with commas",
      path: "create-user",
      body: () => ({
        email: "commas@parley.local",
        name: "C",
        password: "another-long-password",
        role: "staff,admin",
      }),
    },
    {
      name: "update-user with a list",
      path: "update-user",
      body: () => ({ userId: targetId, data: { role: ["staff", "admin"] } }),
    },
  ];
  for (const entry of cases) {
    it(`refuses ${entry.name}, even from an administrator`, async () => {
      const response = await harness.call("POST", `/api/auth/admin/${entry.path}`, {
        cookie: harness.adminCookie,
        body: entry.body(),
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        error: { code: "invalid_request", message: expect.stringContaining("role") },
      });
      const db = await getDatabase();
      const roles = (await db.select({ role: user.role }).from(user)).map((row) => row.role ?? "");
      expect(roles.filter((value) => value.includes(",") && !hiddenAdminRoles.includes(value))).toEqual([]);
    });
  }
});

describe("admin endpoint names that are object keys", () => {
  // A name looked up in a plain object found Object.prototype for `__proto__` and answered 500.
  for (const name of ["__proto__", "constructor", "toString", "hasOwnProperty"]) {
    it(`POST /api/auth/admin/${name} is refused as unknown, not a server error`, async () => {
      const response = await harness.call("POST", `/api/auth/admin/${name}`, {
        cookie: harness.adminCookie,
        body: {},
      });
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
    });
  }
});
