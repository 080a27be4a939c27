import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { simulatorKeys } from "../../keys";
import { resetSimulator, startTestSimulator } from "../../testing";
import type { RunningSimulator } from "../../core/server";

const rowSchema = z.record(z.string(), z.unknown());
const rowsSchema = z.array(rowSchema);
type Json = z.infer<typeof rowSchema>;
/** Vapi's mid-2025 envelope: exactly the three required metadata fields. */
const pageSchema = z.object({
  results: rowsSchema,
  metadata: z.strictObject({ itemsPerPage: z.number(), totalItems: z.number(), currentPage: z.number() }),
});
type Page = z.infer<typeof pageSchema>;

function at<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`no item at ${index}`);
  return item;
}

let simulator: RunningSimulator;
const auth = { authorization: `Bearer ${simulatorKeys.cozmox.primary}` };

async function call(
  pathAndQuery: string,
  init: RequestInit = {},
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${simulator.url}/cozmox${pathAndQuery}`, {
    ...init,
    headers: { ...auth, ...init.headers },
  });
  return { status: response.status, body: await response.json() };
}

async function page(pathAndQuery: string): Promise<Page> {
  const { status, body } = await call(pathAndQuery);
  expect(status).toBe(200);
  return pageSchema.parse(body);
}

async function all(pathBase: string, limit = 250): Promise<Json[]> {
  const rows: Json[] = [];
  const separator = pathBase.includes("?") ? "&" : "?";
  for (let number = 1; ; number++) {
    const { results, metadata } = await page(`${pathBase}${separator}page=${number}&limit=${limit}`);
    expect(metadata.currentPage).toBe(number);
    rows.push(...results);
    if (results.length < limit) {
      expect(rows.length).toBe(metadata.totalItems);
      return rows;
    }
  }
}

/** Sessions the org lists: 348 generated ones and seed 002's (the other 172 conversations are chains). */
const SESSIONS = 349;

const time = (row: Json, key: "createdAt" | "updatedAt"): number => Date.parse(String(row[key]));
const ids = (rows: readonly Json[]): string[] => rows.map((row) => String(row.id));

beforeAll(async () => {
  simulator = await startTestSimulator();
});
afterAll(async () => {
  await simulator.close();
});
afterEach(async () => {
  await resetSimulator(simulator.url);
});

describe("Cozmox simulator: auth and errors", () => {
  it("answers a missing or wrong key with Cozmox's own 401 body", async () => {
    for (const headers of [
      { authorization: "" },
      { authorization: "Bearer nope" },
      { authorization: simulatorKeys.cozmox.primary },
    ]) {
      const { status, body } = await call("/session", { headers });
      expect(status).toBe(401);
      expect(body).toMatchObject({ statusCode: 401, error: "Unauthorized", message: expect.any(String) });
    }
  });

  it("accepts the secondary key and another provider's key is refused", async () => {
    expect(
      (
        await call("/session?limit=1", {
          headers: { authorization: `Bearer ${simulatorKeys.cozmox.secondary}` },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await call("/session?limit=1", {
          headers: { authorization: `Bearer ${simulatorKeys.chatling.primary}` },
        })
      ).status,
    ).toBe(401);
  });

  it("answers unknown ids and paths with a NestJS-style 404", async () => {
    const missing = "00000000-0000-4000-8000-000000000000";
    for (const target of [`/session/${missing}`, `/chat/${missing}`, `/assistant/${missing}`, "/calls"]) {
      const { status, body } = await call(target);
      expect(status).toBe(404);
      expect(body).toMatchObject({ statusCode: 404, error: "Not Found" });
    }
    expect((await call(`/session/${missing}`)).body).toMatchObject({ message: "Session not found" });
  });

  it.each([
    ["/session?limit=1001", "limit must not be greater than 1000"],
    ["/session?limit=ten", "limit must be an integer number"],
    ["/session?page=0", "page must not be less than 1"],
    ["/session?page=2.5", "page must be an integer number"],
    ["/session?sortOrder=NEWEST", "sortOrder must be one of the following values: ASC, DESC"],
    ["/session?updatedAtGe=yesterday", "updatedAtGe must be a valid ISO 8601 date string"],
    ["/session?squadId=abc", "property squadId should not exist"],
    ["/session?assistantId=a&assistantId=b", "assistantId must be a string"],
    ["/chat?limit=-1", "limit must not be less than 0"],
    ["/chat?createdAtLt=2026-13-45T99:00:00Z", "createdAtLt must be a valid ISO 8601 date string"],
    ["/assistant?page=2", "property page should not exist"],
  ])("rejects %s with a 400 and a message", async (target, message) => {
    const { status, body } = await call(target);
    expect(status).toBe(400);
    expect(body).toEqual({ statusCode: 400, message, error: "Bad Request" });
  });
});

describe("Cozmox simulator: sessions", () => {
  it("lists with Vapi's envelope, 100 a page by default, newest activity first", async () => {
    const first = await page("/session");
    expect(first.metadata).toEqual({ itemsPerPage: 100, totalItems: SESSIONS, currentPage: 1 });
    expect(first.results).toHaveLength(100);
    const times = first.results.map((row) => time(row, "updatedAt"));
    expect(times).toEqual([...times].sort((left, right) => right - left));
    expect(Object.keys(first.results[0] ?? {})).toEqual(
      expect.arrayContaining(["id", "orgId", "createdAt", "updatedAt"]),
    );
  });

  it("pages to the end without duplicates, and ASC is the exact reverse of DESC", async () => {
    const newest = await all("/session");
    expect(new Set(ids(newest)).size).toBe(SESSIONS);
    const oldest = await all("/session?sortOrder=ASC", 300);
    expect(ids(oldest)).toEqual(ids(newest).reverse());
    expect((await page("/session?page=99&limit=100")).results).toEqual([]);
    expect((await page("/session?limit=0")).results).toEqual([]);
  });

  it("filters by assistantId", async () => {
    const assistants = rowsSchema.parse((await call("/assistant")).body);
    const assistantId = String(assistants[1]?.id);
    const rows = await all(`/session?assistantId=${assistantId}`);
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.length).toBeLessThan(SESSIONS);
    expect(rows.every((row) => row.assistantId === assistantId)).toBe(true);
    expect((await page("/session?assistantId=unknown")).metadata.totalItems).toBe(0);
  });

  it("filters by updatedAt and createdAt bounds, inclusive and exclusive", async () => {
    const rows = await all("/session");
    const pivot = at(rows, 40);
    const pivotTime = String(pivot.updatedAt);
    const ge = await all(`/session?updatedAtGe=${pivotTime}`);
    expect(ge.every((row) => time(row, "updatedAt") >= Date.parse(pivotTime))).toBe(true);
    expect(ids(ge)).toContain(pivot.id);
    const gt = await all(`/session?updatedAtGt=${pivotTime}`);
    expect(ids(gt)).not.toContain(pivot.id);
    const window = await all("/session?createdAtGe=2026-10-01T00:00:00Z&createdAtLt=2026-10-15T00:00:00Z");
    expect(window.length).toBeGreaterThan(0);
    expect(
      window.every(
        (row) =>
          time(row, "createdAt") >= Date.parse("2026-10-01T00:00:00Z") &&
          time(row, "createdAt") < Date.parse("2026-10-15T00:00:00Z"),
      ),
    ).toBe(true);
    const le = await all(`/session?updatedAtLe=${pivotTime}`);
    expect(le.length + gt.length).toBe(SESSIONS);
  });

  it("gets one session and hard-deletes it with its chats until reset", async () => {
    const [target] = (await page("/session?limit=1&page=3")).results;
    const id = String(target?.id);
    expect((await call(`/session/${id}`)).body).toEqual(target);
    const chats = (await page(`/chat?sessionId=${id}`)).metadata.totalItems;
    expect(chats).toBeGreaterThan(0);

    const deleted = await call(`/session/${id}`, { method: "DELETE" });
    expect(deleted).toEqual({ status: 200, body: target });
    expect((await call(`/session/${id}`)).status).toBe(404);
    expect((await call(`/session/${id}`, { method: "DELETE" })).status).toBe(404);
    expect((await page(`/chat?sessionId=${id}`)).metadata.totalItems).toBe(0);
    expect((await page("/session?limit=1")).metadata.totalItems).toBe(SESSIONS - 1);

    await resetSimulator(simulator.url);
    expect((await call(`/session/${id}`)).body).toEqual(target);
    expect((await page(`/chat?sessionId=${id}`)).metadata.totalItems).toBe(chats);
  });
});

describe("Cozmox simulator: chats", () => {
  it("lists a session's chats oldest first with sortOrder=ASC", async () => {
    const sessions = await all("/session");
    const long = sessions.find((row) => row.name === "Long-running support thread");
    const chats = await all(`/chat?sessionId=${String(long?.id)}&sortOrder=ASC`, 100);
    expect(chats).toHaveLength(250);
    expect(chats.every((chat) => chat.sessionId === long?.id)).toBe(true);
    const times = chats.map((chat) => time(chat, "createdAt"));
    expect(times).toEqual([...times].sort((left, right) => left - right));
    // Later chats carry a bounded window of history in `messages`, never the whole thread.
    const last = at(chats, 249);
    expect(z.array(z.unknown()).parse(last.messages).length).toBeLessThanOrEqual(22);
    expect(last.output).toEqual(expect.any(Array));
  });

  it("pages through every chat of the org and filters by assistant and time", async () => {
    const chats = await all("/chat", 1000);
    expect(chats.length).toBeGreaterThan(2000);
    expect(new Set(ids(chats)).size).toBe(chats.length);
    const assistantId = String(chats[0]?.assistantId);
    const mine = await all(`/chat?assistantId=${assistantId}`, 1000);
    expect(mine.every((chat) => chat.assistantId === assistantId)).toBe(true);
    expect(mine.length).toBeLessThan(chats.length);
    const recent = await all("/chat?createdAtGt=2026-11-19T00:00:00Z");
    expect(recent.length).toBeGreaterThan(0);
    expect(recent.every((chat) => time(chat, "createdAt") > Date.parse("2026-11-19T00:00:00Z"))).toBe(true);
  });

  it("serves seed 002's example chat verbatim, in its own session", async () => {
    const seed: unknown = JSON.parse(
      readFileSync(path.join(__dirname, "../../../fixtures/seeds/seed-002-chat.json"), "utf8"),
    );
    expect((await call("/chat/%3Cstring%3E")).body).toEqual(seed);
    expect((await page("/chat?sessionId=%3Cstring%3E")).results).toEqual([seed]);
    expect((await call("/session/%3Cstring%3E")).body).toMatchObject({
      id: "<string>",
      createdAt: "2023-11-07T05:31:56Z",
      cost: 123,
      costs: [{ type: "model", model: {}, promptTokens: 123, completionTokens: 123, cost: 123 }],
    });
    const oldest = (await page("/session?sortOrder=ASC&limit=1")).results[0];
    expect(oldest?.id).toBe("<string>");
  });

  it("hard-deletes one chat, answers with it, and lowers the session's cost", async () => {
    const [session] = (await page("/session?limit=1&page=5")).results;
    const sessionId = String(session?.id);
    const [chat] = (await page(`/chat?sessionId=${sessionId}&sortOrder=ASC&limit=1`)).results;
    const chatId = String(chat?.id);
    expect(await call(`/chat/${chatId}`, { method: "DELETE" })).toEqual({ status: 200, body: chat });
    expect((await call(`/chat/${chatId}`)).status).toBe(404);
    const after = rowSchema.parse((await call(`/session/${sessionId}`)).body);
    if (typeof chat?.cost === "number") expect(Number(after.cost ?? 0)).toBeLessThan(Number(session?.cost));
  });
});

describe("Cozmox simulator: assistants and data", () => {
  it("lists assistants as a bare array and gets one", async () => {
    const { status, body } = await call("/assistant");
    expect(status).toBe(200);
    const assistants = rowsSchema.parse(body);
    expect(assistants).toHaveLength(4);
    for (const assistant of assistants)
      expect(assistant).toMatchObject({
        id: expect.any(String),
        name: expect.any(String),
        model: expect.any(Object),
      });
    expect((await call(`/assistant/${String(assistants[0]?.id)}`)).body).toEqual(assistants[0]);
    expect(rowsSchema.parse((await call("/assistant?limit=2")).body)).toHaveLength(2);
  });

  it("holds realistic data: nulls, unicode, both message shapes, tools, costs and hostile openings", async () => {
    const sessions = await all("/session");
    expect(sessions.some((row) => row.name === undefined)).toBe(true);
    expect(sessions.some((row) => row.status === undefined)).toBe(true);
    expect(sessions.some((row) => row.customer === undefined)).toBe(true);
    expect(sessions.some((row) => row.cost === undefined)).toBe(true);
    expect(sessions.some((row) => row.assistantId === undefined)).toBe(true);
    expect(new Set(sessions.map((row) => row.status))).toEqual(new Set(["active", "completed", undefined]));
    expect(sessions.some((row) => /[\u0600-\u06ff]/.test(String(row.name)))).toBe(true);

    const chats = JSON.stringify(await all("/chat", 1000));
    expect(chats).toContain('"role":"bot"');
    expect(chats).toContain('"secondsFromStart"');
    expect(chats).toContain('"tool_calls"');
    expect(chats).toContain('"role":"developer"');
    expect(chats).toContain('"role":"system"');
    expect(chats).toContain('"transcriber"');
    expect(chats).toMatch(/"input":\["[^"]+",\[\{"role":"user"/);
    expect(chats).toMatch(/[\u4e00-\u9fff]/);
    expect(chats).toContain("🙏");
    expect(chats).toContain("```");
  });

  it("has sessions whose first user message is a script tag and an img onerror", async () => {
    const openings: string[] = [];
    for (const session of (await page("/session?limit=20")).results) {
      const [first] = (await page(`/chat?sessionId=${String(session.id)}&sortOrder=ASC&limit=1`)).results;
      openings.push(JSON.stringify(first?.input ?? first?.messages));
    }
    expect(openings.some((text) => text.includes("<script>alert('xss')</script>"))).toBe(true);
    expect(openings.some((text) => text.includes("<img src=x onerror="))).toBe(true);
  });

  it("reports its sizes", async () => {
    const stats = z
      .record(z.string(), rowSchema)
      .parse(await (await fetch(`${simulator.url}/__admin/stats`)).json());
    expect(stats.cozmox).toMatchObject({
      assistants: 4,
      sessions: SESSIONS,
      conversations: 521,
      chains: 172,
      deletedSessions: 0,
      deletedChats: 0,
    });
  });
});
