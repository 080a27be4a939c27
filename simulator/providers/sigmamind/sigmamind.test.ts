import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { SIMULATOR_NOW } from "../../core/random";
import type { RunningSimulator } from "../../core/server";
import { simulatorKeys } from "../../keys";
import { resetSimulator, startTestSimulator } from "../../testing";
import seedChat from "../../../fixtures/seeds/seed-000-chat.json";
import { createSigmamindProvider } from "./index";
import { chatPageSchema, errorSchema, readBody } from "./test-support";
import type { WireChat, WireChatPage } from "./wire";

let simulator: RunningSimulator;
const key = simulatorKeys.sigmamind.primary;

beforeAll(async () => {
  simulator = await startTestSimulator();
});
afterAll(async () => {
  await simulator.close();
});
afterEach(async () => {
  await resetSimulator(simulator.url);
});

function call(path: string, init: RequestInit & { apiKey?: string | null } = {}): Promise<Response> {
  const { apiKey = key, ...rest } = init;
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (apiKey !== null) headers["X-API-Key"] = apiKey;
  return fetch(`${simulator.url}/sigmamind${path}`, { ...rest, headers });
}

async function page(query: string): Promise<WireChatPage> {
  const response = await call(`/v1/chats?${query}`);
  expect(response.status).toBe(200);
  return readBody(response, chatPageSchema);
}

async function allChats(status?: string): Promise<WireChat[]> {
  const chats: WireChat[] = [];
  for (let number = 0; ; number++) {
    const body = await page(`page=${number}&size=100${status ? `&status=${status}` : ""}`);
    chats.push(...body.data);
    if (!body.hasNext) return chats;
  }
}

describe("SigmaMind simulator: auth and errors", () => {
  it("answers a missing or wrong X-API-Key with 401 and SigmaMind's message body", async () => {
    for (const apiKey of [null, "sm_live_wrong", simulatorKeys.chatling.primary]) {
      const response = await call("/v1/chats", { apiKey });
      expect(response.status).toBe(401);
      const body = await readBody(response, errorSchema);
      expect(body.message).toMatch(/API Key/);
    }
  });

  it("accepts the secondary key, but not the key as a Bearer token", async () => {
    expect((await call("/v1/chats", { apiKey: simulatorKeys.sigmamind.secondary })).status).toBe(200);
    const bearer = await fetch(`${simulator.url}/sigmamind/v1/chats`, {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(bearer.status).toBe(401);
  });

  it("answers an unknown chat with 404 and an unknown path or method with SigmaMind's body", async () => {
    const missing = await call("/v1/chats/chat-doesNotExist0000");
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ message: "Chat not found" });
    const wrongMethod = await call("/v1/chats/chat-d17T6uReChpyfFeP", { method: "DELETE" });
    expect(wrongMethod.status).toBe(405);
    expect(await wrongMethod.json()).toEqual({ message: "Method not allowed" });
  });

  it.each([
    ["size=101", /size/],
    ["size=0", /size/],
    ["size=ten", /size/],
    ["page=-1", /page/],
    ["page=abc", /page/],
    ["page=1.5", /page/],
    ["status=archived", /status/],
  ])("answers the bad query %s with 400 and a message", async (query, pattern) => {
    const response = await call(`/v1/chats?${query}`);
    expect(response.status).toBe(400);
    const body = await readBody(response, errorSchema);
    expect(body.message).toMatch(pattern);
  });
});

describe("SigmaMind simulator: GET /v1/chats", () => {
  it("starts at page 0 with 10 chats and the documented envelope", async () => {
    const body = await page("");
    expect(Object.keys(body)).toEqual([
      "data",
      "page",
      "size",
      "totalCounts",
      "totalPages",
      "hasNext",
      "hasPrevious",
    ]);
    expect(body).toMatchObject({
      page: 0,
      size: 10,
      totalCounts: 520,
      totalPages: 52,
      hasNext: true,
      hasPrevious: false,
    });
    expect(body.data).toHaveLength(10);
  });

  it("pages to the end without duplicates, newest first", async () => {
    const chats = await allChats();
    expect(chats).toHaveLength(520);
    expect(new Set(chats.map((chat) => chat.chatId)).size).toBe(520);
    const times = chats.map((chat) => Date.parse(chat.createdAt));
    expect(times).toEqual([...times].sort((left, right) => right - left));
    const last = await page("page=5&size=100");
    expect(last).toMatchObject({ data: expect.any(Array), hasNext: false, hasPrevious: true, totalPages: 6 });
    expect(last.data).toHaveLength(20);
    const beyond = await page("page=9&size=100");
    expect(beyond.data).toEqual([]);
    expect(beyond.totalCounts).toBe(520);
  });

  it("filters by each status, accepting both spellings of in-progress", async () => {
    const counts: number[] = [];
    for (const status of ["in-progress", "ended", "error"]) {
      const chats = await allChats(status);
      expect(chats.length).toBeGreaterThan(0);
      expect(chats.every((chat) => chat.status === status)).toBe(true);
      counts.push(chats.length);
    }
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(520);
    const underscore = await page("status=in_progress&size=100");
    expect(underscore.totalCounts).toBe(counts[0]);
  });
});

describe("SigmaMind simulator: data", () => {
  let chats: WireChat[];
  beforeAll(async () => {
    chats = await allChats();
  });

  it("serves seed 000's chat verbatim", async () => {
    const response = await call("/v1/chats/chat-d17T6uReChpyfFeP");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(seedChat);
    expect(chats.at(-1)).toEqual(seedChat);
  });

  it("has several agents with free-form statuses, and a few chats whose agent was deleted", () => {
    const agents = new Map(chats.flatMap((chat) => (chat.agent ? [[chat.agent.agentId, chat.agent]] : [])));
    expect(agents.size).toBe(5);
    expect(new Set([...agents.values()].map((agent) => agent.status))).toEqual(
      new Set(["active", "Live", "Testing"]),
    );
    const withoutAgent = chats.filter((chat) => !("agent" in chat));
    expect(withoutAgent.length).toBeGreaterThan(0);
    expect(withoutAgent.length).toBeLessThan(30);
  });

  it("spreads timestamps over the 120 days before the simulator's now, ISO with milliseconds", () => {
    const generated = chats.filter((chat) => chat.chatId !== seedChat.chatId);
    for (const chat of chats) expect(chat.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    const ages = generated.map((chat) => SIMULATOR_NOW - Date.parse(chat.createdAt));
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...ages)).toBeLessThanOrEqual(120 * 24 * 3_600_000);
    expect(Math.max(...ages)).toBeGreaterThan(100 * 24 * 3_600_000);
  });

  it("uses both documented id styles and allows null or empty dynamic variables", () => {
    expect(chats.some((chat) => /^chat-[A-Za-z0-9]{16}$/.test(chat.chatId))).toBe(true);
    expect(chats.some((chat) => /^chat_[A-Za-z0-9]{16}$/.test(chat.chatId))).toBe(true);
    expect(chats.some((chat) => chat.dynamicVariables === null)).toBe(true);
    expect(
      chats.some((chat) => chat.dynamicVariables !== null && Object.keys(chat.dynamicVariables).length === 0),
    ).toBe(true);
    expect(chats.some((chat) => typeof chat.dynamicVariables?.customer_name === "string")).toBe(true);
  });

  it("has threads of 1 to 60 items, one of exactly 2,000, and transcript-only and empty chats", () => {
    const lengths = chats.map((chat) => chat.messages.length);
    expect(lengths.filter((length) => length === 2_000)).toHaveLength(1);
    expect(Math.max(...lengths.filter((length) => length !== 2_000))).toBeLessThanOrEqual(60);
    const transcriptOnly = chats.filter((chat) => chat.messages.length === 0 && chat.transcript !== "");
    expect(transcriptOnly.length).toBeGreaterThan(0);
    expect(transcriptOnly.every((chat) => /^(user|assistant|system): /.test(chat.transcript))).toBe(true);
    expect(chats.some((chat) => chat.messages.length === 0 && chat.transcript === "")).toBe(true);
  });

  it("uses user, assistant, system and tool items, and function_call and tool_call items with JSON content", () => {
    const items = chats.flatMap((chat) => chat.messages);
    expect(new Set(items.map((item) => item.role))).toEqual(new Set(["user", "assistant", "system", "tool"]));
    const calls = items.filter((item) => item.type !== "message");
    expect(new Set(calls.map((item) => item.type))).toEqual(new Set(["function_call", "tool_call"]));
    for (const call of calls)
      expect(JSON.parse(call.content.join(""))).toMatchObject({ name: expect.any(String) });
    expect(items.some((item) => item.content.length > 1)).toBe(true);
  });

  it("keeps response[] as the assistant's reply after the last user message", () => {
    for (const chat of chats.filter((candidate) => candidate.messages.length > 0)) {
      const lastUser = chat.messages.map((item) => item.role).lastIndexOf("user");
      const expected = chat.messages
        .slice(lastUser + 1)
        .filter((item) => item.role === "assistant" && item.type === "message");
      expect(chat.response).toEqual(expected);
    }
  });

  it("includes hostile first user messages, unicode, markdown and code", () => {
    const firstUserTexts = chats.map((chat) =>
      chat.messages.find((item) => item.role === "user")?.content.join("\n"),
    );
    expect(firstUserTexts).toContain("<script>alert('xss')</script>");
    expect(firstUserTexts.some((text) => text?.startsWith("<img src=x onerror="))).toBe(true);
    const texts = chats.flatMap((chat) => chat.messages.map((item) => item.content.join("\n")));
    expect(texts.some((text) => /[\u0600-\u06FF]/.test(text))).toBe(true);
    expect(texts.some((text) => /[\u4E00-\u9FFF]/.test(text))).toBe(true);
    expect(texts.some((text) => /\p{Extended_Pictographic}/u.test(text))).toBe(true);
    expect(texts.some((text) => text.includes("```"))).toBe(true);
  });

  it("is deterministic and starts fast", () => {
    const started = performance.now();
    const first = createSigmamindProvider();
    expect(performance.now() - started).toBeLessThan(300);
    const second = createSigmamindProvider();
    const list = (provider: typeof first) =>
      provider.routes[0]?.handler({
        method: "GET",
        path: "/v1/chats",
        params: {},
        query: new URLSearchParams("page=3&size=50"),
        headers: {},
        body: undefined,
        invalidJson: false,
      });
    expect(JSON.stringify(list(first))).toBe(JSON.stringify(list(second)));
  });
});
