import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { hostileMessages } from "../../core/content";
import { splitScale, type ScaleShare } from "../../core/scale";
import type { RunningSimulator } from "../../core/server";
import { simulatorKeys } from "../../keys";
import { changeConversations, resetSimulator, startTestSimulator } from "../../testing";
import { providerRegistrations } from "../index";
import {
  buildChatlingState,
  chatlingHostileConversations,
  chatlingLongThreads,
  findConversation,
  messageCountOf,
  messagesOf,
  pinThread,
} from "./data";
import { createChatlingProvider } from "./index";
import type { ChatlingConversation, ChatlingMessage, ChatlingPages } from "./wire";

const share = splitScale(2_000, providerRegistrations).get("chatling") as ScaleShare;
const LONG_THREADS = 10_000 + 1_000;
const chatbotId = "4309158726";

describe("Chatling at scale", () => {
  it("builds exactly its share of conversations over the three chatbots, deterministically", () => {
    const state = buildChatlingState(share);
    const records = [...state.conversationsByChatbot.values()].flat();
    expect(records).toHaveLength(share.conversations);
    expect(state.conversationIndex.size).toBe(share.conversations);
    expect([...state.conversationsByChatbot.values()].every((list) => list.length > 140)).toBe(true);
    const again = buildChatlingState(share);
    expect(JSON.stringify([...again.conversationsByChatbot])).toBe(
      JSON.stringify([...state.conversationsByChatbot]),
    );
    const messages = records.reduce((sum, record) => sum + messageCountOf(record), 0);
    expect((messages - LONG_THREADS) / share.conversations).toBeGreaterThan(8.5);
    expect((messages - LONG_THREADS) / share.conversations).toBeLessThan(11.5);
  });

  it("generates no thread at start-up, and keeps only a bounded number of threads", () => {
    const provider = createChatlingProvider({ scale: share });
    expect(provider.stats()).toMatchObject({ conversations: share.conversations, generatedThreads: 0 });
    const state = buildChatlingState({ conversations: 3_000, seed: 7 });
    for (const record of state.conversationIndex.values()) messagesOf(state, record);
    expect(state.threads.size).toBe(1_000);
  });

  it("keeps the demo's shapes: seed 004, hostile and long threads, knowledge-base answers, every script", () => {
    const state = buildChatlingState(share);
    const hostile = chatlingHostileConversations[0];
    const record = hostile && findConversation(state, hostile.chatbotId, hostile.conversationId);
    expect(record && messagesOf(state, record).find((message) => message.role === "user")?.text).toBe(
      hostileMessages[0],
    );
    const long = chatlingLongThreads.tenThousand;
    const longRecord = findConversation(state, long.chatbotId, long.conversationId);
    expect(longRecord && messageCountOf(longRecord)).toBe(10_000);
    expect(findConversation(state, "9761342719", "8977617953")).toBeDefined();
    const sample = [...state.conversationIndex.values()]
      .slice(0, 300)
      .flatMap((item) => messagesOf(state, item));
    expect(sample.some((message) => message.data && message.data.sources.length > 0)).toBe(true);
    const text = JSON.stringify(sample);
    for (const pattern of [
      /\*\*/,
      /\p{Script=Arabic}/u,
      /\p{Script=Hebrew}/u,
      /\p{Script=Han}/u,
      /\p{Script=Hangul}/u,
    ])
      expect(text).toMatch(pattern);
  });
});

describe("Chatling live changes (POST /__admin/conversations/chatling)", () => {
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

  async function get<T>(path: string): Promise<T> {
    // The secondary key: these tests must not spend the primary key's 300-a-minute budget.
    const response = await fetch(`${simulator.url}/chatling/v2${path}`, {
      headers: { authorization: `Bearer ${simulatorKeys.chatling.secondary}` },
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { data: T }).data;
  }
  const newest = (bot: string) =>
    get<{ pages: ChatlingPages; conversations: ChatlingConversation[] }>(`/chatbots/${bot}/conversations`);

  it("adds conversations over the chatbots in turn, created last, with exactly the asked messages", async () => {
    const { status, body } = await changeConversations(simulator.url, "chatling", { add: 4, messages: 5 });
    expect(status).toBe(200);
    const added = (
      body as { added: { id: string; scope: string; messages: number; lastActivityAt: string }[] }
    ).added;
    expect(added.map((item) => item.scope)).toEqual(["9761342719", chatbotId, "6624870135", "9761342719"]);
    const first = (await newest("9761342719")).conversations;
    expect(first.slice(0, 2).map((item) => item.id)).toEqual([added[3]?.id, added[0]?.id]);
    const messages = await get<{ messages: ChatlingMessage[] }>(
      `/chatbots/9761342719/conversations/${added[0]?.id}/messages?sort=date_asc`,
    );
    expect(messages.messages).toHaveLength(5);
    expect(added[0]?.lastActivityAt).toBe(messages.messages.at(-1)?.created_at);
    expect(added.every((item) => item.messages === 5)).toBe(true);
  });

  it("changes a conversation: new messages after its last, shown among the embedded newest", async () => {
    const target = (await newest(chatbotId)).conversations[4] as ChatlingConversation;
    const before = await get<{ pages: ChatlingPages }>(
      `/chatbots/${chatbotId}/conversations/${target.id}/messages`,
    );
    const { body } = await changeConversations(simulator.url, "chatling", {
      change: [target.id],
      messages: 2,
    });
    const changed = (body as { changed: { lastActivityAt: string; scope: string }[] }).changed[0];
    expect(changed?.scope).toBe(chatbotId);
    const list = (await newest(chatbotId)).conversations;
    expect(list[4]?.id).toBe(target.id);
    const embedded = list[4]?.messages ?? [];
    expect(embedded[0]?.created_at).toBe(changed?.lastActivityAt);
    expect(Date.parse(embedded[1]?.created_at ?? "")).toBeGreaterThan(
      Date.parse(target.messages[0]?.created_at ?? ""),
    );
    expect(embedded[2]).toEqual(target.messages[0]);
    const single = await get<ChatlingConversation>(`/chatbots/${chatbotId}/conversations/${target.id}`);
    expect(single.messages[0]?.created_at).toBe(changed?.lastActivityAt);
    const after = await get<{ pages: ChatlingPages }>(
      `/chatbots/${chatbotId}/conversations/${target.id}/messages`,
    );
    expect(after.pages.last_page).toBeGreaterThanOrEqual(before.pages.last_page);
  });

  it("removes conversations: 404 when read, gone from the list; a reset brings them back", async () => {
    const target = (await newest(chatbotId)).conversations[0] as ChatlingConversation;
    const { status } = await changeConversations(simulator.url, "chatling", { remove: [target.id] });
    expect(status).toBe(200);
    const gone = await fetch(
      `${simulator.url}/chatling/v2/chatbots/${chatbotId}/conversations/${target.id}`,
      {
        headers: { authorization: `Bearer ${simulatorKeys.chatling.secondary}` },
      },
    );
    expect(gone.status).toBe(404);
    expect((await newest(chatbotId)).conversations.some((item) => item.id === target.id)).toBe(false);
    const stats = (await (await fetch(`${simulator.url}/__admin/stats`)).json()) as {
      chatling: { conversations: number };
    };
    expect(stats.chatling.conversations).toBe(492);
    await resetSimulator(simulator.url);
    expect((await newest(chatbotId)).conversations[0]?.id).toBe(target.id);
  });

  it("keeps a rated answer although the thread cache moves on (the route pins rated threads)", () => {
    const state = buildChatlingState({ conversations: 3_000, seed: 7 });
    const record = [...state.conversationIndex.values()].find(
      (item) => item.thread.kind === "planned" && messagesOf(state, item).some((message) => message.data),
    );
    if (!record) throw new Error("some conversation has a knowledge-base answer");
    const answer = messagesOf(state, record).find((message) => message.data) as ChatlingMessage;
    const rated = {
      helpful_value: 1 as const,
      sources: [{ type: "text", title: "pinned", url: "https://x.test" }],
    };
    answer.data = rated;
    pinThread(state, record);
    for (const other of state.conversationIndex.values()) messagesOf(state, other);
    expect(messagesOf(state, record).find((message) => message.id === answer.id)?.data).toEqual(rated);
  });

  it("repeats exactly after a reset", async () => {
    const run = async () =>
      (await changeConversations(simulator.url, "chatling", { add: 2, change: 2, remove: 2 })).body;
    const first = await run();
    await resetSimulator(simulator.url);
    expect(await run()).toEqual(first);
  });
});
