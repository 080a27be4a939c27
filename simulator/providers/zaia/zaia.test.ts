import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "../../core/server";
import { simulatorKeys } from "../../keys";
import { startTestSimulator } from "../../testing";
import { zaiaAgents, zaiaChannels, zaiaChannelTypes, zaiaSquads } from "./catalog";
import { zaiaHostileChatIds, zaiaLongThreadIds } from "./data";
import { detailChatKeys, leanChatKeys, uuidV4, zaiaClient, type ZaiaRow } from "./zaia-test-client";

let simulator: RunningSimulator;
let zaia: ReturnType<typeof zaiaClient>;
let everyChat: ZaiaRow[];

beforeAll(async () => {
  simulator = await startTestSimulator();
  zaia = zaiaClient(simulator.url);
  everyChat = await zaia.allRows("/api/v1/chats");
});
afterAll(async () => simulator.close());

const text = (row: ZaiaRow, key: string): string => {
  const value = row[key];
  if (typeof value !== "string") throw new Error(`${key} is not a string: ${JSON.stringify(value)}`);
  return value;
};
/** Sorts like Zaia's lists: last message time, or creation for chats without messages. */
const sortTime = (row: ZaiaRow): string =>
  typeof row.lastChatMessageCreatedAt === "string" ? row.lastChatMessageCreatedAt : text(row, "createdAt");

describe("auth", () => {
  it("answers a missing key with Zaia's own 401 body", async () => {
    const answer = await zaia.call("GET", "/api/v1/chats", { authorization: null });
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({ message: "Unauthorized." });
  });

  it("refuses a Bearer-prefixed or wrong key and accepts the raw secondary key", async () => {
    const bearer = await zaia.call("GET", "/api/v1/chats", {
      authorization: `Bearer ${simulatorKeys.zaia.primary}`,
    });
    expect(bearer.status).toBe(401);
    const wrong = await zaia.call("GET", "/api/v1/chats", { authorization: simulatorKeys.chatling.primary });
    expect(wrong.status).toBe(401);
    const secondary = await zaia.call("GET", "/api/v1/chats", {
      authorization: simulatorKeys.zaia.secondary,
    });
    expect(secondary.status).toBe(200);
  });
});

describe("GET /api/v1/chats", () => {
  it("returns a bare array of 10 lean chats by default, with exactly the seed's fields", async () => {
    const rows = await zaia.rows("/api/v1/chats");
    expect(rows).toHaveLength(10);
    for (const row of rows) {
      expect(Object.keys(row)).toEqual(leanChatKeys);
      expect(text(row, "id")).toMatch(uuidV4);
      expect(text(row, "workspaceId")).toMatch(uuidV4);
    }
  });

  it("pages from 1 to the end without duplicates, newest first, removed chats included", async () => {
    expect(everyChat.length).toBeGreaterThanOrEqual(540);
    expect(new Set(everyChat.map((row) => row.id)).size).toBe(everyChat.length);
    const times = everyChat.map(sortTime);
    expect([...times].sort().reverse()).toEqual(times);
    expect(everyChat.some((row) => row.isRemoved === true)).toBe(true);
    const beyond = await zaia.rows("/api/v1/chats?pageSize=100&pageNumber=99");
    expect(beyond).toEqual([]);
  });

  it("narrows by channelIds as a single value and as repeated keys", async () => {
    const [first, second] = zaiaChannels;
    if (!first || !second) throw new Error("catalog has channels");
    const single = await zaia.allRows(`/api/v1/chats?channelIds=${first.id}`);
    expect(single.length).toBeGreaterThan(0);
    expect(single.every((row) => row.channelId === first.id)).toBe(true);
    const both = await zaia.allRows(`/api/v1/chats?channelIds=${first.id}&channelIds=${second.id}`);
    const secondOnly = await zaia.allRows(`/api/v1/chats?channelIds[]=${second.id}`);
    expect(both.length).toBe(single.length + secondOnly.length);
  });

  it("narrows by channelTypes", async () => {
    const instagram = zaiaChannels
      .filter((channel) => channel.type === "instagram")
      .map((channel) => channel.id);
    const rows = await zaia.allRows("/api/v1/chats?channelTypes=instagram");
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(everyChat.length);
    expect(rows.every((row) => typeof row.channelId === "string" && instagram.includes(row.channelId))).toBe(
      true,
    );
  });

  it("narrows by ownerIds, responderIds and responderVersionIds", async () => {
    const sample = everyChat.find((row) => row.currentResponderId !== null);
    if (!sample) throw new Error("no chat with a responder");
    const byOwner = await zaia.allRows(`/api/v1/chats?ownerIds=${text(sample, "ownerId")}`);
    expect(byOwner.length).toBeGreaterThan(0);
    expect(byOwner.every((row) => row.ownerId === sample.ownerId)).toBe(true);

    const squad = zaiaSquads[0];
    if (!squad) throw new Error("catalog has a squad");
    const bySquad = await zaia.allRows(`/api/v1/chats?responderIds=${squad.superIdentityId}`);
    expect(bySquad.length).toBeGreaterThan(0);
    expect(bySquad.length).toBeLessThan(everyChat.length);
    expect(bySquad.every((row) => row.responderId === squad.superIdentityId)).toBe(true);

    const version = zaiaAgents[0]?.versions[2];
    if (!version) throw new Error("Aurora has three versions");
    const byVersion = await zaia.allRows(`/api/v1/chats?responderVersionIds=${version.id}`);
    expect(byVersion.length).toBeGreaterThan(0);
    for (const row of byVersion.slice(0, 5)) {
      const details = await zaia.call("GET", `/api/v1/chats/${text(row, "id")}/details`);
      expect(details.body).toMatchObject({ responderVersionId: version.id, responderVersionNumber: 3 });
    }
  });

  it("narrows by an inclusive last-message date range", async () => {
    const pivot = everyChat[20];
    if (!pivot) throw new Error("enough chats");
    const at = text(pivot, "lastChatMessageCreatedAt");
    const exact = await zaia.allRows(
      `/api/v1/chats?lastChatMessageCreatedAtStart=${encodeURIComponent(at)}&lastChatMessageCreatedAtEnd=${encodeURIComponent(at)}`,
    );
    expect(exact.map((row) => row.id)).toContain(pivot.id);
    const start = "2026-11-01T00:00:00.000Z";
    const recent = await zaia.allRows(`/api/v1/chats?lastChatMessageCreatedAtStart=${start}`);
    expect(recent.length).toBeGreaterThan(0);
    expect(recent.length).toBeLessThan(everyChat.length);
    expect(recent.every((row) => text(row, "lastChatMessageCreatedAt") >= start)).toBe(true);
  });

  it("searches titles, owners and last messages case-insensitively", async () => {
    const rows = await zaia.allRows("/api/v1/chats?search=REFUND");
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(everyChat.length);
    const none = await zaia.rows("/api/v1/chats?search=zzz-no-such-text");
    expect(none).toEqual([]);
  });

  it.each([
    ["pageSize=101", "pageSize"],
    ["pageSize=0", "pageSize"],
    ["pageNumber=abc", "pageNumber"],
    ["pageNumber=0", "pageNumber"],
    ["pageNumber=1.5", "pageNumber"],
    ["channelTypes=sms", "channelTypes"],
    ["channelIds=not-a-uuid", "channelIds"],
    ["lastChatMessageCreatedAtStart=yesterday", "lastChatMessageCreatedAtStart"],
  ])("answers %s with a 400 naming the parameter", async (query, name) => {
    const answer = await zaia.call("GET", `/api/v1/chats?${query}`);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ message: expect.stringContaining(name) });
  });
});

describe("GET /api/v1/chats/details", () => {
  it("returns chats with exactly the seed's detail fields, in the lean list's order", async () => {
    const rows = await zaia.rows("/api/v1/chats/details?pageSize=25");
    expect(rows).toHaveLength(25);
    for (const row of rows) expect(Object.keys(row)).toEqual(detailChatKeys);
    expect(rows.map((row) => row.id)).toEqual(everyChat.slice(0, 25).map((row) => row.id));
  });

  it("has real nulls on a good share of nullable fields, and unicode", async () => {
    const rows = await zaia.allRows("/api/v1/chats/details");
    expect(rows.length).toBe(everyChat.length);
    const share = (key: string) => rows.filter((row) => row[key] === null).length / rows.length;
    for (const key of [
      "title",
      "channelId",
      "responderVersionId",
      "ticketId",
      "ownerName",
      "ownerIdentifier",
    ])
      expect(share(key), key).toBeGreaterThan(0.03);
    for (const key of ["lastMessageContent", "penultimateMessageRole", "isOwnerBlocked", "ownerEmail"])
      expect(share(key), key).toBeGreaterThan(0.01);
    const tickets = rows.filter((row) => row.ticketId !== null);
    expect(tickets.length / rows.length).toBeGreaterThan(0.12);
    expect(new Set(tickets.map((row) => row.ticketStatus))).toEqual(new Set(["open", "pending", "closed"]));
    expect(new Set(rows.map((row) => row.channelType))).toEqual(new Set([...zaiaChannelTypes, null]));
    expect(new Set(rows.map((row) => row.responderEntity))).toEqual(new Set(["agent", "squad"]));
    const allText = JSON.stringify(rows);
    for (const sample of ["📦", "مرحبا", "你好", "שלום"]) expect(allText).toContain(sample);
  });

  it("applies the seed's filters and ignores the lean-only ones", async () => {
    const channel = zaiaChannels[2];
    if (!channel) throw new Error("catalog has channels");
    const rows = await zaia.allRows(`/api/v1/chats/details?channelIds=${channel.id}`);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.channelId === channel.id && row.channelName === channel.name)).toBe(true);
    const ignored = await zaia.rows("/api/v1/chats/details?channelTypes=api&pageSize=30");
    expect(new Set(ignored.map((row) => row.channelType)).size).toBeGreaterThan(1);
  });
});

describe("one chat", () => {
  it("returns the lean chat and the chat with details", async () => {
    const id = zaiaLongThreadIds.thousand;
    const lean = await zaia.call("GET", `/api/v1/chats/${id}`);
    expect(lean.status).toBe(200);
    expect(Object.keys(lean.body ?? {})).toEqual(leanChatKeys);
    const details = await zaia.call("GET", `/api/v1/chats/${id}/details`);
    expect(details.status).toBe(200);
    expect(details.body).toMatchObject({
      id,
      channelType: "whatsapp",
      responderEntity: "agent",
      isRemoved: false,
    });
  });

  it("describes another version of the responder when asked with responderVersionId", async () => {
    const aurora = zaiaAgents[0];
    const first = aurora?.versions[0];
    if (!first) throw new Error("Aurora has versions");
    const details = await zaia.call(
      "GET",
      `/api/v1/chats/${zaiaLongThreadIds.hundred}/details?responderVersionId=${first.id}`,
    );
    expect(details.body).toMatchObject({ responderVersionId: first.id, responderVersionNumber: 1 });
    const foreign = zaiaAgents[1]?.versions[0];
    if (!foreign) throw new Error("billing has versions");
    const wrong = await zaia.call(
      "GET",
      `/api/v1/chats/${zaiaLongThreadIds.hundred}/details?responderVersionId=${foreign.id}`,
    );
    expect(wrong.status).toBe(404);
  });

  it("answers an unknown chat with 404 Chat not found. and a malformed id with 400", async () => {
    const missing = await zaia.call("GET", "/api/v1/chats/0b1c2d3e-4f50-4617-8899-aabbccddeeff/details");
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ message: "Chat not found." });
    const malformed = await zaia.call("GET", "/api/v1/chats/42");
    expect(malformed.status).toBe(400);
    expect(malformed.body).toEqual({ message: expect.any(String) });
    const unknownPath = await zaia.call("GET", "/api/v2/chats");
    expect(unknownPath.status).toBe(404);
  });
});

describe("GET /api/v1/chat-messages", () => {
  const messagesOf = (chatId: string, query = "") =>
    zaia.rows(`/api/v1/chat-messages?chatId=${chatId}${query}`);

  it("returns 250 messages by default, oldest first, in the §11 shape", async () => {
    const rows = await messagesOf(zaiaLongThreadIds.thousand);
    expect(rows).toHaveLength(250);
    for (const row of rows) {
      expect(Object.keys(row)).toEqual([
        "id",
        "chatId",
        "chatThreadId",
        "role",
        "content",
        "createdAt",
        "senderId",
      ]);
      expect(["user", "assistant", "system", "human"]).toContain(row.role);
      expect(row.chatId).toBe(zaiaLongThreadIds.thousand);
    }
    const times = rows.map((row) => text(row, "createdAt"));
    expect([...times].sort()).toEqual(times);
  });

  it.each([
    ["hundred", 100],
    ["thousand", 1_000],
    ["tenThousand", 10_000],
  ] as const)("pages the %s thread to exactly its length with unique ids", async (name, length) => {
    const ids: unknown[] = [];
    for (let offset = 0; ; offset += 1_000) {
      const page = await messagesOf(
        zaiaLongThreadIds[name],
        `&pagination[limit]=1000&pagination[offset]=${offset}`,
      );
      ids.push(...page.map((row) => row.id));
      if (page.length < 1_000) break;
    }
    expect(ids).toHaveLength(length);
    expect(new Set(ids).size).toBe(length);
  });

  it("pages by offset consistently and agrees with the chat's last-message preview", async () => {
    const id = zaiaLongThreadIds.tenThousand;
    const window = await messagesOf(id, "&pagination[limit]=20&pagination[offset]=4990");
    const overlap = await messagesOf(id, "&pagination[limit]=10&pagination[offset]=5000");
    expect(window.slice(10)).toEqual(overlap);
    const tail = await messagesOf(id, "&pagination[limit]=5&pagination[offset]=9998");
    expect(tail).toHaveLength(2);
    const details = await zaia.call("GET", `/api/v1/chats/${id}/details`);
    expect(details.body).toMatchObject({
      lastMessageCreatedAt: tail[1]?.createdAt,
      lastMessageRole: tail[1]?.role,
      penultimateMessageCreatedAt: tail[0]?.createdAt,
    });
  });

  it("filters by chatThreadId", async () => {
    const page = await messagesOf(zaiaLongThreadIds.tenThousand, "&pagination[limit]=1");
    const threadId = page[0]?.chatThreadId;
    if (typeof threadId !== "string") throw new Error("first message has a thread");
    const thread = await messagesOf(
      zaiaLongThreadIds.tenThousand,
      `&chatThreadId=${threadId}&pagination[limit]=1000`,
    );
    expect(thread.length).toBeGreaterThan(100);
    expect(thread.length).toBeLessThanOrEqual(200);
    expect(thread.every((row) => row.chatThreadId === threadId)).toBe(true);
  });

  it("keeps hostile first user messages verbatim", async () => {
    const firstUser = async (chatId: string) =>
      (await messagesOf(chatId, "&pagination[limit]=5")).find((row) => row.role === "user")?.content;
    expect(await firstUser(zaiaHostileChatIds.script)).toBe("<script>alert('xss')</script>");
    expect(await firstUser(zaiaHostileChatIds.image)).toBe('<img src=x onerror="alert(1)">');
  });

  it("validates chatId and pagination", async () => {
    expect((await zaia.call("GET", "/api/v1/chat-messages")).status).toBe(400);
    const tooMany = await zaia.call(
      "GET",
      `/api/v1/chat-messages?chatId=${zaiaLongThreadIds.hundred}&pagination[limit]=1001`,
    );
    expect(tooMany.status).toBe(400);
    expect(tooMany.body).toEqual({ message: expect.stringContaining("pagination[limit]") });
    const negative = await zaia.call(
      "GET",
      `/api/v1/chat-messages?chatId=${zaiaLongThreadIds.hundred}&pagination[offset]=-1`,
    );
    expect(negative.status).toBe(400);
    const unknown = await zaia.call(
      "GET",
      "/api/v1/chat-messages?chatId=0b1c2d3e-4f50-4617-8899-aabbccddeeff",
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ message: "Chat not found." });
  });
});

describe("catalog lists", () => {
  it("lists channels as a bare, paged array", async () => {
    const rows = await zaia.rows("/api/v1/channels?pageSize=100");
    expect(rows).toHaveLength(6);
    expect(Object.keys(rows[0] ?? {})).toEqual([
      "id",
      "name",
      "type",
      "workspaceId",
      "createdAt",
      "updatedAt",
    ]);
    expect(await zaia.rows("/api/v1/channels?pageSize=4&pageNumber=2")).toHaveLength(2);
    const squad = zaiaSquads[0]?.superIdentityId;
    expect((await zaia.rows(`/api/v1/channels?responderIds=${squad}`)).length).toBe(2);
  });

  it("lists responders (agents and the squad) by super identity", async () => {
    const rows = await zaia.rows("/api/v1/super-identities/responders");
    expect(rows.map((row) => row.entity)).toEqual(["agent", "agent", "agent", "squad"]);
    expect(Object.keys(rows[0] ?? {})).toEqual(["entity", "id", "name", "picture", "workspaceId"]);
    const responderIds = new Set(rows.map((row) => row.id));
    expect(everyChat.every((row) => responderIds.has(row.responderId))).toBe(true);
  });

  it("lists agents with their versions and filters them", async () => {
    const rows = await zaia.rows("/api/v1/agents");
    expect(rows).toHaveLength(3);
    const versions = rows.map((row) => (Array.isArray(row.versions) ? row.versions.length : 0));
    expect(versions).toEqual([3, 2, 3]);
    const squadId = zaiaSquads[0]?.id;
    expect(await zaia.rows(`/api/v1/agents?squadId=${squadId}`)).toHaveLength(2);
    const versionId = zaiaAgents[2]?.versions[1]?.id;
    const byVersion = await zaia.rows(`/api/v1/agents?versionId=${versionId}`);
    expect(byVersion.map((row) => row.id)).toEqual([zaiaAgents[2]?.id]);
  });
});
