import { describe, expect, it } from "vitest";
import { hostileMessages } from "../../core/content";
import { SIMULATOR_NOW } from "../../core/random";
import { createChatlingProvider } from ".";
import { buildChatlingState, chatlingLongThreads, findConversation, messagesOf } from "./data";
import { seedConversation } from "./seed-conversation";
import { generateThread } from "./threads";

function metadataOf(state: ReturnType<typeof buildChatlingState>) {
  return JSON.stringify({
    conversations: [...state.conversationsByChatbot.entries()],
    contacts: [...state.contactsByChatbot.entries()],
  });
}

describe("seed data", () => {
  it("is identical on every build", () => {
    expect(metadataOf(buildChatlingState())).toBe(metadataOf(buildChatlingState()));
  });

  it("starts fast because threads are generated lazily", () => {
    const started = performance.now();
    const provider = createChatlingProvider();
    expect(performance.now() - started).toBeLessThan(300);
    expect(provider.stats()).toMatchObject({ chatbots: 3, conversations: 493, generatedThreads: 0 });
  });

  it("keeps about a tenth archived and a tenth important, and spreads dates over 120 days", () => {
    const records = [...buildChatlingState().conversationsByChatbot.values()].flat();
    const share = (count: number) => count / records.length;
    expect(share(records.filter((record) => record.archived === 1).length)).toBeGreaterThan(0.05);
    expect(share(records.filter((record) => record.archived === 1).length)).toBeLessThan(0.15);
    expect(share(records.filter((record) => record.important === 1).length)).toBeGreaterThan(0.05);
    expect(share(records.filter((record) => record.important === 1).length)).toBeLessThan(0.15);
    const generated = records.filter((record) => record.id !== seedConversation.id);
    const ages = generated.map((record) => (SIMULATOR_NOW - record.createdAtMs) / 86_400_000);
    expect(Math.min(...ages)).toBeGreaterThan(0);
    expect(Math.max(...ages)).toBeLessThanOrEqual(120);
    expect(Math.max(...ages)).toBeGreaterThan(100);
  });

  it("holds seed 004's conversation verbatim, oldest message first in memory", () => {
    const state = buildChatlingState();
    const record = findConversation(state, "9761342719", seedConversation.id);
    expect(record).toMatchObject({ contactId: seedConversation.contact_id, archived: 0, important: 1 });
    expect(record && [...messagesOf(state, record)].reverse()).toEqual(seedConversation.messages);
  });

  it("builds the long threads with exactly 10,000 and 1,000 messages, unique ids and rising times", () => {
    const state = buildChatlingState();
    for (const long of Object.values(chatlingLongThreads)) {
      const record = findConversation(state, long.chatbotId, long.conversationId);
      const messages = record ? messagesOf(state, record) : [];
      expect(messages).toHaveLength(long.messageCount);
      expect(new Set(messages.map((message) => message.id)).size).toBe(long.messageCount);
      const times = messages.map((message) => Date.parse(message.created_at));
      expect(times.every((time, index) => index === 0 || time > (times[index - 1] ?? 0))).toBe(true);
      expect(times.at(-1)).toBeLessThan(SIMULATOR_NOW);
    }
  });
});

describe("generateThread", () => {
  const plan = {
    seed: 1234,
    length: 40,
    startsAt: SIMULATOR_NOW - 86_400_000,
    firstUserText: hostileMessages[1],
    maxUserGapSeconds: 600,
  };

  it("yields the same thread for the same plan", () => {
    expect(generateThread(plan)).toEqual(generateThread(plan));
    expect(generateThread({ ...plan, seed: 1235 })).not.toEqual(generateThread(plan));
  });

  it("opens with the forced first user message and leaves user messages without data", () => {
    const thread = generateThread(plan);
    expect(thread.find((message) => message.role === "user")?.text).toBe(hostileMessages[1]);
    for (const message of thread) {
      if (message.role === "bot") continue;
      expect(message.data).toBeUndefined();
      expect(message.is_ai_kb_response).toBeUndefined();
    }
  });

  it("makes an empty thread for length 0", () => {
    expect(generateThread({ ...plan, length: 0 })).toEqual([]);
  });
});
