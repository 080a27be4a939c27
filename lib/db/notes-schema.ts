/**
 * Internal notes: Parley's own remarks on a conversation, never sent to a provider. A note keys on
 * its connection and the provider's conversation id (like labels and the moderation overlay), so
 * it survives every sync and goes with its connection. The body is markdown in which a mention is
 * the token `<@userId>` (`lib/model/notes.ts`), so a renamed user still resolves; `mention_ids`
 * holds those ids. `message_id` is the message the note is about, if any. The folded text and the
 * vector are generated like the indexed messages', so `q` finds a conversation through its notes.
 */
import { sql } from "drizzle-orm";
import { customType, index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { connections } from "./connections-schema";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export const conversationNotes = pgTable(
  "conversation_notes",
  {
    id: text("id").primaryKey(),
    connectionId: text("connection_id")
      .notNull()
      .references(() => connections.id, { onDelete: "cascade" }),
    conversationId: text("conversation_id").notNull(),
    /** The author's user id (kept when the user is removed; the name then reads "a removed user"). */
    authorId: text("author_id").notNull(),
    body: text("body").notNull(),
    mentionIds: jsonb("mention_ids").$type<string[]>().notNull().default([]),
    messageId: text("message_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    editedAt: timestamp("edited_at", { withTimezone: true }),
    /** `body` lower-cased without accents, for substring (trigram) search. */
    folded: text("folded").generatedAlwaysAs(sql`f_unaccent(lower(body))`),
    /** `body`'s words for full-text search (`simple`: no stemming). */
    vector: tsvector("vector").generatedAlwaysAs(sql`to_tsvector('simple'::regconfig, f_unaccent(body))`),
  },
  (table) => [
    index("conversation_notes_conversation_idx").on(
      table.connectionId,
      table.conversationId,
      table.createdAt,
    ),
    index("conversation_notes_fts_idx").using("gin", table.vector),
    index("conversation_notes_trgm_idx").using("gin", table.folded.op("gin_trgm_ops")),
  ],
);
