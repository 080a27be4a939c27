/**
 * The database for `lib/index` tests: an in-memory PGlite, or PostgreSQL when TEST_DATABASE_URL is
 * set (then emptied first), with connection rows for fake providers.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { DatabaseHandle } from "@/lib/db/client";
import { connections } from "@/lib/db/schema";

/** `empty`: truncate the index's tables on PostgreSQL first (only the file that needs it, so parallel files do not race). */
export async function openTestDatabase(
  options: { empty?: boolean } = {},
): Promise<DatabaseHandle & { dataDir: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "parley-index-"));
  process.env.PARLEY_DATA_DIR ??= dataDir;
  process.env.PARLEY_SECRET ??= "index-test-secret-0123456789abcdef";
  const { openDatabase, openMemoryDatabase } = await import("@/lib/db/client");
  const handle = process.env.TEST_DATABASE_URL
    ? openDatabase({ databaseUrl: process.env.TEST_DATABASE_URL, dataDir })
    : openMemoryDatabase();
  await handle.ready;
  if (process.env.TEST_DATABASE_URL && options.empty)
    await handle.db.execute(
      sql`truncate table connections, request_budget_calls, moderation_overlay restart identity cascade`,
    );
  return { ...handle, dataDir };
}

export async function insertFakeConnection(
  handle: DatabaseHandle,
  id: string,
  provider: string,
  indexTranscripts = true,
): Promise<void> {
  await handle.db.insert(connections).values({
    id,
    provider,
    name: `Fake ${provider}`,
    baseUrl: "http://fake",
    encryptedKey: "unused",
    keyHint: "…none",
    indexTranscripts,
  });
}
