/**
 * Writes to the index: conversation rows (upserted by page, as sync reads them), transcripts
 * (replaced whole), removals. Every write is idempotent, so a page read twice (a retried job, a
 * restart) changes nothing the second time.
 */
import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import {
  indexedConversations,
  indexedMessages,
  type IndexedConversationInsert,
  type IndexedMessageInsert,
  type TranscriptState,
} from "@/lib/db/schema";
import type { Message } from "@/lib/model/conversation";
import { withoutMessageText } from "./conversation-rows";

const INSERT_CHUNK = 250;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let index = 0; index < items.length; index += size) result.push(items.slice(index, index + size));
  return result;
}

/**
 * A conversation's transcript as its list page carried it (`ProviderConversation.transcript`),
 * already cut to what the index keeps: `partial` when the thread was longer.
 */
export interface CarriedTranscript {
  messages: readonly Message[];
  state: Extract<TranscriptState, "indexed" | "partial">;
}

/**
 * Upserts conversation rows. A row whose last activity moved since its transcript was read is
 * marked `pending`, so sync reads the transcript again; metadata-only connections keep `skipped`.
 *
 * `carried`: transcripts the page held, by conversation id. Each is stored with its row (its
 * messages replaced, the row `indexed` or `partial` at its `sort_at`), so sync never reads it
 * again, unless the index already holds it (same `sort_at` and message count). Ignored on a
 * metadata-only connection (`skip`): no message text is kept. With `carried`, the rows are one
 * connection's, and `db` is a transaction: rows and messages are written together.
 */
export async function upsertConversations(
  db: Database,
  rows: readonly IndexedConversationInsert[],
  transcripts: "index" | "skip",
  carried: ReadonlyMap<string, CarriedTranscript> = new Map(),
): Promise<void> {
  const t = indexedConversations;
  const kept = transcripts === "index" ? dedupe(rows) : dedupe(rows).map(withoutMessageText);
  const fresh = transcripts === "index" ? await transcriptsToWrite(db, kept, carried) : new Map();
  const stateOf = (row: IndexedConversationInsert): Partial<IndexedConversationInsert> => {
    if (transcripts === "skip") return { transcriptState: "skipped" };
    const transcript = fresh.get(row.id);
    return transcript
      ? { transcriptState: transcript.state, transcriptSortAt: row.sortAt }
      : { transcriptState: "pending" };
  };
  for (const chunk of chunks(kept, INSERT_CHUNK)) {
    await db
      .insert(t)
      .values(chunk.map((row) => ({ ...row, ...stateOf(row), confirmedAt: sql`now()` })))
      .onConflictDoUpdate({
        target: [t.connectionId, t.id],
        set: {
          title: sql`excluded.title`,
          preview: sql`excluded.preview`,
          contactId: sql`excluded.contact_id`,
          contactName: sql`excluded.contact_name`,
          contactIdentifier: sql`excluded.contact_identifier`,
          channelId: sql`excluded.channel_id`,
          channelType: sql`excluded.channel_type`,
          channelName: sql`excluded.channel_name`,
          responderId: sql`excluded.responder_id`,
          responderName: sql`excluded.responder_name`,
          responderKind: sql`excluded.responder_kind`,
          versionId: sql`excluded.version_id`,
          versionNumber: sql`excluded.version_number`,
          status: sql`excluded.status`,
          createdAt: sql`excluded.created_at`,
          lastActivityAt: sql`excluded.last_activity_at`,
          sortAt: sql`excluded.sort_at`,
          costCurrency: sql`excluded.cost_currency`,
          costAmount: sql`excluded.cost_amount`,
          costPromptTokens: sql`excluded.cost_prompt_tokens`,
          costCompletionTokens: sql`excluded.cost_completion_tokens`,
          costItems: sql`excluded.cost_items`,
          nativeImportant: sql`excluded.native_important`,
          nativeArchived: sql`excluded.native_archived`,
          nativeRemoved: sql`excluded.native_removed`,
          messageCount: sql`excluded.message_count`,
          searchText: sql`excluded.search_text`,
          confirmedAt: sql`now()`,
          transcriptState: sql`case
            when excluded.transcript_state in ('skipped', 'indexed', 'partial') then excluded.transcript_state
            when ${t.transcriptState} = 'skipped' then 'pending'
            when ${t.transcriptSortAt} is distinct from excluded.sort_at then 'pending'
            else ${t.transcriptState} end`,
          transcriptSortAt: sql`case
            when excluded.transcript_state in ('indexed', 'partial') then excluded.transcript_sort_at
            else ${t.transcriptSortAt} end`,
        },
      });
  }
  if (fresh.size === 0) return;
  const connectionId = kept[0]?.connectionId ?? "";
  const ids = [...fresh.keys()];
  for (const chunk of chunks(ids, INSERT_CHUNK))
    await db
      .delete(indexedMessages)
      .where(
        and(eq(indexedMessages.connectionId, connectionId), inArray(indexedMessages.conversationId, chunk)),
      );
  const messages = [...fresh].flatMap(([conversationId, transcript]) =>
    messageRows({ connectionId, conversationId }, transcript.messages),
  );
  for (const chunk of chunks(messages, INSERT_CHUNK)) await db.insert(indexedMessages).values(chunk);
}

/**
 * The carried transcripts to write: those of rows on this page whose transcript the index does
 * not already hold as carried (same `sort_at`, same message count: nothing moved).
 */
async function transcriptsToWrite(
  db: Database,
  rows: readonly IndexedConversationInsert[],
  carried: ReadonlyMap<string, CarriedTranscript>,
): Promise<Map<string, CarriedTranscript>> {
  const candidates = rows.filter((row) => carried.has(row.id));
  const fresh = new Map<string, CarriedTranscript>();
  if (candidates.length === 0) return fresh;
  const t = indexedConversations;
  const held = new Map<string, { sortAtMs: number | null; messageCount: number | null }>();
  for (const chunk of chunks(candidates, INSERT_CHUNK)) {
    const found = await db
      .select({
        id: t.id,
        sortAtMs: sql<number | null>`(extract(epoch from ${t.transcriptSortAt}) * 1000)::float8`,
        messageCount: t.messageCount,
      })
      .from(t)
      .where(
        and(
          eq(t.connectionId, chunk[0]?.connectionId ?? ""),
          inArray(
            t.id,
            chunk.map((row) => row.id),
          ),
          inArray(t.transcriptState, ["indexed", "partial"]),
        ),
      );
    for (const row of found) held.set(row.id, { sortAtMs: row.sortAtMs, messageCount: row.messageCount });
  }
  for (const row of candidates) {
    const transcript = carried.get(row.id);
    const known = held.get(row.id);
    const unchanged =
      known !== undefined &&
      known.sortAtMs !== null &&
      Number(known.sortAtMs) === Date.parse(row.sortAt) &&
      known.messageCount === row.messageCount;
    if (transcript && !unchanged) fresh.set(row.id, transcript);
  }
  return fresh;
}

/** The last of each id wins (a provider page may repeat a row that moved while paging). */
function dedupe(rows: readonly IndexedConversationInsert[]): IndexedConversationInsert[] {
  const byId = new Map<string, IndexedConversationInsert>();
  for (const row of rows) byId.set(`${row.connectionId}\u0000${row.id}`, row);
  return [...byId.values()];
}

/** A message's searchable text: its text, then each tool call as `name(arguments) → result`. */
export function messageSearchText(message: Message): string {
  const calls = message.toolCalls.map(
    (call) => `${call.name}(${call.arguments})${call.result ? ` → ${call.result}` : ""}`,
  );
  return [message.text, ...calls].filter(Boolean).join("\n");
}

/** A transcript's rows in `indexed_messages`, positions from `offset`. */
function messageRows(
  key: { connectionId: string; conversationId: string },
  messages: readonly Message[],
  offset = 0,
): IndexedMessageInsert[] {
  return messages.map((message, index) => ({
    connectionId: key.connectionId,
    conversationId: key.conversationId,
    position: offset + index,
    messageId: message.id,
    role: message.role,
    text: messageSearchText(message),
    createdAt: message.createdAt && !Number.isNaN(Date.parse(message.createdAt)) ? message.createdAt : null,
  }));
}

/**
 * Replaces a conversation's transcript. `sortAt` is the conversation's `sort_at` when the read
 * began: if its activity moved meanwhile, the next sync reads it again.
 */
export async function replaceTranscript(
  db: Database,
  key: { connectionId: string; conversationId: string },
  messages: readonly Message[],
  outcome: { state: Extract<TranscriptState, "indexed" | "partial">; sortAt: string; offset?: number },
): Promise<void> {
  const rows = messageRows(key, messages, outcome.offset ?? 0);
  await db.transaction(async (tx) => {
    const exists = await tx
      .update(indexedConversations)
      .set({ transcriptState: outcome.state, transcriptSortAt: outcome.sortAt })
      .where(
        and(
          eq(indexedConversations.connectionId, key.connectionId),
          eq(indexedConversations.id, key.conversationId),
        ),
      )
      .returning({ id: indexedConversations.id });
    if (exists.length === 0) return; // removed meanwhile
    await tx
      .delete(indexedMessages)
      .where(
        and(
          eq(indexedMessages.connectionId, key.connectionId),
          eq(indexedMessages.conversationId, key.conversationId),
        ),
      );
    for (const chunk of chunks(rows, INSERT_CHUNK)) await tx.insert(indexedMessages).values(chunk);
  });
}

export async function markTranscript(
  db: Database,
  key: { connectionId: string; conversationId: string },
  state: TranscriptState,
): Promise<void> {
  await db
    .update(indexedConversations)
    .set({ transcriptState: state })
    .where(
      and(
        eq(indexedConversations.connectionId, key.connectionId),
        eq(indexedConversations.id, key.conversationId),
      ),
    );
}

/** Removes conversations (deleted or gone at the provider); their messages go with them. */
export async function removeConversations(
  db: Database,
  connectionId: string,
  ids: readonly string[],
): Promise<void> {
  for (const chunk of chunks(ids, INSERT_CHUNK))
    await db
      .delete(indexedConversations)
      .where(
        and(eq(indexedConversations.connectionId, connectionId), inArray(indexedConversations.id, chunk)),
      );
}

/**
 * Applies a connection's "index transcripts" switch: off drops every message it kept, and each
 * row's preview (message text too), and marks its rows `skipped`; on marks skipped rows `pending`
 * so sync reads them (previews come back with the next listing).
 */
export async function applyTranscriptSwitch(db: Database, connectionId: string, on: boolean): Promise<void> {
  if (on) {
    await db
      .update(indexedConversations)
      .set({ transcriptState: "pending" })
      .where(
        and(
          eq(indexedConversations.connectionId, connectionId),
          eq(indexedConversations.transcriptState, "skipped"),
        ),
      );
    return;
  }
  await db.transaction(async (tx) => {
    await tx.delete(indexedMessages).where(eq(indexedMessages.connectionId, connectionId));
    await tx
      .update(indexedConversations)
      .set({
        transcriptState: "skipped",
        transcriptSortAt: null,
        preview: null,
        searchText: sql`concat_ws(E'\n', title, contact_name, contact_identifier, responder_name, channel_name)`,
      })
      .where(eq(indexedConversations.connectionId, connectionId));
  });
}
