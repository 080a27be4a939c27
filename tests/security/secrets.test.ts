/**
 * Provider keys and PARLEY_SECRET stay on the server: a representative session (every view,
 * threads of each provider, moderation, connection management with wrong and right keys, the
 * audit log and its export, provider faults) is recorded, and no response body or header, no
 * database row and no console line may contain any of them.
 */
import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { ProviderId } from "@/lib/model/conversation";
import { getDatabase } from "@/lib/db/client";
import {
  account,
  auditLog,
  connections,
  moderationOverlay,
  rateLimit,
  session,
  user,
  verification,
} from "@/lib/db/schema";
import { decryptSecret } from "@/lib/security/key-encryption";
import { allSimulatorKeys, simulatorKeys } from "@/simulator/keys";
import { startHarness, type CallOptions, type Harness } from "../integration/harness";
import {
  findSecrets,
  redactSecrets,
  serverSecrets,
  simulatorSecrets,
  type NamedSecret,
} from "./support/secrets";

const providers: readonly ProviderId[] = ["sigmamind", "cozmox", "zaia", "chatling"];
const wrongKeys: Record<ProviderId, string> = {
  sigmamind: "sm_live_wrong_0000aaaa1111bbbb",
  cozmox: "cozmox_wrong_2222cccc3333dddd",
  zaia: "zaia_wrong_4444eeee5555ffff",
  chatling: "chatling_wrong_6666aaaa7777bbbb",
};

interface Recorded {
  request: string;
  status: number;
  text: string;
}

const recorded: Recorded[] = [];
const consoleLines: string[] = [];
let harness: Harness;
let secrets: NamedSecret[];

async function record(
  method: string,
  url: string,
  options: CallOptions = {},
): Promise<{ status: number; body: unknown }> {
  const response = await harness.call(method, url, options);
  const text = await response.text();
  const headers = [...response.headers].map(([name, value]) => `${name}: ${value}`).join("\n");
  recorded.push({ request: `${method} ${url}`, status: response.status, text: `${headers}\n\n${text}` });
  const isJson = response.headers.get("content-type")?.includes("json") ?? false;
  return { status: response.status, body: isJson && text ? JSON.parse(text) : text };
}

const staff = () => ({ cookie: harness.staffCookie });
const admin = () => ({ cookie: harness.adminCookie });
const simulatorBase = (provider: ProviderId) => `${harness.simulator.url}/${provider}`;

async function firstConversation(provider: ProviderId): Promise<string> {
  const { body } = await record(
    "GET",
    `/api/conversations?connection=${harness.connectionIds[provider]}&limit=3`,
    staff(),
  );
  const page = z.object({ items: z.array(z.object({ id: z.string() })) }).parse(body);
  const first = page.items[0];
  if (!first) throw new Error(`no ${provider} conversation`);
  return first.id;
}

async function browse(): Promise<void> {
  await record("GET", "/api/health");
  await record("GET", "/api/openapi.json", staff());
  await record("GET", "/api/facets", staff());
  for (const view of ["inbox", "important", "archived", "trash", "all"])
    await record("GET", `/api/conversations?view=${view}&limit=25`, staff());
  await record("GET", "/api/conversations?view=all&sort=oldest&q=refund&limit=10", admin());
  for (const provider of providers) {
    const id = encodeURIComponent(await firstConversation(provider));
    const base = `/api/conversations/${harness.connectionIds[provider]}/${id}`;
    await record("GET", `${base}?limit=20`, staff());
    await record("GET", `${base}/messages?cursor=1&limit=5`, staff());
    await record("PATCH", base, { ...staff(), body: { important: true } });
    await record("PATCH", base, { ...staff(), body: { title: "Renamed in the leak test" } });
    await record("PATCH", base, { ...staff(), body: { archived: true, trashed: true } });
    await record("PATCH", base, {
      ...staff(),
      body: { important: false, archived: false, trashed: false, title: null },
    });
    await record("GET", `${base}/history`, staff());
  }
}

async function manageConnections(): Promise<void> {
  await record("GET", "/api/connections", admin());
  for (const provider of providers) {
    const right = simulatorKeys[provider].primary;
    const baseUrl = simulatorBase(provider);
    await record("POST", "/api/connections/test", { ...admin(), body: { provider, baseUrl, apiKey: right } });
    await record("POST", "/api/connections/test", {
      ...admin(),
      body: { provider, baseUrl, apiKey: wrongKeys[provider] },
    });
    await record("POST", "/api/connections/test", {
      ...admin(),
      body: { provider, baseUrl, connectionId: harness.connectionIds[provider] },
    });
    const other = providers[(providers.indexOf(provider) + 1) % providers.length] ?? "sigmamind";
    await record("POST", "/api/connections/test", {
      ...admin(),
      body: { provider, baseUrl, apiKey: simulatorKeys[other].primary },
    });
    // Keys pasted where they do not belong: the refusals must not echo them.
    await record("POST", "/api/connections", {
      ...admin(),
      body: { provider: right, name: "Pasted", baseUrl, apiKey: right },
    });
    await record("POST", "/api/connections", {
      ...admin(),
      body: { provider, name: "Pasted", baseUrl: `https://user:${right}@api.example.com`, apiKey: right },
    });
    await record("POST", "/api/connections", {
      ...admin(),
      body: { provider, name: "Pasted", baseUrl: `https://api.example.com/?key=${right}`, apiKey: right },
    });
    await record("POST", "/api/connections", {
      ...admin(),
      body: { provider, name: "Pasted", baseUrl, apiKey: right, secret: right },
    });
    await record("POST", "/api/connections", {
      ...admin(),
      body: { provider, name: "Pasted", baseUrl, apiKey: right.repeat(40) },
    });

    const created = await record("POST", "/api/connections", {
      ...admin(),
      body: { provider, name: `Wrong ${provider}`, baseUrl, apiKey: wrongKeys[provider] },
    });
    const id = z.object({ id: z.string() }).parse(created.body).id;
    await record("GET", `/api/conversations?connection=${id}&limit=5`, staff());
    await record("GET", `/api/conversations/${id}/some-id`, staff());
    await record("GET", "/api/health", staff());
    await record("PATCH", `/api/connections/${id}`, { ...admin(), body: { name: `Rotated ${provider}` } });
    await record("PATCH", `/api/connections/${id}`, {
      ...admin(),
      body: { apiKey: simulatorKeys[provider].secondary },
    });
    await record("PATCH", `/api/connections/${id}`, { ...admin(), body: { baseUrl: `${baseUrl}/` } });
    await record("GET", `/api/conversations?connection=${id}&limit=5`, staff());
    await record("POST", "/api/connections/test", {
      ...admin(),
      body: { provider, baseUrl, connectionId: id },
    });
    await record("GET", "/api/connections", admin());
    await record("DELETE", `/api/connections/${id}`, admin());
  }
}

async function failures(): Promise<void> {
  const settings: Record<string, unknown>[] = [
    { errorRate: 1 },
    { malformedJson: true },
    { rateLimitRetryAfterSeconds: 30 },
  ];
  for (const faults of settings) {
    for (const provider of providers) await harness.setFaults(provider, faults);
    await record("GET", "/api/conversations?view=all&limit=10", staff());
    await record("GET", "/api/facets", staff());
    for (const provider of providers)
      await record("GET", `/api/conversations/${harness.connectionIds[provider]}/1`, staff());
    await record("POST", "/api/connections/test", {
      ...admin(),
      body: { provider: "zaia", baseUrl: simulatorBase("zaia"), apiKey: simulatorKeys.zaia.primary },
    });
    await harness.resetSimulator();
  }
  await harness.setFaults("sigmamind", { hang: true });
  await record("GET", `/api/conversations/${harness.connectionIds.sigmamind}/1`, staff());
  await harness.resetSimulator();
  await record("POST", "/api/auth/sign-in/email", {
    body: { email: "staff@parley.local", password: simulatorKeys.chatling.primary },
    headers: { "x-parley-client-address": "10.30.0.1" },
  });
  await record("GET", "/api/auth/get-session", admin());
  await record("GET", "/api/auth/admin/list-users", admin());
  await record("GET", "/api/audit?limit=200", admin());
  await record("GET", "/api/audit/export", admin());
}

beforeAll(async () => {
  for (const method of ["log", "info", "warn", "error", "debug"] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      consoleLines.push(
        args.map((arg) => (typeof arg === "string" ? arg : inspect(arg, { depth: 8 }))).join(" "),
      );
    });
  }
  harness = await startHarness();
  secrets = [
    ...simulatorSecrets(),
    ...Object.entries(wrongKeys).map(([provider, value]) => ({ label: `${provider}.wrong`, value })),
    ...serverSecrets(process.env.PARLEY_SECRET ?? ""),
  ];
  await browse();
  await manageConnections();
  await failures();
}, 180_000);
afterAll(async () => {
  vi.restoreAllMocks();
  await harness?.close();
});

describe("secrets never leave the server", () => {
  it("ran a representative session", () => {
    expect(recorded.length).toBeGreaterThan(140);
    const statuses = new Set(recorded.map((entry) => entry.status));
    for (const status of [200, 201, 204, 400, 404, 502, 503])
      expect(statuses, `a ${status} answer was exercised`).toContain(status);
    const tests = recorded.filter(
      (entry) => entry.request === "POST /api/connections/test" && entry.status === 200,
    );
    expect(tests.some((entry) => entry.text.includes('"ok":true'))).toBe(true);
    expect(tests.some((entry) => entry.text.includes('"code":"auth_failed"'))).toBe(true);
  });

  it("no response header or body contains a key or the server secret", () => {
    const leaks = recorded
      .map((entry) => ({
        request: entry.request,
        status: entry.status,
        found: findSecrets(entry.text, secrets),
      }))
      .filter((entry) => entry.found.length > 0);
    expect(leaks).toEqual([]);
  });

  it("no database row holds a key in plaintext, and the stored ciphertext is the key", async () => {
    const db = await getDatabase();
    const rows = await db.select().from(connections);
    expect(rows.length).toBe(4);
    for (const row of rows) {
      expect(findSecrets(JSON.stringify(row), secrets)).toEqual([]);
      expect(allSimulatorKeys()).toContain(decryptSecret(row.encryptedKey, process.env.PARLEY_SECRET ?? ""));
    }
    const tables = { auditLog, moderationOverlay, user, session, account, verification, rateLimit };
    for (const [name, table] of Object.entries(tables)) {
      const contents = JSON.stringify(await db.select().from(table));
      expect(findSecrets(contents, secrets), `table ${name}`).toEqual([]);
    }
  });

  it("nothing written to the console contains a key or the server secret", () => {
    expect(consoleLines.length, "the failures above should have logged something").toBeGreaterThan(0);
    const leaks = consoleLines
      .filter((line) => findSecrets(line, secrets).length > 0)
      .map((line) => redactSecrets(line, secrets).slice(0, 300));
    expect(leaks).toEqual([]);
  });
});
