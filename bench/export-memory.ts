/**
 * The export's memory at scale (issue 11): 100,000 conversations in an index (in-memory PGlite, or
 * DATABASE_URL's PostgreSQL, whose tables it fills and empties), exported as CSV and as JSON Lines
 * through the same stream the route answers with, read chunk by chunk. It samples the
 * process's heap and RSS before, during and after, and prints one line per format.
 *
 *   node --expose-gc --require ./scripts/support/server-only.cjs --import tsx bench/export-memory.ts
 *   (EXPORT_ROWS=100000 by default; DATABASE_URL=postgres://… to run it on PostgreSQL)
 *
 * Flat means: the peak heap during the export stays within a few MB of the heap before it, however
 * many rows there are (the server holds one page at a time), and it is back after. The whole CSV
 * file is ~30 MB, so an export that buffered it would show it.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";

const ROWS = Number(process.env.EXPORT_ROWS ?? 100_000);
const MB = 1024 * 1024;

function sample() {
  (globalThis as { gc?: () => void }).gc?.();
  const usage = process.memoryUsage();
  return { heap: usage.heapUsed / MB, rss: usage.rss / MB, external: usage.arrayBuffers / MB };
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "parley-export-bench-"));
  process.env.PARLEY_DATA_DIR = dataDir;
  process.env.PARLEY_SECRET ??= "export-bench-secret-0123456789abcdef";
  const { openDatabase, openMemoryDatabase } = await import("@/lib/db/client");
  const { connections } = await import("@/lib/db/schema");
  const { getAdapter } = await import("@/lib/providers/registry");
  const { exportStream } = await import("@/lib/conversations/export");
  const { exportQuerySchema } = await import("@/lib/model/export");
  const handle = process.env.DATABASE_URL
    ? openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir })
    : openMemoryDatabase();
  await handle.ready;
  const { db } = handle;
  const connectionId = `bench-export-${Date.now()}`;
  await db.insert(connections).values({
    id: connectionId,
    provider: "cozmox",
    name: "Export bench",
    baseUrl: "http://fake",
    encryptedKey: "unused",
    keyHint: "…none",
  });
  const started = Date.now();
  // Rows like the simulator's: titles, contacts, a cost on two thirds, a formula-looking title now and then.
  await db.execute(sql`
    insert into indexed_conversations (connection_id, id, title, preview, contact_name, contact_identifier,
      channel_type, responder_id, responder_name, status, created_at, last_activity_at, sort_at,
      cost_currency, cost_amount, message_count, search_text, confirmed_at, transcript_state)
    select ${connectionId}, 'chat-' || n,
      case when n % 97 = 0 then '=HYPERLINK("http://x")' else 'Order question number ' || n end,
      'Hello, I would like to know where my order ' || n || ' is.',
      'Customer ' || n, 'customer' || n || '@example.com', 'widget', 'asst-' || (n % 7), 'Assistant ' || (n % 7),
      'ended', now() - (n || ' minutes')::interval, now() - (n || ' minutes')::interval,
      now() - (n || ' minutes')::interval,
      case when n % 3 = 0 then null else 'USD' end, case when n % 3 = 0 then null else (n % 100) / 1000.0 end,
      10 + n % 40, 'Order question number ' || n, now(), 'skipped'
    from generate_series(1, ${ROWS}) as n`);
  process.stdout.write(`indexed ${ROWS.toLocaleString()} conversations in ${Date.now() - started} ms\n`);
  const capabilities = getAdapter("cozmox").capabilities;

  for (const format of ["csv", "jsonl"] as const) {
    const before = sample();
    let peak = before;
    let bytes = 0;
    let chunks = 0;
    const query = exportQuerySchema.parse({ format, connection: connectionId, view: "all" });
    const stream = exportStream({
      db,
      query,
      connections: [{ id: connectionId, name: "Export bench", provider: "cozmox", capabilities }],
      actor: { id: "bench", email: "bench@parley.local" },
      baseUrl: "http://127.0.0.1:3000",
    });
    const reader = stream.getReader();
    const time = Date.now();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      if (++chunks % 20 === 0) {
        const now = sample();
        if (now.heap > peak.heap) peak = now;
      }
    }
    const after = sample();
    process.stdout.write(
      `${format}: ${(bytes / MB).toFixed(1)} MB in ${chunks} chunks, ${Date.now() - time} ms; heap before ${before.heap.toFixed(1)} MB, ` +
        `peak ${peak.heap.toFixed(1)} MB (+${(peak.heap - before.heap).toFixed(1)}), after ${after.heap.toFixed(1)} MB; ` +
        `rss before ${before.rss.toFixed(0)} MB, at peak ${peak.rss.toFixed(0)} MB, after ${after.rss.toFixed(0)} MB\n`,
    );
  }
  await db.delete(connections).where(sql`id = ${connectionId}`);
  await handle.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
