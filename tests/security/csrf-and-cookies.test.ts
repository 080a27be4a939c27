/**
 * Cross-site requests cannot act with a signed-in user's cookies: every mutating route refuses a
 * foreign Origin, a `null` Origin, a foreign Referer and `Sec-Fetch-Site: cross-site` with 403 and
 * changes nothing (database, simulator, provider calls); the same request from Parley's own origin
 * is accepted. The session cookie is HttpOnly and SameSite=Lax.
 *
 * This file runs as production does (NODE_ENV=production, no TEST variable): better-auth turns its
 * own origin check off when NODE_ENV is `test` or TEST is set, as Vitest does, and the admin and
 * sign-in endpoints are better-auth's.
 */
import { desc } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { ConversationPage } from "@/lib/model/conversation";
import type { Database } from "@/lib/db/client";
import { auditLog } from "@/lib/db/schema";
import { simulatorKeys } from "@/simulator/keys";
import { startHarness, type Harness } from "../integration/harness";
import {
  changedParts,
  simulatorRequestCount,
  takeSnapshot,
  type ProviderProbe,
} from "./support/state-snapshot";

type Attack = Record<string, string>;

/** What a browser sends for a request started by another site's page. */
const parleyAttacks: readonly Attack[] = [
  { origin: "https://evil.example" },
  { origin: "null" },
  { origin: "http://127.0.0.1:3999.evil.example" },
  { origin: "", referer: "https://evil.example/attack.html" },
  { "sec-fetch-site": "cross-site" },
];
/** better-auth reads Origin and Referer; with neither, a cross-site fetch is refused as well. */
const authAttacks: readonly Attack[] = [
  { origin: "https://evil.example" },
  { origin: "null" },
  { origin: "", referer: "https://evil.example/attack.html" },
  { origin: "", "sec-fetch-site": "cross-site" },
];
const signInAttacks: readonly Attack[] = [
  { origin: "https://evil.example" },
  { origin: "", referer: "https://evil.example/attack.html" },
  { origin: "", "sec-fetch-site": "cross-site", "sec-fetch-mode": "navigate", "sec-fetch-dest": "document" },
];

interface Case {
  name: string;
  method: "POST" | "PATCH" | "DELETE";
  url: () => string;
  who: "staff" | "admin" | "nobody";
  body?: () => unknown;
  accepted: number;
  attacks: readonly Attack[];
  /**
   * better-auth's endpoints go through Parley's sign-in and user-admin wrappers, which write a
   * failure row for every refused attempt; Parley's own routes refuse before reading the session.
   */
  auditsRefusals?: boolean;
}

let harness: Harness;
let db: Database;
let probes: ProviderProbe[];
const ids = { chatlingConversation: "", zaiaConversation: "", connection: "", user: "", removableUser: "" };

const conversationUrl = (connectionId: string, conversationId: string) =>
  `/api/conversations/${connectionId}/${encodeURIComponent(conversationId)}`;

const cases: Case[] = [
  {
    name: "moderate a conversation (provider-held flag)",
    method: "PATCH",
    url: () => conversationUrl(harness.connectionIds.chatling, ids.chatlingConversation),
    who: "staff",
    body: () => ({ important: true, archived: true }),
    accepted: 200,
    attacks: parleyAttacks,
  },
  {
    name: "delete a conversation at the provider",
    method: "DELETE",
    url: () => conversationUrl(harness.connectionIds.zaia, ids.zaiaConversation),
    who: "admin",
    body: () => ({ confirm: ids.zaiaConversation }),
    accepted: 204,
    attacks: parleyAttacks,
  },
  {
    name: "add a connection",
    method: "POST",
    url: () => "/api/connections",
    who: "admin",
    body: () => ({
      provider: "sigmamind",
      name: "Planted",
      baseUrl: `${harness.simulator.url}/sigmamind`,
      apiKey: simulatorKeys.sigmamind.secondary,
    }),
    accepted: 201,
    attacks: parleyAttacks,
  },
  {
    name: "re-point a connection",
    method: "PATCH",
    url: () => `/api/connections/${ids.connection}`,
    who: "admin",
    body: () => ({ name: "Hijacked", baseUrl: `${harness.simulator.url}/cozmox` }),
    accepted: 200,
    attacks: parleyAttacks,
  },
  {
    name: "test a stored key against another base URL",
    method: "POST",
    url: () => "/api/connections/test",
    who: "admin",
    body: () => ({
      provider: "zaia",
      baseUrl: `${harness.simulator.url}/zaia`,
      connectionId: harness.connectionIds.zaia,
    }),
    accepted: 200,
    attacks: parleyAttacks,
  },
  {
    name: "admin: create a user",
    method: "POST",
    url: () => "/api/auth/admin/create-user",
    who: "admin",
    body: () => ({
      email: "planted@parley.local",
      password: "a-long-enough-password",
      name: "Planted",
      role: "admin",
    }),
    accepted: 200,
    attacks: authAttacks,
    auditsRefusals: true,
  },
  {
    name: "admin: change a role",
    method: "POST",
    url: () => "/api/auth/admin/set-role",
    who: "admin",
    body: () => ({ userId: ids.user, role: "admin" }),
    accepted: 200,
    attacks: authAttacks,
    auditsRefusals: true,
  },
  {
    name: "admin: deactivate a user",
    method: "POST",
    url: () => "/api/auth/admin/ban-user",
    who: "admin",
    body: () => ({ userId: ids.user }),
    accepted: 200,
    attacks: authAttacks,
    auditsRefusals: true,
  },
  {
    name: "admin: remove a user",
    method: "POST",
    url: () => "/api/auth/admin/remove-user",
    who: "admin",
    body: () => ({ userId: ids.removableUser }),
    accepted: 200,
    attacks: authAttacks,
    auditsRefusals: true,
  },
  {
    name: "sign in (login CSRF)",
    method: "POST",
    url: () => "/api/auth/sign-in/email",
    who: "nobody",
    body: () => ({ email: "staff@parley.local", password: "parley-demo-staff" }),
    accepted: 200,
    attacks: signInAttacks,
    auditsRefusals: true,
  },
  {
    name: "remove a connection",
    method: "DELETE",
    url: () => `/api/connections/${ids.connection}`,
    who: "admin",
    accepted: 204,
    attacks: parleyAttacks,
  },
];

async function firstConversation(connectionId: string): Promise<string> {
  const page = await harness.json<ConversationPage>(
    "GET",
    `/api/conversations?connection=${connectionId}&limit=1`,
    {
      cookie: harness.adminCookie,
    },
  );
  const first = page.body.items[0];
  if (!first) throw new Error("no conversation");
  return first.id;
}

async function createUser(email: string): Promise<string> {
  const created = await harness.json<{ user: { id: string } }>("POST", "/api/auth/admin/create-user", {
    cookie: harness.adminCookie,
    body: { email, password: "a-long-enough-password", name: email, role: "staff" },
  });
  if (created.status !== 200) throw new Error(`create-user: ${created.status}`);
  return created.body.user.id;
}

beforeAll(async () => {
  vi.stubEnv("NODE_ENV", "production");
  vi.stubEnv("TEST", undefined);
  harness = await startHarness();
  const { getDatabase } = await import("@/lib/db/client");
  db = await getDatabase();
  ids.chatlingConversation = await firstConversation(harness.connectionIds.chatling);
  ids.zaiaConversation = await firstConversation(harness.connectionIds.zaia);
  const [chatbotId, conversationId] = ids.chatlingConversation.split("-");
  probes = [
    {
      url: `${harness.simulator.url}/chatling/v2/chatbots/${chatbotId}/conversations/${conversationId}`,
      headers: { authorization: `Bearer ${simulatorKeys.chatling.secondary}` },
    },
  ];
  const connection = await harness.json<{ id: string }>("POST", "/api/connections", {
    cookie: harness.adminCookie,
    body: {
      provider: "zaia",
      name: "Target",
      baseUrl: `${harness.simulator.url}/zaia`,
      apiKey: simulatorKeys.zaia.secondary,
    },
  });
  ids.connection = connection.body.id;
  ids.user = await createUser("target@parley.local");
  ids.removableUser = await createUser("removable@parley.local");
});
afterAll(async () => harness?.close());

function cookieFor(who: Case["who"]): string | undefined {
  if (who === "nobody") return undefined;
  return who === "admin" ? harness.adminCookie : harness.staffCookie;
}

describe("cross-site requests", () => {
  for (const testCase of cases) {
    it(`${testCase.method} ${testCase.name}: refused cross-site, accepted same-origin`, async () => {
      const options = () => ({ cookie: cookieFor(testCase.who), body: testCase.body?.() });
      const before = await takeSnapshot(db, harness.simulator.url, { probes });
      const callsBefore = await simulatorRequestCount(harness.simulator.url);
      for (const attack of testCase.attacks) {
        const response = await harness.call(testCase.method, testCase.url(), {
          ...options(),
          headers: attack,
        });
        const text = await response.text();
        expect(response.status, `${JSON.stringify(attack)}: ${text.slice(0, 200)}`).toBe(403);
        expect(response.headers.getSetCookie()).toEqual([]);
        const after = await takeSnapshot(db, harness.simulator.url, { probes });
        const changed = changedParts(before, after);
        if (testCase.auditsRefusals && changed.includes("auditRows")) {
          const added = await db
            .select({ outcome: auditLog.outcome })
            .from(auditLog)
            .orderBy(desc(auditLog.id))
            .limit(after.auditRows - before.auditRows);
          expect(added.map((row) => row.outcome).filter((outcome) => outcome !== "failure")).toEqual([]);
          before.auditRows = after.auditRows;
        }
        expect(changedParts(before, after), JSON.stringify(attack)).toEqual([]);
      }
      // Probes are the only simulator calls: a refused request reached no provider.
      expect(await simulatorRequestCount(harness.simulator.url)).toBe(
        callsBefore + probes.length * testCase.attacks.length,
      );

      const accepted = await harness.call(testCase.method, testCase.url(), options());
      expect(accepted.status, (await accepted.text()).slice(0, 200)).toBe(testCase.accepted);
      const after = await takeSnapshot(db, harness.simulator.url, { probes });
      const callsAfter = await simulatorRequestCount(harness.simulator.url);
      expect(
        changedParts(before, after).length > 0 ||
          callsAfter > callsBefore + probes.length * (testCase.attacks.length + 1),
      ).toBe(true);
    });
  }
});

describe("session cookie", () => {
  function attributes(setCookie: string): { name: string; flags: Map<string, string> } {
    const [pair = "", ...parts] = setCookie.split(";").map((part) => part.trim());
    const flags = new Map(
      parts.map((part) => {
        const [key = "", value = ""] = part.split("=");
        return [key.toLowerCase(), value] as const;
      }),
    );
    return { name: pair.split("=")[0] ?? "", flags };
  }

  it("is HttpOnly, SameSite=Lax, site-wide and short-lived, and not Secure on an http address", async () => {
    const response = await harness.call("POST", "/api/auth/sign-in/email", {
      body: { email: "admin@parley.local", password: "parley-demo-admin" },
      headers: { "x-parley-client-address": "10.40.0.1" },
    });
    expect(response.status).toBe(200);
    const cookies = response.headers.getSetCookie().map(attributes);
    const session = cookies.find((cookie) => cookie.name === "better-auth.session_token");
    expect(session).toBeDefined();
    for (const cookie of cookies) {
      expect(cookie.flags.has("httponly"), cookie.name).toBe(true);
      expect(cookie.flags.get("samesite"), cookie.name).toBe("Lax");
      expect(cookie.flags.get("path"), cookie.name).toBe("/");
      expect(cookie.flags.has("domain"), cookie.name).toBe(false);
      expect(cookie.flags.has("secure"), cookie.name).toBe(false);
    }
    expect(Number(session?.flags.get("max-age"))).toBeLessThanOrEqual(8 * 60 * 60);
  });

  it("carries no user data the page's scripts could read", async () => {
    const response = await harness.call("POST", "/api/auth/sign-in/email", {
      body: { email: "staff@parley.local", password: "parley-demo-staff" },
      headers: { "x-parley-client-address": "10.40.0.2" },
    });
    const names = response.headers.getSetCookie().map((value) => attributes(value).name);
    expect(names).toEqual(["better-auth.session_token"]);
  });
});
