/**
 * Server start-up, run once per process from `instrumentation.ts`: open and migrate the database,
 * seed the demo on its first start, then start syncing the index (job queue, shared request
 * budgets; never during `next build`) and the bulk jobs' workers on the same queue. Failures stop the process with the reason.
 */
import "server-only";
import { getConfig } from "@/lib/config";
import { getDatabase } from "@/lib/db/client";
import { seedDemo } from "@/lib/demo/seed";
import { startBulkJobs } from "@/lib/conversations/bulk/start";
import { startIndexing } from "@/lib/index/service";

export async function bootstrap(): Promise<void> {
  const config = getConfig();
  const db = await getDatabase();
  if (config.demo) {
    const { created } = await seedDemo(db);
    if (created)
      console.log(
        "[parley] demo seeded: admin@parley.local and staff@parley.local, one connection per provider",
      );
  }
  if (process.env.NEXT_PHASE !== "phase-production-build") {
    await startIndexing();
    await startBulkJobs();
  }
}
