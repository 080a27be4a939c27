/**
 * Provider connections: one stored key (encrypted) per provider account. In a file of its own
 * because the overlay (`schema.ts`) and the index (`index-schema.ts`) both reference it.
 */
import { boolean, pgTable, text, timestamp } from "drizzle-orm/pg-core";

export const connections = pgTable("connections", {
  id: text("id").primaryKey(),
  /** One of Parley's provider ids (sigmamind, cozmox, zaia, chatling). */
  provider: text("provider").notNull(),
  name: text("name").notNull(),
  baseUrl: text("base_url").notNull(),
  /** AES-256-GCM ciphertext (lib/security/key-encryption.ts); never leaves the server. */
  encryptedKey: text("encrypted_key").notNull(),
  keyHint: text("key_hint").notNull(),
  lastError: text("last_error"),
  lastCheckedAt: timestamp("last_checked_at", { withTimezone: true }),
  /**
   * Whether sync keeps this connection's transcripts (message text) in the index. Off: metadata
   * only, for accounts that must not keep customer text at rest in Parley's database.
   */
  indexTranscripts: boolean("index_transcripts").notNull().default(true),
  createdBy: text("created_by"),
  updatedBy: text("updated_by"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
