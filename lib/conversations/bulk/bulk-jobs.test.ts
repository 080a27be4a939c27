/**
 * Bulk jobs on pg-boss against providers in memory (each with a real adapter's declared
 * capabilities): Parley's own flags in one transaction, flags a provider holds one call per row,
 * a provider that fails some rows (failures kept with reasons, retried, then retried as a new
 * job), undo as a job, and the audit rows (one per job, one per provider row). On PGlite, or
 * PostgreSQL with TEST_DATABASE_URL.
 */
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { listAudit } from "@/lib/audit/audit-log";
import type { ConnectionHandle } from "@/lib/connections/connection-handle";
import type { DatabaseHandle } from "@/lib/db/client";
import { indexedConversations, moderationOverlay } from "@/lib/db/schema";
import { startJobQueue, type JobQueue } from "@/lib/index/jobs";
import { createFakeProvider, fakeConversations, type FakeProvider } from "@/lib/index/sync/fake-provider";
import { syncToEnd } from "@/lib/index/sync/run-sync";
import { insertFakeConnection, openTestDatabase } from "@/lib/index/test-database";
import { ProviderError } from "@/lib/model/errors";
import { chatlingCapabilities } from "@/lib/providers/chatling/adapter";
import { sigmamindCapabilities } from "@/lib/providers/sigmamind/adapter";
import type { BulkJob } from "@/lib/conversations/api-schemas";
import { detachBulkWorkers, startBulkWorkers } from "./queue";
import { getBulkJob, retryBulkJob, startBulkJob, undoBulkJob } from "./service";

let database: DatabaseHandle;
let queue: JobQueue;
const actor: Actor = { id: "user-staff", email: "staff@example.com", name: "Sam", role: "staff" };

/** Chatling holds archive and important itself; these rows fail there while `failing` has them. */
const failing = new Set<string>();
const archivedCalls: { id: string; value: boolean }[] = [];
let sigmamind: FakeProvider;
let chatling: FakeProvider;
const handles = new Map<string, ConnectionHandle>();

function withWrites(fake: FakeProvider): ConnectionHandle {
  const adapter = {
    ...fake.handle.adapter,
    async setArchived(_context: unknown, id: string, value: boolean) {
      archivedCalls.push({ id, value });
      if (failing.has(id)) throw new ProviderError("unavailable", "chatling", "Chatling answered 503");
    },
  };
  return { ...fake.handle, adapter } as ConnectionHandle;
}

beforeAll(async () => {
  database = await openTestDatabase({ empty: true });
  await insertFakeConnection(database, "bulk-sigmamind", "sigmamind", false);
  await insertFakeConnection(database, "bulk-chatling", "chatling", false);
  sigmamind = createFakeProvider("sigmamind", sigmamindCapabilities, fakeConversations(12), "bulk-sigmamind");
  chatling = createFakeProvider(
    "chatling",
    chatlingCapabilities,
    fakeConversations(12, ["bot-a"]),
    "bulk-chatling",
  );
  for (const fake of [sigmamind, chatling]) {
    await syncToEnd(database.db, fake.handle, false);
    handles.set(fake.handle.id, withWrites(fake));
  }
  queue = await startJobQueue(database, async () => ({ again: false }), {
    concurrency: 0,
    pollingIntervalSeconds: 0.5,
    queue: `test-sync-${Date.now()}`,
  });
  await startBulkWorkers(queue.boss, database.db, {
    concurrency: 1,
    pollingIntervalSeconds: 0.5,
    queue: `test-bulk-${Date.now()}`,
    run: {
      retryDelayMs: 5,
      handleOf: async (_db, id) => {
        const handle = handles.get(id);
        if (!handle) throw new Error(`no fake ${id}`);
        return handle;
      },
    },
  });
}, 120_000);

afterAll(async () => {
  detachBulkWorkers();
  await queue?.stop();
  await database?.close();
});

async function finished(id: string, timeoutMs = 30_000): Promise<BulkJob> {
  const started = Date.now();
  for (;;) {
    const job = await getBulkJob(database.db, actor, id);
    if (job.state === "done") return job;
    if (Date.now() - started > timeoutMs)
      throw new Error(`job ${id} still ${job.state}: ${JSON.stringify(job)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const rowsOf = (fake: FakeProvider, count: number) =>
  [...fake.conversations.keys()]
    .slice(0, count)
    .map((conversationId) => ({ connectionId: fake.handle.id, conversationId }));

async function overlayArchived(connectionId: string, ids: readonly string[]) {
  const rows = await database.db
    .select()
    .from(moderationOverlay)
    .where(
      and(
        eq(moderationOverlay.connectionId, connectionId),
        inArray(moderationOverlay.conversationId, [...ids]),
      ),
    );
  return new Map(rows.map((row) => [row.conversationId, row.archived]));
}

async function nativeArchived(connectionId: string, ids: readonly string[]) {
  const rows = await database.db
    .select()
    .from(indexedConversations)
    .where(
      and(eq(indexedConversations.connectionId, connectionId), inArray(indexedConversations.id, [...ids])),
    );
  return new Map(rows.map((row) => [row.id, row.nativeArchived]));
}

describe("bulk jobs", () => {
  let archiveJob: BulkJob;
  const picked = () => [...rowsOf(sigmamind, 5), ...rowsOf(chatling, 5)];
  const chatlingIds = () => rowsOf(chatling, 5).map((row) => row.conversationId);
  const sigmamindIds = () => rowsOf(sigmamind, 5).map((row) => row.conversationId);

  it("archives a selection: overlay rows at once, provider rows one by one, failures kept with reasons", async () => {
    const [first, second] = chatlingIds().slice(3);
    failing.add(first as string).add(second as string);
    const started = await startBulkJob(database.db, actor, {
      action: "archive",
      target: { selection: picked() },
    });
    expect(started).toMatchObject({ total: 10, action: "archive" });
    archiveJob = await finished(started.id);
    expect(archiveJob).toMatchObject({ total: 10, done: 10, succeeded: 8, failed: 2, skipped: 0 });
    expect(archiveJob.failures.map((failure) => failure.conversationId).sort()).toEqual(
      [first, second].sort(),
    );
    expect(archiveJob.failures[0]?.reason).toContain("503");
    // A passing failure is tried again before it is kept: three tries per failing row.
    expect(archivedCalls.filter((call) => call.id === first)).toHaveLength(3);

    const overlay = await overlayArchived(sigmamind.handle.id, sigmamindIds());
    expect([...overlay.values()]).toEqual([true, true, true, true, true]);
    // Chatling holds archive itself: nothing in the overlay, the index follows the provider.
    expect((await overlayArchived(chatling.handle.id, chatlingIds())).size).toBe(0);
    const native = await nativeArchived(chatling.handle.id, chatlingIds());
    expect(chatlingIds().map((id) => native.get(id))).toEqual([true, true, true, false, false]);
  });

  it("writes one audit row for the job with its counts, and one per provider row", async () => {
    const jobRows = await listAudit(database.db, { action: "bulk.archive" }, { limit: 50 });
    const ofThisJob = jobRows.items.filter((row) => row.targetId === archiveJob.id);
    expect(ofThisJob).toHaveLength(1);
    expect(ofThisJob[0]).toMatchObject({
      targetId: archiveJob.id,
      outcome: "failure",
      after: { total: 10, succeeded: 8, skipped: 0, failed: 2 },
    });
    const rowAudits = await listAudit(database.db, { action: "conversation.archive" }, { limit: 200 });
    const ofJob = rowAudits.items.filter(
      (row) => (row.after as { bulkJob?: string } | null)?.bulkJob === archiveJob.id,
    );
    expect(ofJob).toHaveLength(5);
    expect(ofJob.every((row) => row.connectionId === chatling.handle.id)).toBe(true);
    expect(ofJob.filter((row) => row.outcome === "failure")).toHaveLength(2);
  });

  it("retries the failed rows as a new job once the provider answers", async () => {
    failing.clear();
    const retry = await finished((await retryBulkJob(database.db, actor, archiveJob.id)).id);
    expect(retry).toMatchObject({ total: 2, succeeded: 2, failed: 0, retryOf: archiveJob.id });
    const native = await nativeArchived(chatling.handle.id, chatlingIds());
    expect(chatlingIds().every((id) => native.get(id) === true)).toBe(true);
    await expect(retryBulkJob(database.db, actor, retry.id)).rejects.toMatchObject({ kind: "conflict" });
  });

  it("is its starter's: another staff member may not follow, retry or undo it; an admin may follow it", async () => {
    const colleague: Actor = { id: "user-colleague", email: "kim@example.com", name: "Kim", role: "staff" };
    const admin: Actor = { id: "user-admin", email: "ada@example.com", name: "Ada", role: "admin" };
    for (const attempt of [
      () => getBulkJob(database.db, colleague, archiveJob.id),
      () => retryBulkJob(database.db, colleague, archiveJob.id),
      () => undoBulkJob(database.db, colleague, archiveJob.id),
    ])
      await expect(attempt()).rejects.toMatchObject({ kind: "forbidden" });
    expect((await getBulkJob(database.db, admin, archiveJob.id)).id).toBe(archiveJob.id);
  });

  it("undoes a job as a job: the inverse action for the rows it changed, once", async () => {
    const calls = archivedCalls.length;
    const undo = await finished((await undoBulkJob(database.db, actor, archiveJob.id)).id);
    expect(undo).toMatchObject({ action: "unarchive", total: 8, succeeded: 8, undoOf: archiveJob.id });
    expect([...(await overlayArchived(sigmamind.handle.id, sigmamindIds())).values()]).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    // Only the three Chatling rows this job changed go back; the two the retry changed stay archived.
    expect(archivedCalls.slice(calls)).toHaveLength(3);
    expect(archivedCalls.slice(calls).every((call) => call.value === false)).toBe(true);
    await expect(undoBulkJob(database.db, actor, archiveJob.id)).rejects.toMatchObject({ kind: "conflict" });
  });

  it("covers every row a list query matches, skipping rows already as asked", async () => {
    const first = await finished(
      (
        await startBulkJob(database.db, actor, {
          action: "trash",
          target: { selection: [rowsOf(sigmamind, 1)[0]!] },
        })
      ).id,
    );
    expect(first).toMatchObject({ succeeded: 1 });
    const job = await finished(
      (
        await startBulkJob(database.db, actor, {
          action: "trash",
          target: { filter: { connection: sigmamind.handle.id, view: "all" } },
        })
      ).id,
    );
    // "all" leaves out what is in the trash already: the other 11.
    expect(job).toMatchObject({ total: 11, succeeded: 11, failed: 0 });
    const everything = await finished(
      (
        await startBulkJob(database.db, actor, {
          action: "restore",
          target: { filter: { connection: sigmamind.handle.id, view: "trash", q: "Conversation" } },
        })
      ).id,
    );
    expect(everything).toMatchObject({ total: 12, succeeded: 12 });
    await expect(
      startBulkJob(database.db, actor, { action: "trash", target: { filter: { connection: "nope" } } }),
    ).rejects.toMatchObject({ kind: "not_found" });
  });
});
