/**
 * Cozmox in scale mode (`SIMULATOR_SCALE`) and its live changes (`POST /__admin/conversations/cozmox`):
 * counts, determinism, lazy content, the demo's shapes, paging to the end, each live change and
 * the same answers after a reset.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { hostileMessages } from "../../core/content";
import { splitScale, type ScaleShare } from "../../core/scale";
import type { RunningSimulator } from "../../core/server";
import { simulatorKeys } from "../../keys";
import { changeConversations, resetSimulator, startTestSimulator } from "../../testing";
import { providerRegistrations } from "../index";
import { cozmoxScaleData, createCozmoxProvider } from "./index";
import { chatMessageCount } from "./threads";

const share = splitScale(2_000, providerRegistrations).get("cozmox") as ScaleShare;
const auth = { authorization: `Bearer ${simulatorKeys.cozmox.primary}` };

const chatSchema = z.looseObject({
  id: z.string().min(1),
  createdAt: z.iso.datetime(),
  sessionId: z.string().optional(),
  previousChatId: z.string().optional(),
  messages: z.array(z.looseObject({ role: z.string() })),
  output: z.array(z.looseObject({ role: z.string() })),
  costs: z.array(z.looseObject({ type: z.enum(["model", "chat"]), cost: z.number() })).optional(),
  cost: z.number().optional(),
});
type Chat = z.infer<typeof chatSchema>;
const metadataSchema = z.strictObject({
  itemsPerPage: z.number(),
  totalItems: z.number(),
  currentPage: z.number(),
});
const chatPageSchema = z.strictObject({ results: z.array(chatSchema), metadata: metadataSchema });
const sessionPageSchema = z.strictObject({
  results: z.array(z.looseObject({ id: z.string(), updatedAt: z.string(), name: z.string().optional() })),
  metadata: metadataSchema,
});
const liveAnswerSchema = z.looseObject({
  added: z.array(z.strictObject({ id: z.string(), lastActivityAt: z.string(), messages: z.number() })),
  changed: z.array(z.strictObject({ id: z.string(), lastActivityAt: z.string(), messages: z.number() })),
  removed: z.array(z.strictObject({ id: z.string(), lastActivityAt: z.string(), messages: z.number() })),
  conversations: z.number(),
  messages: z.number(),
});

describe("Cozmox at scale", () => {
  it("generates no chat content at start-up", () => {
    const provider = createCozmoxProvider({ scale: share });
    expect(provider.stats()).toMatchObject({ cachedThreads: 0 });
  });

  it("builds exactly its share, deterministically, with about ten messages per conversation", () => {
    const data = cozmoxScaleData(share);
    expect(data.conversations).toHaveLength(share.conversations);
    expect(JSON.stringify(cozmoxScaleData(share))).toBe(JSON.stringify(data));
    const other = cozmoxScaleData({ ...share, seed: share.seed + 1 });
    expect(other.conversations.map((c) => c.id)).not.toEqual(data.conversations.map((c) => c.id));
    const generated = data.conversations.filter((c) => c.source === "generated");
    expect(generated).toHaveLength(share.conversations - 1);
    const ids = generated.flatMap((c) => [c.id, ...c.chats.map((chat) => chat.id)]);
    // A chain is named by its first chat: that id appears twice, every other id once.
    const chains = data.conversations.filter((c) => c.grouping === "chain").length;
    expect(new Set(ids).size).toBe(ids.length - chains);
    expect(data.conversations.every((c) => c.chats.length > 0)).toBe(true);

    const provider = createCozmoxProvider({ scale: share });
    const size = provider.live?.size() ?? { conversations: 0, messages: 0 };
    expect(size.conversations).toBe(share.conversations);
    const longSession = data.conversations.find((c) => c.name === "Long-running support thread");
    expect(longSession?.chats).toHaveLength(250);
    const longMessages = longSession?.chats.reduce((sum, chat) => sum + (chat.messages ?? 0), 0) ?? 0;
    const average = (size.messages - longMessages) / (size.conversations - 1);
    expect(average).toBeGreaterThan(8.5);
    expect(average).toBeLessThan(11.5);
    // Counting reads the skeletons only: no content was generated for it.
    expect(provider.stats()).toMatchObject({ cachedThreads: 0, conversations: share.conversations });
  });

  it("serves each chat with exactly the messages its skeleton says", () => {
    const data = cozmoxScaleData(share);
    for (const conversation of data.conversations.slice(0, 300)) {
      if (conversation.source !== "generated") continue;
      for (const chat of conversation.chats) {
        const counted = chatMessageCount(
          { ...conversation, chats: conversation.chats },
          {
            ...chat,
            messages: undefined,
          },
        );
        expect(counted).toBe(chat.messages);
      }
    }
  });
});

describe("Cozmox at a scale of 2,000, on the wire", () => {
  let simulator: RunningSimulator;
  beforeAll(async () => {
    simulator = await startTestSimulator({ scale: 2_000 });
  });
  afterAll(async () => {
    await simulator.close();
  });
  afterEach(async () => {
    await resetSimulator(simulator.url);
  });

  const get = async (path: string) => fetch(`${simulator.url}/cozmox${path}`, { headers: auth });
  const chatPage = async (query: string) => chatPageSchema.parse(await (await get(`/chat?${query}`)).json());
  const sessionPage = async (query: string) =>
    sessionPageSchema.parse(await (await get(`/session?${query}`)).json());

  async function allChats(): Promise<Chat[]> {
    const chats: Chat[] = [];
    for (let page = 1; ; page++) {
      const { results, metadata } = await chatPage(`limit=1000&page=${page}`);
      chats.push(...results);
      if (chats.length >= metadata.totalItems || results.length === 0) return chats;
    }
  }

  it("pages /chat to the end without duplicates, the chats making up every conversation", async () => {
    const chats = await allChats();
    const ids = chats.map((chat) => chat.id);
    expect(new Set(ids).size).toBe(ids.length);
    // Conversations: sessions by `sessionId`, chains by following `previousChatId` to a chat with neither.
    const byId = new Map(chats.map((chat) => [chat.id, chat]));
    const roots = new Set<string>();
    for (const chat of chats) {
      let current: Chat | undefined = chat;
      // Seed 002's chat names itself as `previousChatId`, but its `sessionId` groups it.
      while (current?.sessionId === undefined && current?.previousChatId !== undefined)
        current = byId.get(current.previousChatId);
      roots.add(chat.sessionId ?? current?.id ?? chat.id);
    }
    expect(roots.size).toBe(share.conversations);
    const report = (await (await fetch(`${simulator.url}/__admin/scale`)).json()) as {
      providers: { cozmox: { conversations: number; backfillFloor: { calls: number } } };
    };
    expect(report.providers.cozmox.conversations).toBe(share.conversations);
    const sessions = (await sessionPage("limit=1")).metadata.totalItems;
    expect(report.providers.cozmox.backfillFloor.calls).toBe(
      Math.ceil(chats.length / 1000) + Math.ceil(sessions / 1000) + 1,
    );

    const text = JSON.stringify(chats);
    expect(text).toContain(JSON.stringify(hostileMessages[0]));
    expect(text).toContain("tool_calls");
    expect(text).toContain('"role":"bot"');
    expect(text).toContain("sk-cozmox-sim-transient-");
    for (const script of [
      /\p{Script=Arabic}/u,
      /\p{Script=Hebrew}/u,
      /\p{Script=Han}/u,
      /\p{Script=Hangul}/u,
    ])
      expect(text).toMatch(script);
    const withCosts = chats.find((chat) => chat.costs?.some((item) => item.type === "model"));
    expect(withCosts?.costs?.[0]).toMatchObject({
      type: "model",
      model: { provider: expect.any(String), model: expect.any(String) },
      promptTokens: expect.any(Number),
      completionTokens: expect.any(Number),
    });
    expect(byId.get("<string>")).toBeDefined();
  });

  it("keeps the showcase the newest sessions (the long session among the first 20)", async () => {
    const { results } = await sessionPage("limit=20");
    expect(results.some((session) => session.name === "Long-running support thread")).toBe(true);
  });

  it("adds sessions that lead /session and /chat, with exactly the asked messages", async () => {
    const { status, body } = await changeConversations(simulator.url, "cozmox", { add: 2, messages: 5 });
    expect(status).toBe(200);
    const answer = liveAnswerSchema.parse(body);
    expect(answer.conversations).toBe(share.conversations + 2);
    expect(answer.added.map((added) => added.messages)).toEqual([5, 5]);
    const sessions = await sessionPage("limit=2");
    expect(sessions.results.map((session) => session.id)).toEqual(answer.added.map((a) => a.id).reverse());
    // Five messages: chats of two, two and one (its input only).
    const newest = await chatPage("limit=3");
    expect(newest.results.every((chat) => chat.sessionId === answer.added[1]?.id)).toBe(true);
    expect(newest.results.map((chat) => chat.output.length)).toEqual([0, 1, 1]);
  });

  it("changes a session and a chain: new chats after the last, the session's activity moves", async () => {
    const chats = await allChats();
    const chain = chats.find((chat) => chat.previousChatId !== undefined);
    const session = (await sessionPage("limit=5&page=40")).results[0];
    let chainRoot = chain;
    while (chainRoot?.previousChatId !== undefined)
      chainRoot = chats.find((chat) => chat.id === chainRoot?.previousChatId);
    if (!chainRoot || !session) throw new Error("the data has a chain and a 200th session");
    const { body } = await changeConversations(simulator.url, "cozmox", {
      change: [session.id, chainRoot.id],
      messages: 2,
    });
    const answer = liveAnswerSchema.parse(body);
    expect(answer.changed.map((changed) => changed.id)).toEqual([session.id, chainRoot.id]);
    const top = await sessionPage("limit=1");
    expect(top.results[0]?.id).toBe(session.id);
    expect(Date.parse(top.results[0]?.updatedAt ?? "")).toBeGreaterThan(Date.parse(session.updatedAt));
    const newest = await chatPage("limit=2");
    const [chainChat, sessionChat] = newest.results;
    expect(sessionChat?.sessionId).toBe(session.id);
    expect(chainChat?.sessionId).toBeUndefined();
    expect(chainChat?.previousChatId).toBeDefined();
    // A chain chat carries the whole history: the old messages and then the new input.
    expect(chainChat?.messages.length).toBeGreaterThan(1);
    expect(chainChat?.output).toHaveLength(1);
  });

  it("removes conversations for good: gone from the lists, 404 when read; a reset brings them back", async () => {
    const session = (await sessionPage("limit=1&page=30")).results[0];
    if (!session) throw new Error("a 30th session exists");
    const its = await chatPage(`limit=1000&sessionId=${encodeURIComponent(session.id)}`);
    const before = (await chatPage("limit=1")).metadata.totalItems;
    const { body } = await changeConversations(simulator.url, "cozmox", { remove: [session.id] });
    const answer = liveAnswerSchema.parse(body);
    expect(answer.removed.map((removed) => removed.id)).toEqual([session.id]);
    expect(answer.conversations).toBe(share.conversations - 1);
    expect((await get(`/session/${session.id}`)).status).toBe(404);
    for (const chat of its.results) expect((await get(`/chat/${chat.id}`)).status).toBe(404);
    expect((await chatPage("limit=1")).metadata.totalItems).toBe(before - its.results.length);
    await resetSimulator(simulator.url);
    expect((await get(`/session/${session.id}`)).status).toBe(200);
  });

  it("gives the same answers for the same calls after a reset", async () => {
    const run = async () =>
      (await changeConversations(simulator.url, "cozmox", { add: 1, change: 2, remove: 2, messages: 3 }))
        .body;
    const first = await run();
    await resetSimulator(simulator.url);
    expect(await run()).toEqual(first);
  });
});
