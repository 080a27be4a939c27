/**
 * The index bench's data: four bench connections and BENCH_INDEX_ROWS conversations over them with
 * about ten messages each, in several languages (Latin with accents, Arabic, Hebrew, Chinese,
 * Japanese, Korean), written by SQL (`generate_series`), not through the sync: `folded`, `vector`,
 * `search_folded` and `search_vector` are generated columns, so the database computes them exactly
 * as for rows the sync writes, and `search_text` joins the same fields `searchTextOf` joins. The
 * four GIN indexes (full text and trigrams, conversations and messages) are dropped during the
 * fill and created again from their own definitions (`pg_indexes`), which builds the same indexes
 * many times faster than updating them row by row; the B-tree indexes stay.
 */
import { performance } from "node:perf_hooks";
import { inArray, sql } from "drizzle-orm";
import { getConfig } from "@/lib/config";
import type { Database } from "@/lib/db/client";
import { connections, syncState } from "@/lib/db/schema";
import { encryptSecret } from "@/lib/security/key-encryption";

const providers = ["sigmamind", "cozmox", "zaia", "chatling"] as const;
export const benchConnectionIds = providers.map((provider) => `bench-index-${provider}`);
/** Conversations per message-insert statement (about ten times as many messages). */
const BATCH = 10_000;

const literalArray = (values: readonly string[]) =>
  sql`array[${sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  )}]::text[]`;

/** Customer and agent sentences: every script of the demo data, accents included. */
const phrases = [
  "Onde está o meu pedido? Ainda não chegou, cadê a entrega?",
  "Preciso de um reembolso da cobrança duplicada, por favor",
  "Where is my order? It was supposed to arrive on Monday.",
  "I was charged twice for the same subscription, please refund",
  "¿Pueden ayudarme con mi pedido? La dirección está mal",
  "Bonjour, je voudrais modifier ma réservation pour vendredi",
  "مرحبا، أريد إلغاء طلبي من فضلك",
  "שלום, ההזמנה שלי לא הגיעה עדיין",
  "你好，我的订单什么时候发货？我想申请退款",
  "注文のキャンセルはできますか？返金をお願いします",
  "배송 조회는 어떻게 하나요? 환불 요청합니다",
  "Thanks, that fixed it! The invoice is in your account now.",
  "Your order has shipped and will arrive in two business days.",
  "I have opened a ticket for the billing team; they answer within a day.",
  "lookup_order(order_id) → status: shipped, carrier: DHL",
  "Posso trocar o endereço de entrega depois da compra?",
] as const;
const channelTypes = ["whatsapp", "web", "instagram", "telegram", "email", "sms"] as const;
const statuses = ["active", "completed", "completed"] as const;

export async function addBenchConnections(db: Database): Promise<void> {
  await db.delete(connections).where(inArray(connections.id, benchConnectionIds));
  const secret = getConfig().secret;
  await db.insert(connections).values(
    providers.map((provider, index) => ({
      id: benchConnectionIds[index] as string,
      provider,
      name: `Bench ${provider}`,
      baseUrl: "http://127.0.0.1:9",
      encryptedKey: encryptSecret("bench-index-unused-key", secret),
      keyHint: "…-key",
    })),
  );
  // Synced and idle, as an index at rest is: the list shows no "first sync in progress" notice.
  const now = new Date().toISOString();
  await db.insert(syncState).values(
    benchConnectionIds.map((connectionId) => ({
      connectionId,
      state: "idle" as const,
      bookmarks: {
        backfill: { startedAt: now, scopes: {}, done: true, total: null },
        firstTranscriptsDone: true,
      },
      lastSuccessAt: now,
      lastAttemptAt: now,
    })),
  );
}

export async function fillBenchIndex(
  db: Database,
  rows: number,
  progress: (line: string) => void,
): Promise<{ messages: number; ms: number }> {
  const started = performance.now();
  const secondary = await db.execute(sql`select indexname, indexdef from pg_indexes
    where tablename in ('indexed_conversations', 'indexed_messages') and indexdef ilike '%using gin%'`);
  const gin = (secondary as unknown as { rows: { indexname: string; indexdef: string }[] }).rows;
  for (const index of gin) await db.execute(sql.raw(`drop index ${index.indexname}`));
  try {
    await insertRows(db, rows, started, progress);
  } finally {
    // Also after a failure: a shared PostgreSQL must not be left without its indexes.
    for (const index of gin)
      await db.execute(sql.raw(index.indexdef.replace(/^CREATE INDEX /i, "CREATE INDEX IF NOT EXISTS ")));
  }
  progress(`${gin.length} GIN indexes built again after ${Math.round(performance.now() - started)} ms`);
  // As an index at rest is left by the sync's statistics refresh (PGlite) or autovacuum (PostgreSQL).
  await db.execute(sql`vacuum (analyze) indexed_conversations`);
  await db.execute(sql`analyze indexed_messages`);
  const counted = await db.execute(sql`select count(*)::int as count from indexed_messages
    where connection_id in (${sql.join(
      benchConnectionIds.map((id) => sql`${id}`),
      sql`, `,
    )})`);
  const messages = Number((counted as unknown as { rows: { count: number }[] }).rows[0]?.count ?? 0);
  return { messages, ms: performance.now() - started };
}

async function insertRows(
  db: Database,
  rowCount: number,
  started: number,
  progress: (line: string) => void,
): Promise<void> {
  await db.execute(sql`insert into indexed_conversations (connection_id, id, title, preview, contact_id,
      contact_name, contact_identifier, channel_id, channel_type, channel_name, responder_id,
      responder_name, responder_kind, status, created_at, last_activity_at, sort_at, message_count,
      search_text, confirmed_at, transcript_state)
    select ids[1 + g % 4], 'c' || g, title, preview, 'u' || g % 5000, contact, '+55 11 9' || lpad((g % 5000)::text, 4, '0'),
      'ch' || g % 6, channel_types[1 + g % 6], 'Channel ' || g % 6, 'r' || (g / 4) % 40,
      'Responder ' || (g / 4) % 40, 'agent', statuses[1 + (g / 7) % 3], at - interval '1 hour', at, at,
      1 + (g * 7) % 19,
      concat_ws(E'\n', title, contact, '+55 11 9' || lpad((g % 5000)::text, 4, '0'), 'Responder ' || (g / 4) % 40,
        'Channel ' || g % 6, preview),
      now(), 'indexed'
    from generate_series(1, ${rowCount}) g,
      lateral (select timestamptz '2026-11-20' - ((g::bigint * 104729) % 31536000) * interval '1 second' as at,
        'Conversation ' || g as title, 'Cliente ' || g % 5000 as contact,
        (${literalArray(phrases)})[1 + (g * 11) % ${phrases.length}] as preview) t,
      lateral (select ${literalArray(benchConnectionIds)} as ids, ${literalArray(channelTypes)} as channel_types,
        ${literalArray(statuses)} as statuses) i`);
  progress(
    `${rowCount.toLocaleString("en-US")} conversations in ${Math.round(performance.now() - started)} ms`,
  );

  // Message p of conversation g: two sentences and an order number (many distinct words, as real
  // threads have); one message in about 100,000 carries the rare word.
  for (let from = 1; from <= rowCount; from += BATCH) {
    const to = Math.min(rowCount, from + BATCH - 1);
    await db.execute(sql`insert into indexed_messages (connection_id, conversation_id, position, message_id, role, text, created_at)
      select c.connection_id, c.id, p, c.id || '-m' || p, case when p % 2 = 0 then 'user' else 'assistant' end,
        phrases[1 + (h % ${phrases.length})] || ' ' || phrases[1 + ((h / 7) % ${phrases.length})] || ' #' || (h % 900000)
          || case when h % 99991 = 17 then ' quetzalcoatl' else '' end,
        c.created_at + p * interval '30 seconds'
      from (select *, substr(id, 2)::int as g from indexed_conversations
            where connection_id in (${sql.join(
              benchConnectionIds.map((id) => sql`${id}`),
              sql`, `,
            )}) and substr(id, 2)::int between ${from} and ${to}) c,
        generate_series(0, c.message_count - 1) p,
        lateral (select (c.g::bigint * 7919 + p * 104729) % 1000003 as h) hh,
        lateral (select ${literalArray(phrases)} as phrases) ph`);
    progress(`messages of conversations ${from}–${to} after ${Math.round(performance.now() - started)} ms`);
  }
}
