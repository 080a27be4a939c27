/** Starts the bulk jobs' workers on the index's running job queue (server start, after indexing). */
import "server-only";
import { getDatabaseHandle } from "@/lib/db/client";
import { runningJobQueue } from "@/lib/index/service";
import { startBulkWorkers } from "./queue";

export async function startBulkJobs(): Promise<void> {
  const queue = runningJobQueue();
  if (!queue) return;
  const database = await getDatabaseHandle();
  await startBulkWorkers(queue.boss, database.db, {
    // PGlite is one connection that every request shares: one worker polls it, modestly.
    concurrency: database.kind === "pglite" ? 1 : 2,
    pollingIntervalSeconds: database.kind === "pglite" ? 2 : 1,
  });
}
