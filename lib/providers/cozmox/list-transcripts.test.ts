/**
 * List pages that carry transcripts (`listCarriesTranscripts`), against the simulator's demo org:
 * every conversation's list transcript is exactly what `listMessages` returns for it (sessions
 * built chat by chat, chains from their latest chat only), in the org's few `GET /chat` pages; a
 * list not asked for them keeps no text; changes (new chats in a chain and a session) are
 * carried by the next page.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ProviderContext, ProviderConversation } from "@/lib/providers/contract";
import type { RunningSimulator } from "@/simulator/core/server";
import { changeConversations, resetSimulator, startTestSimulator } from "@/simulator/testing";
import { cozmoxAdapter } from "./adapter";
import { chatListRequest, cozmoxTestContext } from "./adapter-test-kit";
import { cozmoxChatIndex } from "./cozmox-chat-index";

let simulator: RunningSimulator;
beforeAll(async () => {
  simulator = await startTestSimulator();
});
afterAll(async () => simulator.close());
afterEach(async () => resetSimulator(simulator.url));

const request = chatListRequest;

/** A context that counts its calls by path. */
function countingContext(): { context: ProviderContext; calls: string[] } {
  const calls: string[] = [];
  const context = cozmoxTestContext(simulator.url, {
    fetchImpl: (input, init) => {
      calls.push(new URL(String(input instanceof Request ? input.url : input)).pathname);
      return fetch(input, init);
    },
  });
  return { context, calls };
}

async function expectSameAsListMessages(context: ProviderContext, items: readonly ProviderConversation[]) {
  for (const item of items) {
    const read = await cozmoxAdapter.listMessages(context, item.id, { offset: 0, limit: 100_000 });
    expect(read.hasMore).toBe(false);
    expect(item.transcript, item.id).toEqual(read.messages);
    expect(item.transcript?.length).toBe(item.messageCount);
  }
}

describe("Cozmox list pages with transcripts", () => {
  it("carry every conversation's whole thread, equal to listMessages, from a few list calls", async () => {
    const { context, calls } = countingContext();
    const page = await cozmoxAdapter.listConversations(context, request({ transcripts: true }));
    expect(page.nextPageToken).toBeNull();
    expect(page.items.length).toBeGreaterThan(500);
    expect(page.items.every((item) => item.transcript !== undefined)).toBe(true);
    // The org's chats (about 3,000) in pages of 1,000, its sessions, its assistants: no call per conversation.
    expect(calls.filter((path) => path.endsWith("/chat"))).toHaveLength(3);
    expect(calls.length).toBeLessThanOrEqual(6);
    const index = await cozmoxChatIndex(context, { maxAgeMs: 60_000 });
    const kinds = new Set(page.items.map((item) => index.byId.get(item.id)?.ref.kind));
    expect(kinds).toEqual(new Set(["session", "chain"]));
    await expectSameAsListMessages(context, page.items);
  });

  it("keep no text when not asked; asked later, they read the org again and carry it", async () => {
    const context = cozmoxTestContext(simulator.url);
    const plain = await cozmoxAdapter.listConversations(context, request());
    expect(plain.items.some((item) => item.transcript !== undefined)).toBe(false);
    const index = await cozmoxChatIndex(context, { maxAgeMs: 60_000 });
    expect([...index.chats.values()].every((chat) => chat.thread === null)).toBe(true);
    const asked = await cozmoxAdapter.listConversations(context, request({ transcripts: true }));
    expect(asked.items.every((item) => item.transcript !== undefined)).toBe(true);
  });

  it("carry the new thread after chats are added to a chain and to a session", async () => {
    const context = cozmoxTestContext(simulator.url);
    const first = await cozmoxAdapter.listConversations(context, request({ transcripts: true }));
    const index = await cozmoxChatIndex(context, { maxAgeMs: 60_000 });
    const chain = first.items.find((item) => index.byId.get(item.id)?.ref.kind === "chain");
    const session = first.items.find((item) => index.byId.get(item.id)?.ref.kind === "session");
    if (!chain || !session) throw new Error("expected a chain and a session");
    const changed = await changeConversations(simulator.url, "cozmox", {
      change: [chain.id.replace(/^chat:/, ""), session.id],
      add: 1,
      messages: 3,
    });
    expect(changed.status).toBe(200);
    const next = await cozmoxAdapter.listConversations(context, request({ transcripts: true }));
    const moved = next.items.filter(
      (item) =>
        item.id === chain.id ||
        item.id === session.id ||
        !first.items.some((earlier) => earlier.id === item.id),
    );
    expect(moved).toHaveLength(3);
    for (const item of moved) {
      const before = first.items.find((earlier) => earlier.id === item.id);
      expect(item.transcript?.length).toBe((before?.transcript?.length ?? 0) + 3);
    }
    await expectSameAsListMessages(context, moved);
  });
});
