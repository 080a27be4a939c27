import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { simulatorKeys } from "../keys";
import { changeConversations, resetSimulator, setFaults, startTestSimulator } from "../testing";
import type { KeyCallCounts } from "./calls";
import { createCozmoxProvider } from "../providers/cozmox";
import { startSimulator, type RunningSimulator } from "./server";

let simulator: RunningSimulator;
beforeAll(async () => {
  simulator = await startTestSimulator();
});
afterAll(async () => {
  await simulator.close();
});
afterEach(async () => {
  await resetSimulator(simulator.url);
  await fetch(`${simulator.url}/__admin/faults`, { method: "DELETE" });
  await fetch(`${simulator.url}/__admin/calls`, { method: "DELETE" });
});

interface CallsAnswer {
  since: string;
  providers: Record<string, { total: number; keys: Record<string, KeyCallCounts> }>;
}

const calls = async (): Promise<CallsAnswer> =>
  (await (await fetch(`${simulator.url}/__admin/calls`)).json()) as CallsAnswer;
const stats = async (): Promise<Record<string, Record<string, number>>> =>
  (await (await fetch(`${simulator.url}/__admin/stats`)).json()) as Record<string, Record<string, number>>;
const chatling = (path: string, key: string | null) =>
  fetch(`${simulator.url}/chatling${path}`, {
    headers: key === null ? {} : { authorization: `Bearer ${key}` },
  });
const sigmamind = (path: string, key: string) =>
  fetch(`${simulator.url}/sigmamind${path}`, { headers: { "X-API-Key": key } });

describe("GET /__admin/calls", () => {
  it("counts every provider call per key role, route and status, never showing a key", async () => {
    await Promise.all([
      chatling("/v2/chatbots", simulatorKeys.chatling.primary),
      chatling("/v2/chatbots/4309158726/conversations?page=2", simulatorKeys.chatling.primary),
      chatling("/v2/chatbots/0000000000/conversations", simulatorKeys.chatling.primary),
      chatling("/v2/chatbots", simulatorKeys.chatling.secondary),
      chatling("/v2/chatbots", "wrong"),
      chatling("/v2/nowhere", null),
      sigmamind("/v1/chats?size=5", simulatorKeys.sigmamind.secondary),
    ]);
    const answer = await calls();
    expect(Object.keys(answer.providers)).toEqual(["sigmamind", "cozmox", "zaia", "chatling"]);
    expect(answer.providers.cozmox).toEqual({ total: 0, keys: {} });
    const counted = answer.providers.chatling;
    expect(counted?.total).toBe(6);
    expect(counted).toMatchObject({ budgetPerMinute: 300 });
    expect(counted?.keys.primary).toEqual({
      total: 3,
      peakPerMinute: 3,
      byRoute: { "GET /v2/chatbots": 1, "GET /v2/chatbots/:chatbotId/conversations": 2 },
      byStatus: { "200": 2, "404": 1 },
    });
    expect(counted?.keys.secondary).toMatchObject({ total: 1, byStatus: { "200": 1 } });
    expect(counted?.keys.unauthorized).toMatchObject({
      total: 2,
      byRoute: { "GET /v2/chatbots": 1, "GET (no route)": 1 },
      byStatus: { "401": 2 },
    });
    expect(answer.providers.sigmamind?.keys).toEqual({
      secondary: { total: 1, peakPerMinute: 1, byRoute: { "GET /v1/chats": 1 }, byStatus: { "200": 1 } },
    });
    const text = JSON.stringify(answer);
    for (const key of Object.values(simulatorKeys).flatMap((keys) => [keys.primary, keys.secondary]))
      expect(text).not.toContain(key);
  });

  it("counts injected faults and the provider's own 429 too, and starts again after DELETE", async () => {
    await setFaults(simulator.url, "sigmamind", { rateLimitRetryAfterSeconds: 7 });
    await sigmamind("/v1/chats", simulatorKeys.sigmamind.primary);
    expect((await calls()).providers.sigmamind?.keys.primary?.byStatus).toEqual({ "429": 1 });
    const before = (await stats()).sigmamind?.requests ?? 0;
    const deleted = await fetch(`${simulator.url}/__admin/calls`, { method: "DELETE" });
    expect(deleted.status).toBe(200);
    const fresh = await calls();
    expect(fresh.providers.sigmamind).toEqual({ total: 0, keys: {} });
    expect(Date.parse(fresh.since)).toBeLessThanOrEqual(Date.now());
    // `requests` in /__admin/stats counts since the start and is not reset.
    expect((await stats()).sigmamind?.requests).toBe(before);
  });

  it("measures the busiest minute per key, which the bench compares with Chatling's 300", async () => {
    for (let index = 0; index < 12; index++) await chatling("/v2/chatbots", simulatorKeys.chatling.primary);
    expect((await calls()).providers.chatling?.keys.primary?.peakPerMinute).toBe(12);
  });
});

describe("POST /__admin/conversations/:provider validation", () => {
  const expectRefused = async (provider: string, body: unknown, pattern: RegExp) => {
    const before = await stats();
    const answer = await changeConversations(simulator.url, provider, body);
    expect(answer.status).toBe(400);
    const error = answer.body as { error: string; problems: string[] };
    expect(error.problems.join("\n")).toMatch(pattern);
    expect(error.error).toBe(error.problems[0]);
    const after = await stats();
    for (const id of ["sigmamind", "zaia", "chatling"])
      expect({ ...after[id], requests: 0 }).toEqual({ ...before[id], requests: 0 });
  };

  it.each([
    ["not JSON", "{add: 1", /not valid JSON/],
    ["an empty object", {}, /nothing to do/],
    ["zero counts", { add: 0, change: 0, remove: [] }, /nothing to do/],
    ["an unknown field", { add: 1, delete: 2 }, /delete/],
    ["a negative count", { add: -1 }, /add/],
    ["a fractional count", { change: 1.5 }, /change/],
    ["a count too large", { add: 10_001 }, /add/],
    ["zero messages", { add: 1, messages: 0 }, /messages/],
    ["too many messages", { add: 1, messages: 201 }, /messages/],
    ["a string count", { add: "3" }, /add/],
    ["ids that are not strings", { remove: [1, 2] }, /remove/],
    ["an array body", [1], /expected object/],
  ])("refuses %s with a clear 400 and changes nothing", async (_name, body, pattern) => {
    await expectRefused("zaia", body, pattern);
  });

  it("refuses unknown, repeated and doubly-named ids, and counts beyond what is left", async () => {
    await expectRefused("sigmamind", { change: ["chat_nope"] }, /change: no such conversation "chat_nope"/);
    await expectRefused(
      "chatling",
      { remove: ["8977617953", "8977617953"] },
      /remove: listed twice "8977617953"/,
    );
    await expectRefused(
      "sigmamind",
      { change: ["chat-d17T6uReChpyfFeP"], remove: ["chat-d17T6uReChpyfFeP"] },
      /change and remove both name "chat-d17T6uReChpyfFeP"/,
    );
    await expectRefused(
      "sigmamind",
      { change: 400, remove: 200 },
      /600 more conversations, but only 520 are left/,
    );
  });

  it("requires a body, a known provider, POST, and a provider that takes live changes", async () => {
    const empty = await fetch(`${simulator.url}/__admin/conversations/zaia`, { method: "POST" });
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { error: string }).error).toMatch(/JSON body is required/);
    expect((await changeConversations(simulator.url, "vapi", { add: 1 })).status).toBe(404);
    expect((await fetch(`${simulator.url}/__admin/conversations/zaia`)).status).toBe(405);
    const withoutLive = await startSimulator({
      port: 0,
      providers: [{ ...createCozmoxProvider(), live: undefined }],
    });
    try {
      const cozmox = await changeConversations(withoutLive.url, "cozmox", { add: 1 });
      expect(cozmox.status).toBe(501);
      expect((cozmox.body as { error: string }).error).toMatch(/cozmox does not take live changes/);
      const scale = (await (await fetch(`${withoutLive.url}/__admin/scale`)).json()) as {
        providers: Record<string, unknown>;
      };
      expect(scale.providers.cozmox).toEqual({ live: false });
    } finally {
      await withoutLive.close();
    }
  });

  it("answers what it did and the provider's new size", async () => {
    const answer = await changeConversations(simulator.url, "zaia", {
      add: 1,
      change: 1,
      remove: 1,
      messages: 1,
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      provider: "zaia",
      added: [{ id: expect.any(String), lastActivityAt: expect.any(String), messages: 1 }],
      changed: [{ id: expect.any(String), lastActivityAt: expect.any(String), messages: expect.any(Number) }],
      removed: [{ id: expect.any(String) }],
      conversations: 560,
    });
    expect((await stats()).zaia).toMatchObject({ chats: 560 });
  });
});

describe("GET /__admin/scale with the demo data", () => {
  it("says the scale is off and gives each live provider's size and backfill floor", async () => {
    const answer = (await (await fetch(`${simulator.url}/__admin/scale`)).json()) as {
      scale: null;
      providers: Record<string, unknown>;
    };
    expect(answer.scale).toBeNull();
    expect(answer.providers.cozmox).toMatchObject({
      live: true,
      conversations: 521,
      messages: expect.any(Number),
      backfillFloor: { calls: expect.any(Number), detail: expect.stringContaining("/chat?limit=1000") },
    });
    expect(answer.providers.sigmamind).toMatchObject({
      live: true,
      conversations: 520,
      backfillFloor: { calls: 6, detail: expect.stringContaining("/v1/chats") },
    });
    expect(answer.providers.chatling).toMatchObject({ conversations: 493, messages: expect.any(Number) });
    expect(answer.providers.zaia).toMatchObject({ conversations: 560, messages: 20_926 });
  });
});
