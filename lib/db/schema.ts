/**
 * Parley's database: better-auth's tables, provider connections (keys encrypted), the moderation
 * overlay, the audit log and the conversation index (`index-schema.ts`). The same schema and migrations run on PGlite and PostgreSQL 15+, so
 * only SQL both understand belongs here.
 */
import { sql } from "drizzle-orm";
import { bigserial, boolean, index, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

export * from "./auth-schema";
export * from "./index-schema";
export * from "./connections-schema";
export * from "./views-schema";
export * from "./bulk-schema";
export * from "./labels-schema";
export * from "./notes-schema";
export * from "./review-schema";
import { connections } from "./connections-schema";

/**
 * Parley's own moderation state per conversation. A null flag means "not set here": the provider's
 * native flag (Chatling) or the default applies. Trash lives only here. Rows go with their
 * connection.
 */
export const moderationOverlay = pgTable(
  "moderation_overlay",
  {
    connectionId: text("connection_id")
      .notNull()
      .references(() => connections.id, { onDelete: "cascade" }),
    conversationId: text("conversation_id").notNull(),
    important: boolean("important"),
    archived: boolean("archived"),
    title: text("title"),
    trashed: boolean("trashed").notNull().default(false),
    trashedAt: timestamp("trashed_at", { withTimezone: true }),
    /** Set when an admin deleted the conversation at the provider. */
    deletedAtProvider: boolean("deleted_at_provider").notNull().default(false),
    updatedBy: text("updated_by"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.connectionId, table.conversationId] }),
    index("moderation_overlay_flags_idx").on(
      table.connectionId,
      table.trashed,
      table.important,
      table.archived,
    ),
  ],
);

/**
 * One row per moderation request, admin action and sign-in, successful or not. Kept when a
 * connection or user is removed (ids and names are copied, not referenced).
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    createdAt: timestamp("created_at", { withTimezone: true })
      .notNull()
      .default(sql`now()`),
    actorId: text("actor_id"),
    actorEmail: text("actor_email"),
    action: text("action").notNull(),
    connectionId: text("connection_id"),
    connectionName: text("connection_name"),
    conversationId: text("conversation_id"),
    /** What the action targeted when it is not a conversation (a user id, a connection id). */
    targetId: text("target_id"),
    before: jsonb("before"),
    after: jsonb("after"),
    outcome: text("outcome").notNull(),
    error: text("error"),
  },
  (table) => [
    index("audit_log_created_at_idx").on(table.createdAt),
    index("audit_log_conversation_idx").on(table.connectionId, table.conversationId),
    index("audit_log_actor_idx").on(table.actorEmail),
    index("audit_log_action_idx").on(table.action),
  ],
);
