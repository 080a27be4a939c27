/**
 * Sizes: a conversation id longer than 512 characters is a 400 (not a 500 from the audit index),
 * and a refused write is still audited with the id cut short; request bodies are read only up to
 * their limit (64 KB) and answered 413 without reading the rest, on Parley's routes and on
 * better-auth's, anonymous or not.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDatabase } from "@/lib/db/client";
import { auditLog } from "@/lib/db/schema";
import { ORIGIN, startHarness, type Harness } from "../integration/harness";

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness?.close());

describe("long ids", () => {
  const longId = "é".repeat(2_900);

  it("answers 400 to every conversation route, and audits refused writes with the id cut short", async () => {
    const base = `/api/conversations/${harness.connectionIds.zaia}/${encodeURIComponent(longId)}`;
    for (const [method, url, body] of [
      ["GET", base, undefined],
      ["GET", `${base}/messages`, undefined],
      ["GET", `${base}/history`, undefined],
      ["PATCH", base, { important: true }],
      ["DELETE", base, { confirm: longId }],
    ] as const) {
      const response = await harness.call(method, url, { cookie: harness.staffCookie, body });
      expect(response.status, `${method} ${url.slice(-20)}`).toBe(400);
      expect(await response.json()).toEqual({
        error: { code: "invalid_request", message: expect.stringContaining("at most 512 characters") },
      });
    }
    const db = await getDatabase();
    const rows = await db.select().from(auditLog).where(eq(auditLog.actorEmail, "staff@parley.local"));
    const refused = rows.filter((row) => row.error?.includes("at most 512"));
    expect(refused.map((row) => row.action).sort()).toEqual(["conversation.delete", "conversation.update"]);
    for (const row of refused) expect(row.conversationId?.length).toBeLessThanOrEqual(201);
  });
});

/** A body that never ends; counts what was pulled from it. */
function endlessBody(): { stream: ReadableStream<Uint8Array>; pulled: () => number } {
  let pulled = 0;
  const chunk = new TextEncoder().encode(`{"email":"${"a".repeat(65_000)}`);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled += chunk.byteLength;
      if (pulled > 100_000_000) controller.close();
      else controller.enqueue(chunk);
    },
  });
  return { stream, pulled: () => pulled };
}

async function send(pattern: string, path: string, cookie?: string) {
  const { apiRoutes } = await import("../integration/harness");
  const route = apiRoutes.find((entry) => entry.pattern === pattern);
  const handler = (await route?.load())?.POST as (request: Request, context: unknown) => Promise<Response>;
  const body = endlessBody();
  const headers: Record<string, string> = {
    origin: ORIGIN,
    "content-type": "application/json",
    "x-parley-client-address": "10.90.0.1",
  };
  if (cookie) headers.cookie = cookie;
  const request = new Request(new URL(path, ORIGIN), {
    method: "POST",
    headers,
    body: body.stream,
    duplex: "half",
  } as RequestInit);
  const response = await handler(request, { params: Promise.resolve({}) });
  return { status: response.status, pulled: body.pulled() };
}

describe("body limits", () => {
  it("stops reading an anonymous sign-in body at 64 KB and answers 413", async () => {
    const answer = await send("/api/auth/*", "/api/auth/sign-in/email");
    expect(answer.status).toBe(413);
    expect(answer.pulled).toBeLessThan(1_000_000);
  });

  it("stops reading a JSON body on Parley's routes at 64 KB and answers 413", async () => {
    const answer = await send("/api/connections", "/api/connections", harness.adminCookie);
    expect(answer.status).toBe(413);
    expect(answer.pulled).toBeLessThan(1_000_000);
  });

  it("refuses a declared Content-Length over the limit without reading", async () => {
    const response = await harness.call("POST", "/api/auth/sign-in/email", {
      rawBody: "{}",
      headers: { "content-type": "application/json", "content-length": "100000000" },
    });
    expect(response.status).toBe(413);
  });
});
