/**
 * What health and provider failures reveal: anonymous `/api/health` answers the overall state and
 * the database's only; a provider that echoes the request (key included) into its error answer
 * never gets that text into health, the connections list, the database or the log; a refused
 * connection is named as such, without its socket address. Testing a saved key against another
 * base URL needs the key again, and every test is audited.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDatabase } from "@/lib/db/client";
import { auditLog, connections } from "@/lib/db/schema";
import { setLogSink } from "@/lib/logger";
import { startHarness, type Harness } from "../integration/harness";
import { startRecordingServer, type RecordingServer } from "./support/recording-server";

const ECHO_KEY = "zaia_echoed_key_5f2b9c0e7d41a6";
let harness: Harness;
let echo: RecordingServer;
let echoId: string;
const logLines: string[] = [];

beforeAll(async () => {
  harness = await startHarness();
  setLogSink((_level, line) => logLines.push(line));
  // A provider that answers every request with an error quoting the request's headers.
  echo = await startRecordingServer((request) => ({
    status: 500,
    body: JSON.stringify({
      message: `upstream 10.0.0.7:5432 failed for ${JSON.stringify(request.headers)}`,
    }),
  }));
  const created = await harness.json<{ id: string }>("POST", "/api/connections", {
    cookie: harness.adminCookie,
    body: { provider: "zaia", name: "Echo", baseUrl: `${echo.url}/zaia`, apiKey: ECHO_KEY },
  });
  expect(created.status).toBe(201);
  echoId = created.body.id;
});
afterAll(async () => {
  setLogSink(undefined);
  await echo?.close();
  await harness?.close();
});

describe("anonymous health", () => {
  it("answers only the overall state and the database's", async () => {
    const { status, body } = await harness.json("GET", "/api/health");
    expect(status).toBe(200);
    expect(body).toEqual({ status: "degraded", database: { ok: true } });
  });

  it("gives signed-in users each connection's state, with the provider's words and the key left out", async () => {
    const { body } = await harness.json<{ connections: { id: string; error: string | null }[] }>(
      "GET",
      "/api/health",
      {
        cookie: harness.staffCookie,
      },
    );
    const echoed = body.connections.find((connection) => connection.id === echoId);
    expect(echoed?.error).toBe("HTTP 500 from the provider (Zaia)");
    expect(JSON.stringify(body)).not.toContain(ECHO_KEY);
    expect(JSON.stringify(body)).not.toContain("10.0.0.7");
  });
});

describe("an echoing provider's answer stays out of everything", () => {
  it("is not in the connections list, the database or the server log", async () => {
    const listed = await harness.call("GET", "/api/connections", { cookie: harness.adminCookie });
    const text = await listed.text();
    expect(text).toContain("HTTP 500 from the provider");
    expect(text).not.toContain(ECHO_KEY);
    const db = await getDatabase();
    const stored =
      JSON.stringify(await db.select().from(connections)) + JSON.stringify(await db.select().from(auditLog));
    expect(stored).not.toContain(ECHO_KEY);
    expect(logLines.join("\n")).toContain("provider.error_status");
    expect(logLines.join("\n")).not.toContain(ECHO_KEY);
    expect(echo.requests.length).toBeGreaterThan(0);
  });
});

describe("connection tests", () => {
  it("names a refused connection without its address", async () => {
    const closed = await startRecordingServer(() => ({ status: 200 }));
    const port = closed.port;
    await closed.close();
    const { body } = await harness.json<{ ok: boolean; message: string }>("POST", "/api/connections/test", {
      cookie: harness.adminCookie,
      body: { provider: "zaia", baseUrl: `http://127.0.0.1:${port}/zaia`, apiKey: "zaia_any_key_0000" },
    });
    expect(body).toMatchObject({ ok: false, message: "Zaia refused the connection" });
    expect(body.message).not.toContain(String(port));
  });

  it("does not send a saved key to another base URL unless it is typed again", async () => {
    const elsewhere = await startRecordingServer(() => ({ status: 200, body: "{}" }));
    try {
      const refused = await harness.json("POST", "/api/connections/test", {
        cookie: harness.adminCookie,
        body: {
          provider: "zaia",
          baseUrl: `${elsewhere.url}/zaia`,
          connectionId: harness.connectionIds.zaia,
        },
      });
      expect(refused.status).toBe(400);
      expect(refused.body).toEqual({
        error: { code: "invalid_request", message: expect.stringContaining("enter the key again") },
      });
      expect(elsewhere.requests).toEqual([]);
    } finally {
      await elsewhere.close();
    }
    const stored = await harness.json<{ ok: boolean }>("POST", "/api/connections/test", {
      cookie: harness.adminCookie,
      body: {
        provider: "zaia",
        baseUrl: `${harness.simulator.url}/zaia`,
        connectionId: harness.connectionIds.zaia,
      },
    });
    expect(stored.body.ok).toBe(true);
  });

  it("audits every test, refused or not, without the key", async () => {
    const db = await getDatabase();
    const rows = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "connection.test")));
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(rows.map((row) => row.outcome)).toEqual(expect.arrayContaining(["success", "failure"]));
    expect(rows.find((row) => row.error?.includes("enter the key again"))).toMatchObject({
      actorEmail: "admin@parley.local",
      connectionId: harness.connectionIds.zaia,
    });
    expect(JSON.stringify(rows)).not.toContain("zaia_any_key_0000");
  });
});
