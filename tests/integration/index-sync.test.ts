/**
 * Sync against the simulator's real wire protocols, through the API: a conversation created at the
 * provider appears after an incremental sync; one deleted (Cozmox) or removed (Zaia) at the
 * provider is noticed by the reconciling sync `POST /api/sync` asks for; `GET /api/sync` reports
 * state and counts; a removed connection's rows are purged.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { ConversationPage } from "@/lib/model/conversation";
import type { SyncStatus } from "@/lib/model/sync-status";
import { simulatorKeys } from "@/simulator/keys";
import { startHarness, type Harness } from "./harness";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
}, 600_000);
afterAll(async () => harness?.close());

async function list(query: string): Promise<ConversationPage> {
  const { status, body } = await harness.json<ConversationPage>("GET", `/api/conversations?${query}`, {
    cookie: harness.staffCookie,
  });
  expect(status).toBe(200);
  return body;
}

async function status(): Promise<SyncStatus> {
  const { status: code, body } = await harness.json<SyncStatus>("GET", "/api/sync", {
    cookie: harness.staffCookie,
  });
  expect(code).toBe(200);
  return body;
}

/** POST /api/sync for one connection, then waits for the in-process sync it started. */
async function syncNow(connectionId: string): Promise<void> {
  const response = await harness.json<{ queued: string[] }>("POST", "/api/sync", {
    cookie: harness.adminCookie,
    body: { connectionId },
  });
  expect(response.status).toBe(202);
  expect(response.body.queued).toEqual([connectionId]);
  const { settleInProcessSyncs } = await import("@/lib/index/service");
  await settleInProcessSyncs();
}

describe("sync state", () => {
  it("reports every connection idle after the first sync, with its counts", async () => {
    const body = await status();
    expect(body.intervalSeconds).toBeGreaterThan(0);
    expect(body.connections).toHaveLength(4);
    for (const connection of body.connections) {
      expect(connection).toMatchObject({
        state: "idle",
        listed: true,
        lastError: null,
        indexTranscripts: false,
      });
      expect(connection.lastSuccessAt).not.toBeNull();
      expect(connection.conversations.indexed).toBeGreaterThan(400);
      expect(connection.conversations.known).toBe(connection.conversations.indexed);
      expect(connection.transcripts).toEqual({ indexed: 0, known: 0 });
    }
  });

  it("refuses a sync request for a connection that does not exist, and bad bodies", async () => {
    const missing = await harness.json("POST", "/api/sync", {
      cookie: harness.staffCookie,
      body: { connectionId: "nope" },
    });
    expect(missing.status).toBe(404);
    const bad = await harness.json("POST", "/api/sync", {
      cookie: harness.staffCookie,
      body: { everything: 1 },
    });
    expect(bad.status).toBe(400);
  });
});

describe("changes at the provider", () => {
  it("a chat created at SigmaMind is listed after the next incremental sync", async () => {
    const connectionId = harness.connectionIds.sigmamind;
    const newest = (await list(`connection=${connectionId}&limit=1&view=all`)).items[0];
    const agentId = newest?.responder?.id;
    expect(agentId).toBeTruthy();
    const created = await fetch(`${harness.simulator.url}/sigmamind/v1/chats`, {
      method: "POST",
      headers: { "x-api-key": simulatorKeys.sigmamind.primary, "content-type": "application/json" },
      body: JSON.stringify({ agentId, input: "Where is parcel zebra-42?" }),
    });
    expect(created.status).toBe(201);
    const { chatId } = (await created.json()) as { chatId: string };
    expect(
      (await list(`connection=${connectionId}&limit=5&view=all`)).items.map((item) => item.id),
    ).not.toContain(chatId);
    expect(await harness.syncOnce("sigmamind")).toBeNull();
    const after = await list(`connection=${connectionId}&limit=5&view=all`);
    expect(after.items[0]?.id).toBe(chatId);
  });

  it("a Cozmox session deleted at the provider leaves the index on a reconciling sync", async () => {
    const connectionId = harness.connectionIds.cozmox;
    const target = (await list(`connection=${connectionId}&limit=30&view=all`)).items[20];
    if (!target) throw new Error("no session");
    const deleted = await fetch(`${harness.simulator.url}/cozmox/session/${encodeURIComponent(target.id)}`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${simulatorKeys.cozmox.primary}` },
    });
    expect(deleted.status).toBe(200);
    const before = (await status()).connections.find(
      (connection) => connection.connectionId === connectionId,
    );
    await syncNow(connectionId);
    const ids = (await list(`connection=${connectionId}&limit=100&view=all`)).items.map((item) => item.id);
    expect(ids).not.toContain(target.id);
    const after = (await status()).connections.find((connection) => connection.connectionId === connectionId);
    expect(after?.conversations.indexed).toBe((before?.conversations.indexed ?? 0) - 1);
  });

  it("a Zaia chat removed at the provider stays indexed, flagged, and leaves the inbox", async () => {
    const connectionId = harness.connectionIds.zaia;
    const target = (await list(`connection=${connectionId}&limit=30`)).items[15];
    if (!target) throw new Error("no chat");
    const removed = await fetch(`${harness.simulator.url}/zaia/api/v1/chats/${target.id}`, {
      method: "DELETE",
      headers: { authorization: simulatorKeys.zaia.primary },
    });
    expect(removed.status).toBe(200);
    await syncNow(connectionId);
    expect((await list(`connection=${connectionId}&limit=100`)).items.map((item) => item.id)).not.toContain(
      target.id,
    );
    const all = await list(`connection=${connectionId}&limit=100&view=all`);
    expect(all.items.find((item) => item.id === target.id)?.flags.removedAtProvider).toBe(true);
  });
});

describe("connections", () => {
  it("a removed connection's index rows are purged with it", async () => {
    const created = await harness.json<{ id: string }>("POST", "/api/connections", {
      cookie: harness.adminCookie,
      body: {
        provider: "zaia",
        name: "Zaia (second)",
        baseUrl: `${harness.simulator.url}/zaia`,
        apiKey: simulatorKeys.zaia.secondary,
      },
    });
    expect(created.status).toBe(201);
    await syncNow(created.body.id);
    expect((await list(`connection=${created.body.id}&view=all&limit=5`)).total).toBeGreaterThan(0);
    const removed = await harness.call("DELETE", `/api/connections/${created.body.id}`, {
      cookie: harness.adminCookie,
    });
    expect(removed.status).toBe(204);
    const { getDatabase } = await import("@/lib/db/client");
    const { indexedConversations, syncState } = await import("@/lib/db/schema");
    const db = await getDatabase();
    const left = await db
      .select()
      .from(indexedConversations)
      .where(eq(indexedConversations.connectionId, created.body.id));
    expect(left).toEqual([]);
    expect(await db.select().from(syncState).where(eq(syncState.connectionId, created.body.id))).toEqual([]);
  });

  it("an admin switches transcripts on (read at once) and off (message text purged in the request)", async () => {
    const connectionId = harness.connectionIds.sigmamind;
    const search = `view=all&q=${encodeURIComponent("charged twice")}&connection=${connectionId}&limit=5`;
    const metadataOnly = await list(search);
    expect(metadataOnly.notices.map((notice) => notice.kind)).toEqual(["metadata_only"]);
    const on = await harness.json<{ indexTranscripts: boolean }>(
      "PATCH",
      `/api/connections/${connectionId}`,
      {
        cookie: harness.adminCookie,
        body: { indexTranscripts: true },
      },
    );
    expect(on.status).toBe(200);
    expect(on.body.indexTranscripts).toBe(true);
    const { settleInProcessSyncs } = await import("@/lib/index/service");
    await settleInProcessSyncs();
    const found = await list(search);
    expect(found.notices).toEqual([]);
    expect(found.items.length).toBeGreaterThan(0);
    expect(found.items[0]?.matches?.some((match) => match.field === "message")).toBe(true);
    const off = await harness.json("PATCH", `/api/connections/${connectionId}`, {
      cookie: harness.adminCookie,
      body: { indexTranscripts: false },
    });
    expect(off.status).toBe(200);
    const { getDatabase } = await import("@/lib/db/client");
    const { indexedMessages } = await import("@/lib/db/schema");
    const db = await getDatabase();
    expect(
      await db.select().from(indexedMessages).where(eq(indexedMessages.connectionId, connectionId)),
    ).toEqual([]);
    expect((await list(search)).items).toEqual([]);
    await settleInProcessSyncs();
  }, 300_000);

  it("limits sync requests per person", async () => {
    const answers: number[] = [];
    for (let index = 0; index < 8; index++)
      answers.push(
        (
          await harness.json("POST", "/api/sync", {
            cookie: harness.staffCookie,
            body: { connectionId: harness.connectionIds.chatling },
          })
        ).status,
      );
    expect(answers.filter((code) => code === 202).length).toBeLessThanOrEqual(6);
    expect(answers.at(-1)).toBe(429);
    const { settleInProcessSyncs } = await import("@/lib/index/service");
    await settleInProcessSyncs();
  });
});
