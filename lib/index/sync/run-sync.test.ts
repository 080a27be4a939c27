/**
 * Sync against an in-memory provider with each real adapter's declared capabilities: backfill,
 * restart and failure halfway, incremental boundaries, deletes and removed conversations,
 * transcripts re-read when activity moves, metadata-only connections and rate limits. On PGlite,
 * or PostgreSQL with TEST_DATABASE_URL.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { indexedConversations, indexedMessages, syncState } from "@/lib/db/schema";
import { ProviderError } from "@/lib/model/errors";
import type { ProviderId } from "@/lib/model/constants";
import type { Capabilities } from "@/lib/providers/contract";
import { chatlingCapabilities } from "@/lib/providers/chatling/adapter";
import { cozmoxCapabilities } from "@/lib/providers/cozmox/adapter";
import { sigmamindCapabilities } from "@/lib/providers/sigmamind/adapter";
import { zaiaCapabilities } from "@/lib/providers/zaia/adapter";
import { insertFakeConnection, openTestDatabase } from "../test-database";
import { createFakeProvider, fakeConversations, fakeNow, type FakeProvider } from "./fake-provider";
import { runSync, syncToEnd } from "./run-sync";
import { MAX_INDEXED_MESSAGES } from "./transcript-limit";
import { markAttempt } from "./state";

let database: DatabaseHandle;
beforeAll(async () => {
  database = await openTestDatabase({ empty: true });
});
afterAll(async () => database?.close());

const cases: [ProviderId, Capabilities][] = [
  ["sigmamind", sigmamindCapabilities],
  ["cozmox", cozmoxCapabilities],
  ["zaia", zaiaCapabilities],
  ["chatling", chatlingCapabilities],
];

async function rows(connectionId: string) {
  return database.db
    .select()
    .from(indexedConversations)
    .where(eq(indexedConversations.connectionId, connectionId));
}

async function messagesOf(connectionId: string, conversationId: string) {
  return database.db
    .select()
    .from(indexedMessages)
    .where(
      and(eq(indexedMessages.connectionId, connectionId), eq(indexedMessages.conversationId, conversationId)),
    )
    .orderBy(indexedMessages.position);
}

async function stateOf(connectionId: string) {
  const [row] = await database.db.select().from(syncState).where(eq(syncState.connectionId, connectionId));
  return row;
}

let serial = 0;
async function fake(provider: ProviderId, capabilities: Capabilities, count = 45, transcripts = true) {
  const id = `fake-${provider}-${serial++}`;
  await insertFakeConnection(database, id, provider, transcripts);
  const scopes = capabilities.scoped ? ["bot-a", "bot-b"] : [""];
  return createFakeProvider(provider, capabilities, fakeConversations(count, scopes), id);
}

const later = (minutes: number) => new Date(fakeNow + minutes * 60_000).toISOString();

describe.each(cases)("sync of %s", (provider, capabilities) => {
  const pageSize = capabilities.fixedPageSize ?? 10;

  it("backfills newest first, metadata before transcripts, then reads every transcript", async () => {
    const source = await fake(provider, capabilities);
    const first = await runSync(database.db, source.handle, true, { maxPages: 2 });
    expect(first).toMatchObject({ phase: "backfill", more: true, transcripts: 0 });
    const partial = await rows(source.handle.id);
    expect(partial.length).toBeGreaterThan(pageSize);
    expect(partial.length).toBeLessThan(45);
    // A list that carries transcripts stores them with its rows; others leave them pending.
    const carried = capabilities.listCarriesTranscripts;
    expect(partial.every((row) => row.transcriptState === (carried ? "indexed" : "pending"))).toBe(true);
    expect((await stateOf(source.handle.id))?.state).toBe("backfilling");
    await syncToEnd(database.db, source.handle, true);
    const all = await rows(source.handle.id);
    expect(all.length).toBe(45);
    expect(all.every((row) => row.transcriptState === "indexed")).toBe(true);
    expect(source.calls.messages).toHaveLength(carried ? 0 : 45);
    expect((await messagesOf(source.handle.id, "c0003")).map((message) => message.text)).toEqual([
      "hello 3",
      "answer 3",
    ]);
    const state = await stateOf(source.handle.id);
    expect(state).toMatchObject({
      state: "idle",
      conversationsIndexed: 45,
      transcriptsIndexed: 45,
      lastError: null,
    });
    expect(state?.conversationsKnown).toBe(45);
    expect(state?.lastSuccessAt).not.toBeNull();
  });

  it("a restart mid-backfill loses nothing and repeats no page; a page that fails halfway is read again", async () => {
    const source = await fake(provider, capabilities);
    await runSync(database.db, source.handle, false, { maxPages: 1 });
    // The second page of the first scope fails once: the run fails, what it wrote stays.
    const scope = source.calls.list[0]?.split("|")[0] ?? "";
    source.failOnce.add(`${scope}|1`);
    await expect(runSync(database.db, source.handle, false, { maxPages: 5 })).rejects.toThrow(/page failed/);
    expect((await stateOf(source.handle.id))?.state).toBe("failing");
    expect((await stateOf(source.handle.id))?.lastError).toMatch(/page failed/);
    // "Restart": a new run from the database's bookmarks alone.
    await syncToEnd(database.db, source.handle, false);
    expect((await rows(source.handle.id)).length).toBe(45);
    const pages = source.calls.list.filter((call) => call !== `${scope}|1`);
    expect(new Set(pages).size).toBe(pages.length); // no page read twice, except the one that failed
    expect(source.calls.list.filter((call) => call === `${scope}|1`)).toHaveLength(2);
    expect((await stateOf(source.handle.id))?.state).toBe("idle");
  });

  it("incremental: new and changed conversations up to the known boundary, transcripts re-read when activity moves", async () => {
    const source = await fake(provider, capabilities);
    await syncToEnd(database.db, source.handle, true);
    const before = source.calls.list.length;
    const scope = capabilities.scoped ? "bot-a" : "";
    source.conversations.set("new-1", {
      id: "new-1",
      title: "Brand new",
      createdAt: later(1),
      lastActivityAt: later(1),
      messages: ["just arrived"],
      scope,
    });
    const changed = source.conversations.get("c0001");
    if (!changed) throw new Error("no c0001");
    changed.lastActivityAt = later(2);
    changed.messages = [...changed.messages, "a follow-up"];
    changed.title = "Renamed at the provider";
    const outcome = await runSync(database.db, source.handle, true);
    expect(outcome.phase).toBe("incremental");
    // One page per scope reaches known rows: the provider is not listed again in full.
    const scopes = capabilities.scoped ? 2 : 1;
    expect(source.calls.list.length - before).toBeLessThanOrEqual(scopes);
    const all = await rows(source.handle.id);
    expect(all.find((row) => row.id === "new-1")?.title).toBe("Brand new");
    expect((await messagesOf(source.handle.id, "new-1")).map((message) => message.text)).toEqual([
      "just arrived",
    ]);
    if (capabilities.sync.listOrder === "lastActivity") {
      expect(all.find((row) => row.id === "c0001")?.title).toBe("Renamed at the provider");
      expect((await messagesOf(source.handle.id, "c0001")).map((message) => message.text)).toContain(
        "a follow-up",
      );
    }
    // Providers listed by creation learn of activity on older conversations by reconciliation.
    await runSync(database.db, source.handle, true, { reconcile: true });
    expect((await rows(source.handle.id)).find((row) => row.id === "c0001")?.title).toBe(
      "Renamed at the provider",
    );
    expect((await messagesOf(source.handle.id, "c0001")).map((message) => message.text)).toContain(
      "a follow-up",
    );
  });

  it("reconciliation removes conversations deleted at the provider and keeps removed ones flagged", async () => {
    const source = await fake(provider, capabilities);
    await syncToEnd(database.db, source.handle, true);
    source.conversations.delete("c0010");
    source.conversations.delete("c0030");
    const removed = source.conversations.get("c0020");
    if (removed) removed.removed = true;
    await syncToEnd(database.db, source.handle, true, { reconcile: true });
    const all = await rows(source.handle.id);
    expect(all.map((row) => row.id)).not.toContain("c0010");
    expect(all.map((row) => row.id)).not.toContain("c0030");
    expect(all.find((row) => row.id === "c0020")?.nativeRemoved).toBe(true);
    expect(await messagesOf(source.handle.id, "c0010")).toEqual([]);
    expect(all.length).toBe(43);
  });

  it("metadata only keeps no message text; switching transcripts on reads them", async () => {
    const source = await fake(provider, capabilities, 12, false);
    await syncToEnd(database.db, source.handle, false);
    expect(source.calls.messages).toEqual([]);
    expect((await rows(source.handle.id)).every((row) => row.transcriptState === "skipped")).toBe(true);
    expect((await stateOf(source.handle.id))?.state).toBe("idle");
    await syncToEnd(database.db, source.handle, true);
    expect((await rows(source.handle.id)).every((row) => row.transcriptState === "indexed")).toBe(true);
    // Switched on, a list that carries transcripts brings them with a reconciling listing.
    expect(source.calls.messages).toHaveLength(capabilities.listCarriesTranscripts ? 0 : 12);
    await syncToEnd(database.db, source.handle, false);
    expect(await messagesOf(source.handle.id, "c0001")).toEqual([]);
  });

  it("a rate limit is a wait, not a failure; a provider that is down marks the connection failing and keeps its rows", async () => {
    const source: FakeProvider = await fake(provider, capabilities, 12);
    await syncToEnd(database.db, source.handle, true);
    source.down = new ProviderError("rate_limited", provider, "slow down", { retryAfterSeconds: 7 });
    const limited = await runSync(database.db, source.handle, true, { reconcile: true });
    expect(limited).toMatchObject({ more: true, retryAfterMs: 7_000 });
    expect((await stateOf(source.handle.id))?.state).not.toBe("failing");
    source.down = new ProviderError("unavailable", provider, "down for maintenance");
    await expect(runSync(database.db, source.handle, true, { reconcile: true })).rejects.toThrow();
    expect((await stateOf(source.handle.id))?.state).toBe("failing");
    expect((await rows(source.handle.id)).length).toBe(12);
    // The retry under way does not hide the failure: the connection stays failing until a run succeeds.
    await markAttempt(database.db, source.handle.id, "syncing");
    expect((await stateOf(source.handle.id))?.state).toBe("failing");
    // Nor does a run that only met a rate limit: no answer came back, so nothing says it recovered.
    source.down = new ProviderError("rate_limited", provider, "slow down", { retryAfterSeconds: 7 });
    await runSync(database.db, source.handle, true, { reconcile: true });
    expect((await stateOf(source.handle.id))?.state).toBe("failing");
    source.down = null;
    await syncToEnd(database.db, source.handle, true);
    expect((await stateOf(source.handle.id))?.state).toBe("idle");
  });
});

describe("a list that carries transcripts (SigmaMind's and Cozmox's declared capability)", () => {
  const carrying: Capabilities = { ...sigmamindCapabilities, listCarriesTranscripts: true };

  it("backfills without a single listMessages call; a thread past MAX_INDEXED_MESSAGES is kept partial", async () => {
    const source = await fake("sigmamind", carrying, 25);
    const long = source.conversations.get("c0002");
    if (!long) throw new Error("no c0002");
    long.messages = Array.from({ length: MAX_INDEXED_MESSAGES + 5 }, (_, index) => `line ${index}`);
    await syncToEnd(database.db, source.handle, true);
    expect(source.calls.messages).toEqual([]);
    const all = await rows(source.handle.id);
    expect(all).toHaveLength(25);
    expect(all.find((row) => row.id === "c0002")?.transcriptState).toBe("partial");
    expect(all.filter((row) => row.transcriptState === "indexed")).toHaveLength(24);
    const kept = await messagesOf(source.handle.id, "c0002");
    expect(kept).toHaveLength(MAX_INDEXED_MESSAGES);
    expect(kept.at(-1)?.text).toBe(`line ${MAX_INDEXED_MESSAGES - 1}`);
    expect((await messagesOf(source.handle.id, "c0007")).map((message) => message.text)).toEqual([
      "hello 7",
      "answer 7",
    ]);
    expect(await stateOf(source.handle.id)).toMatchObject({ state: "idle", transcriptsIndexed: 25 });
  });

  it("replaces a transcript whose activity moved, leaves an unchanged one alone, and keeps none on a metadata-only connection", async () => {
    const source = await fake("sigmamind", carrying, 12);
    await syncToEnd(database.db, source.handle, true);
    // A row the list shows again unchanged is not rewritten (its stored messages are left as they are).
    await database.db
      .delete(indexedMessages)
      .where(
        and(eq(indexedMessages.connectionId, source.handle.id), eq(indexedMessages.conversationId, "c0000")),
      );
    const changed = source.conversations.get("c0001");
    if (!changed) throw new Error("no c0001");
    changed.lastActivityAt = later(3);
    changed.messages = [...changed.messages, "a follow-up"];
    await runSync(database.db, source.handle, true, { reconcile: true });
    expect(source.calls.messages).toEqual([]);
    expect(await messagesOf(source.handle.id, "c0000")).toEqual([]);
    expect((await messagesOf(source.handle.id, "c0001")).map((message) => message.text)).toEqual([
      "hello 1",
      "answer 1",
      "a follow-up",
    ]);
    const row = (await rows(source.handle.id)).find((candidate) => candidate.id === "c0001");
    expect(row?.transcriptState).toBe("indexed");
    expect(Date.parse(row?.transcriptSortAt ?? "")).toBe(Date.parse(later(3)));

    const metadataOnly = await fake("sigmamind", carrying, 12, false);
    await syncToEnd(database.db, metadataOnly.handle, false);
    expect(metadataOnly.calls.messages).toEqual([]);
    expect(
      (await rows(metadataOnly.handle.id)).every((candidate) => candidate.transcriptState === "skipped"),
    ).toBe(true);
    expect(
      await database.db
        .select()
        .from(indexedMessages)
        .where(eq(indexedMessages.connectionId, metadataOnly.handle.id)),
    ).toEqual([]);
  });
});
