/**
 * The sync job queue on pg-boss, on the database under test (PGlite through its adapter, or
 * PostgreSQL with its own pool): one job per connection at a time, retried after a failure,
 * surviving a restart.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { startJobQueue, type JobQueue, type SyncJobData } from "./jobs";
import { openTestDatabase } from "./test-database";

let database: DatabaseHandle;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database?.close());

const queueName = (name: string) => `test-${name}-${Date.now()}`;

async function until(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("sync jobs on pg-boss", () => {
  it("runs one job per connection at a time, others alongside, and retries a failed run", async () => {
    const running = new Map<string, number>();
    let overlap = 0;
    const done: string[] = [];
    let failedOnce = false;
    const work = async (data: SyncJobData) => {
      const now = (running.get(data.connectionId) ?? 0) + 1;
      running.set(data.connectionId, now);
      if (now > 1) overlap += 1;
      await new Promise((resolve) => setTimeout(resolve, 150));
      running.set(data.connectionId, now - 1);
      if (data.connectionId === "c" && !failedOnce) {
        failedOnce = true;
        throw new Error("provider down");
      }
      done.push(data.connectionId);
      return { again: false };
    };
    const queue = await startJobQueue(database, work, {
      concurrency: 3,
      pollingIntervalSeconds: 0.5,
      queue: queueName("stately"),
      retryDelaySeconds: 1,
    });
    try {
      for (let index = 0; index < 4; index++) await queue.enqueue({ connectionId: "a" });
      await queue.enqueue({ connectionId: "b" });
      await queue.enqueue({ connectionId: "c" });
      await until(() => done.includes("a") && done.includes("b") && done.includes("c"));
      expect(overlap).toBe(0);
      expect(done.filter((id) => id === "b")).toHaveLength(1);
      // Four sends while at most one is queued and one running: never more than two runs of "a".
      expect(done.filter((id) => id === "a").length).toBeLessThanOrEqual(2);
      expect(failedOnce).toBe(true);
    } finally {
      await queue.stop();
    }
  }, 60_000);

  it("keeps queued jobs across a restart", async () => {
    const name = queueName("restart");
    const idle = await startJobQueue(database, async () => ({ again: false }), {
      concurrency: 0,
      pollingIntervalSeconds: 0.5,
      queue: name,
    });
    await idle.enqueue({ connectionId: "survivor" });
    await idle.stop();
    const done: string[] = [];
    let restarted: JobQueue | null = null;
    try {
      restarted = await startJobQueue(
        database,
        async (data) => {
          done.push(data.connectionId);
          return { again: false };
        },
        { concurrency: 1, pollingIntervalSeconds: 0.5, queue: name },
      );
      await until(() => done.includes("survivor"));
    } finally {
      await restarted?.stop();
    }
  }, 60_000);

  it("a sync asked for now runs now, even when a job waits for later (a Retry-After); the interval's tick does not move it", async () => {
    const runs: SyncJobData[] = [];
    const queue = await startJobQueue(
      database,
      async (data) => {
        runs.push(data);
        return { again: false };
      },
      { concurrency: 1, pollingIntervalSeconds: 0.5, queue: queueName("now") },
    );
    try {
      await queue.enqueue({ connectionId: "later" }, 600);
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(runs).toHaveLength(0);
      await queue.enqueue({ connectionId: "later" }); // the interval's tick: the queued job keeps its time
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(runs).toHaveLength(0);
      await queue.requestNow({ connectionId: "later", reconcile: true });
      await until(() => runs.length > 0);
      expect(runs).toEqual([{ connectionId: "later", reconcile: true }]);
    } finally {
      await queue.stop();
    }
  }, 60_000);

  it("a run that ends on a rate limit waits it out, even when the tick queued the next job meanwhile", async () => {
    const started: number[] = [];
    let queue: Awaited<ReturnType<typeof startJobQueue>> | null = null;
    queue = await startJobQueue(
      database,
      async (data) => {
        started.push(Date.now());
        if (started.length > 1) return { again: false };
        await queue!.enqueue({ connectionId: data.connectionId }); // the tick, while this run runs
        return { again: true, afterSeconds: 4 };
      },
      { concurrency: 1, pollingIntervalSeconds: 0.5, queue: queueName("retry-after") },
    );
    try {
      await queue.enqueue({ connectionId: "limited" });
      await until(() => started.length === 2, 20_000);
      expect(started[1]! - started[0]!).toBeGreaterThanOrEqual(3_500);
    } finally {
      await queue.stop();
    }
  }, 60_000);

  it("a sync asked for now also runs a failed run waiting for its retry now", async () => {
    let attempts = 0;
    const queue = await startJobQueue(
      database,
      async () => {
        attempts += 1;
        if (attempts === 1) throw new Error("provider down");
        return { again: false };
      },
      { concurrency: 1, pollingIntervalSeconds: 0.5, queue: queueName("retry-now"), retryDelaySeconds: 600 },
    );
    try {
      await queue.enqueue({ connectionId: "failing" });
      await until(() => attempts === 1);
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(attempts).toBe(1); // its retry is ten minutes away
      await queue.requestNow({ connectionId: "failing", reconcile: true });
      await until(() => attempts === 2);
    } finally {
      await queue.stop();
    }
  }, 60_000);

  it("a sync asked for now wakes an idle worker at once instead of at its next poll", async () => {
    const runs: { data: SyncJobData; at: number }[] = [];
    const queue = await startJobQueue(
      database,
      async (data) => {
        runs.push({ data, at: Date.now() });
        return { again: false };
      },
      // A poll every 30 s: only the wake-up can make the run come within a few seconds.
      { concurrency: 1, pollingIntervalSeconds: 30, queue: queueName("wake") },
    );
    try {
      await new Promise((resolve) => setTimeout(resolve, 1_000)); // the worker's first fetch found nothing
      const asked = Date.now();
      await queue.requestNow({ connectionId: "waiting", refresh: true });
      await until(() => runs.length > 0, 10_000);
      expect(runs[0]?.data).toEqual({ connectionId: "waiting", refresh: true });
      expect((runs[0]?.at ?? Infinity) - asked).toBeLessThan(5_000);
    } finally {
      await queue.stop();
    }
  }, 60_000);

  it("a run's follow-up (a Refresh's reconciliation) is queued, or given to the job already queued", async () => {
    const runs: SyncJobData[] = [];
    let queue: JobQueue | null = null;
    queue = await startJobQueue(
      database,
      async (data) => {
        runs.push(data);
        if (runs.length > 1) return { again: false };
        await queue!.enqueue({ connectionId: data.connectionId }); // the tick, while this run runs
        return { again: true, next: { connectionId: data.connectionId, reconcile: true } };
      },
      { concurrency: 1, pollingIntervalSeconds: 0.5, queue: queueName("follow-up") },
    );
    try {
      await queue.requestNow({ connectionId: "refreshed", refresh: true, reconcile: true });
      await until(() => runs.length === 2);
      expect(runs[1]).toEqual({ connectionId: "refreshed", reconcile: true });
    } finally {
      await queue.stop();
    }
  }, 60_000);
});
