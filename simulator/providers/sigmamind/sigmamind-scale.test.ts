import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { hostileMessages } from "../../core/content";
import { splitScale, type ScaleShare } from "../../core/scale";
import type { RunningSimulator } from "../../core/server";
import { simulatorKeys } from "../../keys";
import { changeConversations, resetSimulator, startTestSimulator } from "../../testing";
import { providerRegistrations } from "../index";
import { generateChatRecords } from "./data";
import { createSigmamindProvider } from "./index";
import { chatPageSchema, chatSchema, readBody } from "./test-support";
import type { WireChat } from "./wire";

const share = splitScale(2_000, providerRegistrations).get("sigmamind") as ScaleShare;
const key = simulatorKeys.sigmamind.primary;

describe("SigmaMind at scale", () => {
  it("builds exactly its share of chats, deterministically, with about ten items each", () => {
    const records = generateChatRecords(share);
    expect(records).toHaveLength(share.conversations);
    expect(new Set(records.map((record) => record.chatId)).size).toBe(share.conversations);
    expect(JSON.stringify(generateChatRecords(share))).toBe(JSON.stringify(records));
    const provider = createSigmamindProvider({ scale: share });
    const size = provider.live?.size() ?? { conversations: 0, messages: 0 };
    expect(size.conversations).toBe(share.conversations);
    // The planted 2,000-item chat aside, about ten items per chat.
    expect((size.messages - 2_000) / size.conversations).toBeGreaterThan(8.5);
    expect((size.messages - 2_000) / size.conversations).toBeLessThan(11.5);
  });

  it("generates no thread at start-up, and only the threads it is asked for", () => {
    const provider = createSigmamindProvider({ scale: share });
    expect(provider.stats()).toMatchObject({ chats: share.conversations, cachedThreads: 0 });
  });

  it("keeps the demo's shapes: planted hostile chats, tool calls, markdown and every script", () => {
    const provider = createSigmamindProvider({ scale: share });
    const list = provider.routes.find((route) => route.method === "GET" && route.pattern === "/v1/chats");
    if (!list) throw new Error("the list route exists");
    const chats: WireChat[] = [];
    for (let page = 0; page < 4; page++) {
      const answer = list.handler({
        method: "GET",
        path: "/v1/chats",
        params: {},
        query: new URLSearchParams({ page: String(page), size: "100" }),
        headers: {},
        body: undefined,
        invalidJson: false,
      }) as { body: { data: WireChat[] } };
      chats.push(...answer.body.data);
    }
    expect(provider.stats()).toMatchObject({ cachedThreads: 400 });
    const text = JSON.stringify(chats);
    expect(chats[1]?.messages.find((item) => item.role === "user")?.content).toEqual([hostileMessages[0]]);
    expect(chats[3]?.messages).toHaveLength(2_000);
    expect(chats.some((chat) => chat.messages.some((item) => /^(function|tool)_call$/.test(item.type)))).toBe(
      true,
    );
    for (const script of [
      /\*\*/,
      /\p{Script=Arabic}/u,
      /\p{Script=Hebrew}/u,
      /\p{Script=Han}/u,
      /\p{Script=Hangul}/u,
    ])
      expect(text).toMatch(script);
    expect(text).toContain("javascript:alert(document.cookie)");
  });
});

describe("SigmaMind live changes (POST /__admin/conversations/sigmamind)", () => {
  let simulator: RunningSimulator;
  beforeAll(async () => {
    simulator = await startTestSimulator();
  });
  afterAll(async () => {
    await simulator.close();
  });
  afterEach(async () => {
    await resetSimulator(simulator.url);
  });

  const get = (path: string) => fetch(`${simulator.url}/sigmamind${path}`, { headers: { "X-API-Key": key } });
  const firstPage = async () => readBody(await get("/v1/chats?size=100"), chatPageSchema);

  it("adds chats that are listed first, in-progress, with exactly the asked number of items", async () => {
    const { status, body } = await changeConversations(simulator.url, "sigmamind", { add: 3, messages: 4 });
    expect(status).toBe(200);
    const answer = body as {
      added: { id: string; messages: number; lastActivityAt: string }[];
      conversations: number;
    };
    expect(answer.added).toHaveLength(3);
    expect(answer.conversations).toBe(523);
    const page = await firstPage();
    expect(page.totalCounts).toBe(523);
    expect(page.data.slice(0, 3).map((chat) => chat.chatId)).toEqual(
      answer.added.map((chat) => chat.id).reverse(),
    );
    for (const chat of page.data.slice(0, 3)) {
      expect(chat.status).toBe("in-progress");
      expect(chat.messages).toHaveLength(4);
      expect(Date.parse(chat.createdAt)).toBeGreaterThan(Date.parse(page.data[3]?.createdAt ?? ""));
    }
    expect(answer.added.every((chat) => chat.messages === 4)).toBe(true);
  });

  it("changes a chat by appending items after its thread; it keeps its place in the list", async () => {
    const before = (await firstPage()).data[10] as WireChat;
    const { status, body } = await changeConversations(simulator.url, "sigmamind", {
      change: [before.chatId],
      messages: 3,
    });
    expect(status).toBe(200);
    expect((body as { changed: { messages: number }[] }).changed[0]?.messages).toBe(
      before.messages.length + 3,
    );
    const after = await readBody(await get(`/v1/chats/${before.chatId}`), chatSchema);
    expect(after.status).toBe("in-progress");
    expect(after.messages.slice(0, before.messages.length)).toEqual(before.messages);
    expect(after.messages).toHaveLength(before.messages.length + 3);
    expect(after.transcript.startsWith(before.transcript)).toBe(true);
    expect((await firstPage()).data[10]?.chatId).toBe(before.chatId);
  });

  it("removes chats: 404 when read, gone from the list; a reset brings them back", async () => {
    const victim = (await firstPage()).data[0] as WireChat;
    const { body } = await changeConversations(simulator.url, "sigmamind", { remove: [victim.chatId] });
    expect((body as { removed: { id: string }[] }).removed.map((chat) => chat.id)).toEqual([victim.chatId]);
    expect((await get(`/v1/chats/${victim.chatId}`)).status).toBe(404);
    const page = await firstPage();
    expect(page.totalCounts).toBe(519);
    expect(page.data.some((chat) => chat.chatId === victim.chatId)).toBe(false);
    await resetSimulator(simulator.url);
    expect((await get(`/v1/chats/${victim.chatId}`)).status).toBe(200);
  });

  it("picks the same chats for the same counts after a reset", async () => {
    const run = async () =>
      (await changeConversations(simulator.url, "sigmamind", { add: 1, change: 2, remove: 2 })).body;
    const first = await run();
    await resetSimulator(simulator.url);
    expect(await run()).toEqual(first);
  });
});
