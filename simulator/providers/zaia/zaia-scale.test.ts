import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { hostileMessages } from "../../core/content";
import { splitScale, type ScaleShare } from "../../core/scale";
import type { RunningSimulator } from "../../core/server";
import { changeConversations, resetSimulator, startTestSimulator } from "../../testing";
import { providerRegistrations } from "../index";
import { chatMessages, messageCountOf } from "./chat-messages";
import { generateZaiaSeedData, zaiaHostileChatIds, zaiaLongThreadIds } from "./data";
import { createZaiaProvider } from "./index";
import { builtMessageCount } from "./thread";
import { zaiaClient, type ZaiaRow } from "./zaia-test-client";

const share = splitScale(2_000, providerRegistrations).get("zaia") as ScaleShare;
const LONG_THREADS = 100 + 1_000 + 10_000;

describe("Zaia at scale", () => {
  it("builds exactly its share of chats, deterministically, with about ten messages each", () => {
    const data = generateZaiaSeedData(share);
    expect(data.chats).toHaveLength(share.conversations);
    expect(new Set(data.chats.map((chat) => chat.id)).size).toBe(share.conversations);
    expect(data.owners.length).toBeGreaterThanOrEqual(200);
    expect(generateZaiaSeedData(share)).toEqual(data);
    const messages = data.chats.reduce((sum, chat) => sum + messageCountOf(chat), 0);
    expect((messages - LONG_THREADS) / share.conversations).toBeGreaterThan(8.5);
    expect((messages - LONG_THREADS) / share.conversations).toBeLessThan(11.5);
    expect(createZaiaProvider({ scale: share }).live?.size()).toEqual({
      conversations: share.conversations,
      messages,
    });
  });

  it("builds no message at start-up: even the last two are computed when a chat is shown", () => {
    const before = builtMessageCount();
    const provider = createZaiaProvider({ scale: share });
    expect(builtMessageCount()).toBe(before);
    expect(provider.stats()).toMatchObject({ chats: share.conversations });
  });

  it("keeps the demo's shapes: long threads, hostile first messages, hand-overs and every script", () => {
    const { chats } = generateZaiaSeedData(share);
    const byId = new Map(chats.map((chat) => [chat.id, chat]));
    expect(byId.get(zaiaLongThreadIds.tenThousand)?.thread.count).toBe(10_000);
    const script = byId.get(zaiaHostileChatIds.script);
    if (!script) throw new Error("the hostile chat exists at scale");
    const firstUser = chatMessages(script).find((message) => message.role === "user");
    expect(firstUser?.content).toBe(hostileMessages[0]);
    const sample = chats.slice(0, 300).flatMap((chat) => chatMessages(chat));
    expect(sample.some((message) => message.role === "human")).toBe(true);
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

describe("Zaia live changes (POST /__admin/conversations/zaia)", () => {
  let simulator: RunningSimulator;
  let zaia: ReturnType<typeof zaiaClient>;
  beforeAll(async () => {
    simulator = await startTestSimulator();
    zaia = zaiaClient(simulator.url);
  });
  afterAll(async () => {
    await simulator.close();
  });
  afterEach(async () => {
    await resetSimulator(simulator.url);
  });

  const top = (count: number) => zaia.rows(`/api/v1/chats?pageSize=${count}`);

  it("adds chats with exactly the asked messages, newest of all, so they lead the list", async () => {
    const previousTop = (await top(1))[0] as ZaiaRow;
    const { status, body } = await changeConversations(simulator.url, "zaia", { add: 2, messages: 3 });
    expect(status).toBe(200);
    const { added, conversations } = body as {
      added: { id: string; lastActivityAt: string }[];
      conversations: number;
    };
    expect(conversations).toBe(562);
    const rows = await top(3);
    expect(rows.map((row) => row.id)).toEqual([added[1]?.id, added[0]?.id, previousTop.id]);
    expect(rows[0]?.lastChatMessageCreatedAt).toBe(added[1]?.lastActivityAt);
    for (const chat of added) {
      const messages = await zaia.rows(`/api/v1/chat-messages?chatId=${chat.id}`);
      expect(messages).toHaveLength(3);
      expect(messages.at(-1)?.createdAt).toBe(chat.lastActivityAt);
    }
  });

  it("changes a chat: new messages after its last, last activity and updatedAt move, it leads the list", async () => {
    const chat = (await top(50))[40] as ZaiaRow;
    const id = String(chat.id);
    const before = await zaia.rows(`/api/v1/chat-messages?chatId=${id}&pagination[limit]=1000`);
    const { body } = await changeConversations(simulator.url, "zaia", { change: [id], messages: 2 });
    const changed = (body as { changed: { lastActivityAt: string; messages: number }[] }).changed[0];
    expect(changed?.messages).toBe(before.length + 2);
    const after = await zaia.rows(`/api/v1/chat-messages?chatId=${id}&pagination[limit]=1000`);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after).toHaveLength(before.length + 2);
    const lean = (await top(1))[0] as ZaiaRow;
    expect(lean.id).toBe(id);
    expect(lean.lastChatMessageCreatedAt).toBe(changed?.lastActivityAt);
    expect(lean.updatedAt).toBe(changed?.lastActivityAt);
    const details = await zaia.call("GET", `/api/v1/chats/${id}/details`);
    expect(details.body).toMatchObject({
      lastMessageCreatedAt: changed?.lastActivityAt,
      lastMessageContent: after.at(-1)?.content,
      penultimateMessageContent: after.at(-2)?.content,
    });
    const since = await zaia.rows(
      `/api/v1/chats?lastChatMessageCreatedAtStart=${encodeURIComponent(String(changed?.lastActivityAt))}`,
    );
    expect(since.map((row) => row.id)).toEqual([id]);
  });

  it("removes chats for good: 404 when read, gone from every list", async () => {
    const id = String(((await top(5))[2] as ZaiaRow).id);
    const { status } = await changeConversations(simulator.url, "zaia", { remove: [id] });
    expect(status).toBe(200);
    expect((await zaia.call("GET", `/api/v1/chats/${id}`)).status).toBe(404);
    expect((await zaia.call("GET", `/api/v1/chat-messages?chatId=${id}`)).status).toBe(404);
    const everyChat = await zaia.allRows("/api/v1/chats");
    expect(everyChat).toHaveLength(559);
    expect(everyChat.some((row) => row.id === id)).toBe(false);
  });

  it("repeats exactly after a reset, and works at scale", async () => {
    const run = async () =>
      (await changeConversations(simulator.url, "zaia", { add: 1, change: 3, remove: 1 })).body;
    const first = await run();
    await resetSimulator(simulator.url);
    expect(await run()).toEqual(first);

    const scaled = await startTestSimulator({ scale: 2_000 });
    try {
      const { status, body } = await changeConversations(scaled.url, "zaia", {
        add: 5,
        change: 5,
        remove: 5,
      });
      expect(status).toBe(200);
      expect((body as { conversations: number }).conversations).toBe(share.conversations + 5 - 5);
    } finally {
      await scaled.close();
    }
  });
});
