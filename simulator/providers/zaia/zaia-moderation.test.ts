import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningSimulator } from "../../core/server";
import { resetSimulator, startTestSimulator } from "../../testing";
import { zaiaChannels } from "./catalog";
import { zaiaLongThreadIds } from "./data";
import { leanChatKeys, uuidV4, zaiaClient } from "./zaia-test-client";

let simulator: RunningSimulator;
let zaia: ReturnType<typeof zaiaClient>;

beforeAll(async () => {
  simulator = await startTestSimulator();
  zaia = zaiaClient(simulator.url);
});
beforeEach(async () => resetSimulator(simulator.url));
afterAll(async () => simulator.close());

const chatId = zaiaLongThreadIds.hundred;

function stringField(body: unknown, key: string): string {
  const value: unknown = typeof body === "object" && body !== null ? Reflect.get(body, key) : undefined;
  if (typeof value !== "string") throw new Error(`${key} is not a string in ${JSON.stringify(body)}`);
  return value;
}

describe("PATCH /api/v1/chats/{id}", () => {
  it("renames a chat, answers the lean chat, and the change shows in every view", async () => {
    const answer = await zaia.call("PATCH", `/api/v1/chats/${chatId}`, { body: { title: "Renamed 🚚 طلب" } });
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.body ?? {})).toEqual(leanChatKeys);
    expect(answer.body).toMatchObject({ id: chatId, title: "Renamed 🚚 طلب" });
    const details = await zaia.call("GET", `/api/v1/chats/${chatId}/details`);
    expect(details.body).toMatchObject({ title: "Renamed 🚚 طلب" });
    const searched = await zaia.rows("/api/v1/chats?search=renamed");
    expect(searched.map((row) => row.id)).toEqual([chatId]);
  });

  it("clears the title with null and moves updatedAt forward", async () => {
    const before = await zaia.call("GET", `/api/v1/chats/${chatId}`);
    const answer = await zaia.call("PATCH", `/api/v1/chats/${chatId}`, { body: { title: null } });
    expect(answer.body).toMatchObject({ title: null });
    expect(stringField(answer.body, "updatedAt") > stringField(before.body, "updatedAt")).toBe(true);
  });

  it("moves a chat in the list when lastChatMessageCreatedAt changes", async () => {
    await zaia.call("PATCH", `/api/v1/chats/${chatId}`, {
      body: { lastChatMessageCreatedAt: "2026-11-20T11:59:00.000Z" },
    });
    const first = await zaia.rows("/api/v1/chats?pageSize=1");
    expect(first[0]?.id).toBe(chatId);
  });

  it.each([
    [{ title: 42 }, "title"],
    [{ isRemoved: false }, "isRemoved"],
    [{ lastChatMessageCreatedAt: "last tuesday" }, "lastChatMessageCreatedAt"],
    [{ title: "x".repeat(256) }, "title"],
  ])("refuses %j with a 400 naming the field", async (body, field) => {
    const answer = await zaia.call("PATCH", `/api/v1/chats/${chatId}`, { body });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ message: expect.stringContaining(field) });
  });

  it("answers an unknown chat with 404", async () => {
    const answer = await zaia.call("PATCH", "/api/v1/chats/0b1c2d3e-4f50-4617-8899-aabbccddeeff", {
      body: { title: "x" },
    });
    expect(answer.status).toBe(404);
    expect(answer.body).toEqual({ message: "Chat not found." });
  });
});

describe("DELETE /api/v1/chats/{id}", () => {
  it("soft removes: the chat stays readable and listed with isRemoved true", async () => {
    const answer = await zaia.call("DELETE", `/api/v1/chats/${chatId}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ message: "Chat removed." });
    const lean = await zaia.call("GET", `/api/v1/chats/${chatId}`);
    expect(lean.body).toMatchObject({ isRemoved: true });
    const listed = await zaia.allRows("/api/v1/chats/details");
    expect(listed.find((row) => row.id === chatId)).toMatchObject({ isRemoved: true });
    const again = await zaia.call("DELETE", `/api/v1/chats/${chatId}`);
    expect(again.status).toBe(200);
  });

  it("answers an unknown chat with 404", async () => {
    const answer = await zaia.call("DELETE", "/api/v1/chats/0b1c2d3e-4f50-4617-8899-aabbccddeeff");
    expect(answer.status).toBe(404);
  });
});

describe("POST /api/v1/chats", () => {
  it("creates an empty chat that lists first", async () => {
    const owners = await zaia.rows("/api/v1/chats?pageSize=1");
    const ownerId = owners[0]?.ownerId;
    const channelId = zaiaChannels[0]?.id ?? null;
    const answer = await zaia.call("POST", "/api/v1/chats", {
      body: { channelId, ownerId, title: "Fresh chat" },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      title: "Fresh chat",
      channelId,
      ownerId,
      isRemoved: false,
      lastChatMessageCreatedAt: null,
    });
    const id = stringField(answer.body, "id");
    expect(id).toMatch(uuidV4);
    const first = await zaia.rows("/api/v1/chats?pageSize=1");
    expect(first[0]?.id).toBe(id);
    const messages = await zaia.rows(`/api/v1/chat-messages?chatId=${id}`);
    expect(messages).toEqual([]);
  });

  it("validates the body and refers to existing channels and owners", async () => {
    const missing = await zaia.call("POST", "/api/v1/chats", { body: { title: null } });
    expect(missing.status).toBe(400);
    const unknownOwner = await zaia.call("POST", "/api/v1/chats", {
      body: { channelId: null, ownerId: "0b1c2d3e-4f50-4617-8899-aabbccddeeff", title: null },
    });
    expect(unknownOwner.status).toBe(404);
    expect(unknownOwner.body).toEqual({ message: "Owner not found." });
  });
});

describe("reset", () => {
  it("restores the seed data exactly after renames, removals and creations", async () => {
    const before = await zaia.allRows("/api/v1/chats/details");
    await zaia.call("PATCH", `/api/v1/chats/${chatId}`, { body: { title: "changed" } });
    await zaia.call("DELETE", `/api/v1/chats/${zaiaLongThreadIds.thousand}`);
    await zaia.call("POST", "/api/v1/chats", {
      body: { channelId: null, ownerId: before[0]?.ownerId, title: null },
    });
    const changed = await zaia.allRows("/api/v1/chats/details");
    expect(changed).not.toEqual(before);
    await resetSimulator(simulator.url);
    expect(await zaia.allRows("/api/v1/chats/details")).toEqual(before);
  });
});
