/**
 * Bulk moderation jobs (`lib/conversations/bulk`): one row per job (who asked, what, its state)
 * and one per conversation it covers, with that row's outcome, so progress, failures, retry and
 * undo survive a restart and leaving the page. Rows keep ids, not references to connections: a
 * job's outcome stays readable after a connection is removed.
 */
import { sql } from "drizzle-orm";
import {
  index,
  integer,
  uniqueIndex,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from "drizzle-orm/pg-core";

export const bulkJobs = pgTable(
  "bulk_jobs",
  {
    id: text("id").primaryKey(),
    /** One of `bulkActions` (archive, unarchive, important, unimportant, trash, restore). */
    action: text("action").notNull(),
    /** How the rows were chosen: `selection` or `filter` (with the list query), for the record. */
    target: jsonb("target").notNull(),
    actorId: text("actor_id").notNull(),
    actorEmail: text("actor_email"),
    /** The job whose succeeded rows this one puts back (an undo), or whose failed rows it retries. */
    undoOf: text("undo_of"),
    retryOf: text("retry_of"),
    /** `queued`, `running`, `done`. */
    state: text("state").notNull().default("queued"),
    createdAt: timestamp("created_at", { withTimezone: true })
      .notNull()
      .default(sql`now()`),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  // One undo per job.
  (table) => [uniqueIndex("bulk_jobs_undo_of_idx").on(table.undoOf)],
);

export const bulkJobItems = pgTable(
  "bulk_job_items",
  {
    jobId: text("job_id")
      .notNull()
      .references(() => bulkJobs.id, { onDelete: "cascade" }),
    connectionId: text("connection_id").notNull(),
    conversationId: text("conversation_id").notNull(),
    /** The title shown when the row is listed as failed. */
    title: text("title"),
    /** `pending`, `done`, `failed`, `skipped` (already as asked). */
    state: text("state").notNull().default("pending"),
    /** `provider` or `parley`: where the flag is changed. */
    home: text("home").notNull(),
    attempts: integer("attempts").notNull().default(0),
    error: text("error"),
    /** Extra facts of the outcome (the flag before, say). */
    detail: jsonb("detail"),
    updatedAt: timestamp("updated_at", { withTimezone: true })
      .notNull()
      .default(sql`now()`),
  },
  (table) => [
    primaryKey({ columns: [table.jobId, table.connectionId, table.conversationId] }),
    index("bulk_job_items_state_idx").on(table.jobId, table.state),
  ],
);
