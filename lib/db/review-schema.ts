/**
 * Assignment and review: Parley's own data per conversation (never sent to providers), keyed on
 * the connection and the provider's id like the moderation overlay, so it survives every sync and
 * goes with its connection. A conversation without a row is unassigned and unreviewed. `version`
 * grows with every change, so two people editing at once can be told apart (409, nothing written).
 * The score is an integer in the mode it was given in (`score_mode`: 1–5, or pass 1 / fail 0), so
 * changing the Parley-wide mode later never reinterprets old scores.
 */
import { index, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { user } from "./auth-schema";
import { connections } from "./connections-schema";
import { labels } from "./labels-schema";

export const conversationReviews = pgTable(
  "conversation_reviews",
  {
    connectionId: text("connection_id")
      .notNull()
      .references(() => connections.id, { onDelete: "cascade" }),
    conversationId: text("conversation_id").notNull(),
    assigneeId: text("assignee_id").references(() => user.id, { onDelete: "set null" }),
    reviewState: text("review_state").notNull().default("unreviewed"),
    reviewedBy: text("reviewed_by").references(() => user.id, { onDelete: "set null" }),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    score: integer("score"),
    scoreMode: text("score_mode"),
    reasonLabelId: text("reason_label_id").references(() => labels.id, { onDelete: "set null" }),
    version: integer("version").notNull().default(0),
    updatedBy: text("updated_by"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.connectionId, table.conversationId] }),
    index("conversation_reviews_assignee_idx").on(table.assigneeId),
    index("conversation_reviews_state_idx").on(table.reviewState, table.connectionId),
    index("conversation_reviews_reviewer_idx").on(table.reviewedBy),
  ],
);
