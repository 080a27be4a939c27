/**
 * The Cozmox adapter against the chat API as seed 002 documents it, over HTTP: chains and one-off
 * chats become conversations, accounts without `/session` still list everything, delete is
 * `DELETE /chat/{id}` per chat with a precise partial failure, and the chat index refreshes cheaply.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ProviderContext, ProviderConversation } from "@/lib/providers/contract";
import { startSimulator, type RunningSimulator } from "@/simulator/core/server";
import { simulatorKeys } from "@/simulator/keys";
import { createCozmoxProvider } from "@/simulator/providers/cozmox";
import { resetSimulator, startTestSimulator } from "@/simulator/testing";
import { cozmoxAdapter } from "./adapter";
import { chatListRequest, cozmoxTestContext, rejection } from "./adapter-test-kit";
import { cozmoxChatIndex } from "./cozmox-chat-index";

let simulator: RunningSimulator;
beforeAll(async () => {
  simulator = await startTestSimulator();
});
afterAll(async () => simulator.close());
afterEach(async () => resetSimulator(simulator.url));

const request = chatListRequest;

async function everyConversation(context: ProviderContext): Promise<ProviderConversation[]> {
  const page = await cozmoxAdapter.listConversations(context, request());
  expect(page.nextPageToken).toBeNull();
  return page.items;
}

async function rawChat(id: string): Promise<Record<string, unknown>> {
  const response = await fetch(`${simulator.url}/cozmox/chat/${encodeURIComponent(id)}`, {
    headers: { authorization: `Bearer ${simulatorKeys.cozmox.primary}` },
  });
  return (await response.json()) as Record<string, unknown>;
}

async function deleteRaw(id: string): Promise<void> {
  await fetch(`${simulator.url}/cozmox/chat/${encodeURIComponent(id)}`, {
    method: "DELETE",
    headers: { authorization: `Bearer ${simulatorKeys.cozmox.primary}` },
  });
}

describe("conversations built from chats", () => {
  it("lists chains and one-off chats beside sessions, each once", async () => {
    const context = cozmoxTestContext(simulator.url);
    const items = await everyConversation(context);
    expect(items).toHaveLength(521);
    const index = await cozmoxChatIndex(context);
    const chains = [...index.byId.values()].filter((entry) => entry.ref.kind === "chain");
    expect(chains).toHaveLength(172);
    expect(chains.filter((entry) => entry.chats.length === 1)).toHaveLength(37);
    expect(new Set(items.map((item) => item.id)).size).toBe(521);
    expect(index.chats.size).toBe(2957);
  });

  it("reads a chain's thread from its latest chat, every message once, with the chat count's user turns", async () => {
    const context = cozmoxTestContext(simulator.url);
    const index = await cozmoxChatIndex(context);
    const chain = [...index.byId.values()].find(
      (entry) => entry.ref.kind === "chain" && entry.chats.length >= 5,
    );
    if (!chain) throw new Error("no chain of five chats");
    const thread = await cozmoxAdapter.listMessages(context, chain.id, { offset: 0, limit: 10_000 });
    const latest = await rawChat(chain.chats.at(-1)?.id ?? "");
    const history = [...(latest.messages as unknown[]), ...(latest.output as unknown[])];
    expect(thread.total).toBe(history.length);
    expect(thread.messages.filter((message) => message.role === "user")).toHaveLength(chain.chats.length);
    expect(thread.messages.map((message) => message.id)).toEqual(
      history.map((_, index) => `${chain.id}:${index}`),
    );
    const row = (await everyConversation(context)).find((item) => item.id === chain.id);
    expect(row?.messageCount).toBe(thread.total);
    const detail = await cozmoxAdapter.getConversation(context, chain.id);
    expect(detail.extras[0]).toMatchObject({ title: "Chained chats" });
    expect(detail.cost?.usd).toBeGreaterThan(0);
  });

  it("treats a chain whose latest chat was deleted elsewhere as shorter, and a gone chain as not_found", async () => {
    const context = cozmoxTestContext(simulator.url);
    const index = await cozmoxChatIndex(context);
    const chain = [...index.byId.values()].find(
      (entry) => entry.ref.kind === "chain" && entry.chats.length === 2,
    );
    if (!chain) throw new Error("no chain of two chats");
    await deleteRaw(chain.chats[1]?.id ?? "");
    const shorter = await cozmoxAdapter.listMessages(context, chain.id, { offset: 0, limit: 100 });
    expect(shorter.total).toBe(chain.chats[0]?.historyLength);
    await deleteRaw(chain.chats[0]?.id ?? "");
    expect(
      (await rejection(cozmoxAdapter.listMessages(context, chain.id, { offset: 0, limit: 10 }))).code,
    ).toBe("not_found");
  });
});

describe("an account without the sessions API", () => {
  for (const sessions of ["absent", "empty"] as const) {
    it(`lists every conversation from chats when /session is ${sessions}`, async () => {
      const bare = await startSimulator({ port: 0, providers: [createCozmoxProvider({ sessions })] });
      try {
        const context = cozmoxTestContext(bare.url);
        await expect(cozmoxAdapter.verify(context)).resolves.toBeUndefined();
        const items = await everyConversation(context);
        expect(items).toHaveLength(521);
        expect(items.every((item) => item.status === null && item.owner === null)).toBe(true);
        // The session's name is the session API's; without it, the title is a chat's name, if any.
        const long = items.find((item) => item.id === "7205b308-a2dd-4ee8-bd20-5e1e2b36767a");
        expect(long?.messageCount).toBeGreaterThan(400);
        expect(long?.title).not.toBe("Long-running support thread");
        expect((await cozmoxAdapter.getConversation(context, "<string>")).cost?.usd).toBe(123);
        const thread = await cozmoxAdapter.listMessages(context, "<string>", { offset: 0, limit: 10 });
        expect(thread.messages.map((message) => message.text)).toEqual([
          "Hello, how can you help me?",
          "<string>",
        ]);
      } finally {
        await bare.close();
      }
    });
  }
});

describe("delete at provider", () => {
  it("deletes every chat of a chain with DELETE /chat/{id}", async () => {
    const context = cozmoxTestContext(simulator.url);
    const chain = [...(await cozmoxChatIndex(context)).byId.values()].find(
      (entry) => entry.ref.kind === "chain" && entry.chats.length >= 3,
    );
    if (!chain) throw new Error("no chain of three chats");
    await cozmoxAdapter.deleteAtProvider?.(context, chain.id);
    for (const chat of chain.chats) expect(await rawChat(chat.id)).toMatchObject({ statusCode: 404 });
    expect((await everyConversation(context)).map((item) => item.id)).not.toContain(chain.id);
  });

  it("reports which chats are gone and which remain when some deletes fail, and finishes on a retry", async () => {
    let failing: string | null = null;
    const fetchImpl: typeof fetch = async (input, init) => {
      const url = input instanceof URL ? input.href : String(input);
      if (init?.method === "DELETE" && failing !== null && url.endsWith(`/chat/${failing}`))
        return Response.json(
          { statusCode: 503, message: "Service Unavailable", error: "Service Unavailable" },
          { status: 503 },
        );
      return fetch(input, init);
    };
    const context = cozmoxTestContext(simulator.url, { fetchImpl });
    const session = [...(await cozmoxChatIndex(context)).byId.values()].find(
      (entry) => entry.ref.kind === "session" && entry.chats.length >= 4,
    );
    if (!session) throw new Error("no session of four chats");
    const ids = session.chats.map((chat) => chat.id);
    failing = ids[2] ?? null;

    const error = await rejection(cozmoxAdapter.deleteAtProvider?.(context, session.id) ?? Promise.resolve());
    expect(error.code).toBe("unavailable");
    expect(error.details.partial).toEqual({
      unit: "chat",
      done: ids.filter((id) => id !== failing),
      notDone: [failing],
    });
    expect(error.message).toContain(`deleted ${ids.length - 1} of ${ids.length} chats`);
    expect(error.message).toContain(`1 remain (${failing})`);
    expect(await rawChat(failing ?? "")).toMatchObject({ id: failing });
    const left = await cozmoxAdapter.getConversation(context, session.id);
    expect(left.extras[0]?.fields).toContainEqual({ label: "Chats", value: "1" });

    failing = null;
    await cozmoxAdapter.deleteAtProvider?.(context, session.id);
    expect((await rejection(cozmoxAdapter.getConversation(context, session.id))).code).toBe("not_found");
  });
});

describe("the chat index", () => {
  it("asks only for the count and the new chats, reuses itself for lookups, and reads everything after a delete elsewhere", async () => {
    const paths: string[] = [];
    const fetchImpl: typeof fetch = async (input, init) => {
      const url = new URL(input instanceof URL ? input.href : String(input));
      paths.push(`${url.pathname.replace(/^\/cozmox/, "")}${url.search}`);
      return fetch(input, init);
    };
    const context = cozmoxTestContext(simulator.url, { fetchImpl });
    await cozmoxChatIndex(context);
    // 2,957 chats, read whole in pages of 1,000 (Cozmox's largest).
    expect(paths.filter((path) => path.startsWith("/chat?"))).toHaveLength(3);

    paths.length = 0;
    await cozmoxChatIndex(context);
    const chatCalls = paths.filter((path) => path.startsWith("/chat?"));
    expect(chatCalls).toHaveLength(2);
    expect(chatCalls.some((path) => path.includes("limit=0"))).toBe(true);
    expect(chatCalls.some((path) => path.includes("createdAtGe="))).toBe(true);

    // A detail lookup right after reuses the index instead of asking again.
    const index = await cozmoxChatIndex(context);
    paths.length = 0;
    await cozmoxAdapter.getConversation(context, index.byRecency[3]?.id ?? "");
    expect(paths.filter((path) => path.startsWith("/chat"))).toEqual([]);

    await deleteRaw([...index.chats.keys()][100] ?? "");
    paths.length = 0;
    const reread = await cozmoxChatIndex(context);
    // The changes are asked for (and fall short of the count), then every page is read again.
    const wholePages = paths.filter(
      (path) => path.startsWith("/chat?") && path.includes("limit=1000") && path.includes("sortOrder=DESC"),
    );
    expect(wholePages).toHaveLength(3);
    expect(reread.chats.size).toBe(2956);
  });

  it("asks Cozmox what changed for a first page only: the following pages read the index it refreshed", async () => {
    const paths: string[] = [];
    const fetchImpl: typeof fetch = async (input, init) => {
      const url = new URL(input instanceof URL ? input.href : String(input));
      paths.push(`${url.pathname.replace(/^\/cozmox/, "")}${url.search}`);
      return fetch(input, init);
    };
    const context = cozmoxTestContext(simulator.url, { fetchImpl });
    const seen = new Set<string>();
    let page = await cozmoxAdapter.listConversations(context, request({ pageSize: 100 }));
    page.items.forEach((item) => seen.add(item.id));
    paths.length = 0;
    let following = 0;
    while (page.nextPageToken) {
      page = await cozmoxAdapter.listConversations(
        context,
        request({ pageSize: 100, pageToken: page.nextPageToken }),
      );
      page.items.forEach((item) => seen.add(item.id));
      following += 1;
    }
    expect(following).toBe(5);
    expect(seen.size).toBe(521);
    expect(paths.filter((path) => !path.startsWith("/assistant"))).toEqual([]);

    // A new first page asks again (the count and the new chats).
    await cozmoxAdapter.listConversations(context, request({ pageSize: 100 }));
    expect(paths.filter((path) => path.startsWith("/chat?"))).toHaveLength(2);
  });
});
