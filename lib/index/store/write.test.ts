/**
 * `upsertConversations` with the transcripts a list page carried: stored with their rows in one
 * write (`indexed` or `partial` at the row's `sort_at`), replaced when activity moved, left alone
 * when nothing moved, never kept on a metadata-only connection; rows without one stay `pending`.
 * On PGlite, or PostgreSQL with TEST_DATABASE_URL.
 */
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, DatabaseHandle } from "@/lib/db/client";
import { indexedConversations, indexedMessages, type IndexedConversationInsert } from "@/lib/db/schema";
import type { Message } from "@/lib/model/conversation";
import { insertFakeConnection, openTestDatabase } from "../test-database";
import { upsertConversations, type CarriedTranscript } from "./write";

let database: DatabaseHandle;
const run = `write-${Date.now().toString(36)}`;
let serial = 0;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database?.close());

async function connection(indexTranscripts = true): Promise<string> {
  const id = `${run}-${serial++}`;
  await insertFakeConnection(database, id, "sigmamind", indexTranscripts);
  return id;
}

function row(connectionId: string, id: string, at: string, messageCount: number): IndexedConversationInsert {
  return {
    connectionId,
    id,
    title: `Title ${id}`,
    preview: `preview of ${id}`,
    createdAt: at,
    lastActivityAt: at,
    sortAt: at,
    messageCount,
    confirmedAt: at,
    searchText: `Title ${id}`,
  };
}

function message(id: string, text: string, toolCall?: string): Message {
  return {
    id,
    role: "user",
    providerRole: "user",
    text,
    createdAt: null,
    toolCalls: toolCall ? [{ id: null, name: toolCall, arguments: "{}", result: "ok" }] : [],
    toolCallId: null,
    sources: [],
    rating: null,
    cost: null,
  };
}

const carried = (entries: Record<string, CarriedTranscript>) => new Map(Object.entries(entries));

async function write(
  rows: IndexedConversationInsert[],
  mode: "index" | "skip",
  transcripts: Map<string, CarriedTranscript>,
) {
  await database.db.transaction((tx) =>
    upsertConversations(tx as unknown as Database, rows, mode, transcripts),
  );
}

async function stored(connectionId: string, conversationId: string) {
  const [conversation] = await database.db
    .select()
    .from(indexedConversations)
    .where(
      and(eq(indexedConversations.connectionId, connectionId), eq(indexedConversations.id, conversationId)),
    );
  const messages = await database.db
    .select()
    .from(indexedMessages)
    .where(
      and(eq(indexedMessages.connectionId, connectionId), eq(indexedMessages.conversationId, conversationId)),
    )
    .orderBy(asc(indexedMessages.position));
  return { conversation, messages };
}

const at1 = "2026-11-30T10:00:00.000Z";
const at2 = "2026-11-30T11:00:00.000Z";

describe("upsertConversations with carried transcripts", () => {
  it("stores each carried transcript with its row; a row without one stays pending", async () => {
    const id = await connection();
    await write(
      [row(id, "a", at1, 2), row(id, "b", at1, 1), row(id, "c", at1, 3)],
      "index",
      carried({
        a: {
          messages: [message("a:0", "olá, cadê meu pedido?"), message("a:1", "", "lookup_order")],
          state: "indexed",
        },
        c: { messages: [message("c:0", "first of many")], state: "partial" },
      }),
    );
    const a = await stored(id, "a");
    expect(a.conversation).toMatchObject({ transcriptState: "indexed" });
    expect(Date.parse(a.conversation?.transcriptSortAt ?? "")).toBe(Date.parse(at1));
    expect(a.messages.map((entry) => [entry.position, entry.messageId, entry.text])).toEqual([
      [0, "a:0", "olá, cadê meu pedido?"],
      [1, "a:1", "lookup_order({}) → ok"],
    ]);
    expect((await stored(id, "b")).conversation?.transcriptState).toBe("pending");
    expect((await stored(id, "b")).messages).toEqual([]);
    expect((await stored(id, "c")).conversation?.transcriptState).toBe("partial");
  });

  it("replaces a transcript when activity moved, and leaves it when nothing moved", async () => {
    const id = await connection();
    await write(
      [row(id, "a", at1, 1)],
      "index",
      carried({ a: { messages: [message("a:0", "one")], state: "indexed" } }),
    );
    // The same row again (same sort_at, same count) with other text: not rewritten.
    await write(
      [row(id, "a", at1, 1)],
      "index",
      carried({ a: { messages: [message("a:0", "changed")], state: "indexed" } }),
    );
    expect((await stored(id, "a")).messages.map((entry) => entry.text)).toEqual(["one"]);
    // Activity moved: replaced whole.
    await write(
      [row(id, "a", at2, 2)],
      "index",
      carried({ a: { messages: [message("a:0", "one"), message("a:1", "two")], state: "indexed" } }),
    );
    const moved = await stored(id, "a");
    expect(moved.messages.map((entry) => entry.text)).toEqual(["one", "two"]);
    expect(Date.parse(moved.conversation?.transcriptSortAt ?? "")).toBe(Date.parse(at2));
    // Moved again, listed without a transcript: pending, for sync to read.
    await write([row(id, "a", "2026-11-30T12:00:00.000Z", 3)], "index", new Map());
    expect((await stored(id, "a")).conversation?.transcriptState).toBe("pending");
  });

  it("keeps no message text on a metadata-only connection, whatever the page carried", async () => {
    const id = await connection(false);
    await write(
      [row(id, "a", at1, 1)],
      "skip",
      carried({ a: { messages: [message("a:0", "secret")], state: "indexed" } }),
    );
    const a = await stored(id, "a");
    expect(a.conversation).toMatchObject({
      transcriptState: "skipped",
      preview: null,
      transcriptSortAt: null,
    });
    expect(a.messages).toEqual([]);
  });
});
