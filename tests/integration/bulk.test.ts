/**
 * Bulk moderation through the API, against the simulator: a job for picked rows across providers
 * (Parley's flags and Chatling's own), progress until done, undo as a job, a provider failing for
 * some rows (failures kept with reasons, then retried), a filter target that covers exactly what
 * the list counts, the job's audit row, and refusals. The job runs in this process here (no queue
 * runs in the harness); `lib/conversations/bulk/bulk-jobs.test.ts` runs jobs on pg-boss.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BulkJob } from "@/lib/conversations/api-schemas";
import type { ConversationPage, ProviderId } from "@/lib/model/conversation";
import { startHarness, type Harness } from "./harness";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
}, 600_000);
afterAll(async () => harness?.close());

type Row = { connectionId: string; conversationId: string };

async function list(query: string): Promise<ConversationPage> {
  const { status, body } = await harness.json<ConversationPage>("GET", `/api/conversations?${query}`, {
    cookie: harness.staffCookie,
  });
  expect(status).toBe(200);
  return body;
}

async function rows(provider: ProviderId, from: number, count: number): Promise<Row[]> {
  const page = await list(`connection=${harness.connectionIds[provider]}&limit=40`);
  return page.items
    .slice(from, from + count)
    .map((item) => ({ connectionId: item.connectionId, conversationId: item.id }));
}

async function start(body: unknown, cookie = harness.staffCookie) {
  return harness.json<BulkJob & { error?: { code: string } }>("POST", "/api/bulk", { cookie, body });
}

async function finished(id: string): Promise<BulkJob> {
  const started = Date.now();
  for (;;) {
    const { status, body } = await harness.json<BulkJob>("GET", `/api/bulk/${id}`, {
      cookie: harness.staffCookie,
    });
    expect(status).toBe(200);
    if (body.state === "done") return body;
    if (Date.now() - started > 60_000) throw new Error(`job still ${body.state}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function archivedKeys(connectionId: string): Promise<Set<string>> {
  const page = await list(`view=archived&connection=${connectionId}&limit=100`);
  return new Set(page.items.map((item) => item.id));
}

describe("bulk jobs through the API", () => {
  it("archives picked rows on two providers, then undoes the job as a job", async () => {
    const picked = [...(await rows("sigmamind", 0, 3)), ...(await rows("chatling", 0, 2))];
    const { status, body } = await start({ action: "archive", target: { selection: picked } });
    expect(status).toBe(202);
    expect(body).toMatchObject({ total: 5, action: "archive" });
    const job = await finished(body.id);
    expect(job).toMatchObject({ total: 5, done: 5, succeeded: 5, failed: 0, failures: [] });
    for (const row of picked)
      expect((await archivedKeys(row.connectionId)).has(row.conversationId), row.conversationId).toBe(true);

    const undo = await harness.json<BulkJob>("POST", `/api/bulk/${job.id}/undo`, {
      cookie: harness.staffCookie,
    });
    expect(undo.status).toBe(202);
    expect(await finished(undo.body.id)).toMatchObject({ action: "unarchive", succeeded: 5, undoOf: job.id });
    for (const row of picked)
      expect((await archivedKeys(row.connectionId)).has(row.conversationId)).toBe(false);
    const again = await harness.json("POST", `/api/bulk/${job.id}/undo`, { cookie: harness.staffCookie });
    expect(again.status).toBe(409);

    const audit = await harness.json<{ items: { action: string; targetId: string; after: unknown }[] }>(
      "GET",
      "/api/audit?action=bulk.*&limit=10",
      { cookie: harness.adminCookie },
    );
    const ofJob = audit.body.items.find((item) => item.targetId === job.id);
    expect(ofJob).toMatchObject({ action: "bulk.archive", after: { total: 5, succeeded: 5, failed: 0 } });
  });

  it("keeps the rows a failing provider refused, with reasons, and retries them", async () => {
    const sigmamindRows = await rows("sigmamind", 5, 2);
    const chatlingRows = await rows("chatling", 5, 2);
    await harness.setFaults("chatling", { errorRate: 1 });
    let job: BulkJob;
    try {
      const { body } = await start({
        action: "important",
        target: { selection: [...sigmamindRows, ...chatlingRows] },
      });
      job = await finished(body.id);
    } finally {
      await harness.setFaults("chatling", {});
    }
    expect(job).toMatchObject({ total: 4, succeeded: 2, failed: 2 });
    expect(job.failures.map((failure) => failure.conversationId).sort()).toEqual(
      chatlingRows.map((row) => row.conversationId).sort(),
    );
    expect(job.failures.every((failure) => failure.reason.length > 0)).toBe(true);

    await new Promise((resolve) => setTimeout(resolve, 400)); // let the breaker half-open
    const retry = await harness.json<BulkJob>("POST", `/api/bulk/${job.id}/retry`, {
      cookie: harness.staffCookie,
    });
    expect(retry.status).toBe(202);
    expect(await finished(retry.body.id)).toMatchObject({ total: 2, succeeded: 2, retryOf: job.id });
    const important = await list(`view=important&limit=100`);
    const keys = new Set(important.items.map((item) => `${item.connectionId}/${item.id}`));
    for (const row of [...sigmamindRows, ...chatlingRows])
      expect(keys.has(`${row.connectionId}/${row.conversationId}`)).toBe(true);
  });

  it("covers every row a list query matches: the count the list gives", async () => {
    const zaia = harness.connectionIds.zaia;
    const matching = await list(`connection=${zaia}&q=refund&limit=1`);
    expect(matching.total).toBeGreaterThan(1);
    const { status, body } = await start({
      action: "trash",
      target: { filter: { connection: zaia, q: "refund", cursor: "ignored", limit: "1" } },
    });
    expect(status).toBe(202);
    const job = await finished(body.id);
    expect(job).toMatchObject({ total: matching.total, succeeded: matching.total, failed: 0 });
    expect((await list(`connection=${zaia}&q=refund&limit=1`)).total).toBe(0);
    expect((await list(`connection=${zaia}&q=refund&view=trash&limit=1`)).total).toBe(matching.total);
    await finished(
      (await harness.json<BulkJob>("POST", `/api/bulk/${job.id}/undo`, { cookie: harness.staffCookie })).body
        .id,
    );
    expect((await list(`connection=${zaia}&q=refund&limit=1`)).total).toBe(matching.total);
  });

  it("refuses bad requests, unknown jobs and connections, and an empty target", async () => {
    expect((await start({ action: "delete", target: { selection: [] } })).status).toBe(400);
    expect((await start({ action: "archive", target: { selection: [] } })).status).toBe(400);
    expect((await start({ action: "archive", target: { filter: { connection: "nope" } } })).status).toBe(404);
    const none = await start({
      action: "archive",
      target: { filter: { connection: harness.connectionIds.zaia, q: "zzqx-nothing-says-this" } },
    });
    expect(none.status).toBe(400);
    expect((await harness.json("GET", "/api/bulk/nope", { cookie: harness.staffCookie })).status).toBe(404);
    expect((await harness.json("GET", "/api/bulk/nope")).status).toBe(401);
  });
});
