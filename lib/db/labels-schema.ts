/**
 * Labels: Parley's own tags on conversations (never sent to providers). Admins manage the set;
 * staff put any number on a conversation. A conversation's labels key on its connection and the
 * provider's id, like the moderation overlay, so they survive every sync; they go with their
 * connection or their label. Names are unique regardless of case (`name_key` is the lower-cased
 * name); rows store ids, so renaming a label renames it everywhere.
 */
import { index, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { connections } from "./connections-schema";

export const labels = pgTable(
  "labels",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    nameKey: text("name_key").notNull(),
    colour: text("colour").notNull(),
    description: text("description").notNull().default(""),
    createdBy: text("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("labels_name_key_idx").on(table.nameKey)],
);

export const conversationLabels = pgTable(
  "conversation_labels",
  {
    connectionId: text("connection_id")
      .notNull()
      .references(() => connections.id, { onDelete: "cascade" }),
    conversationId: text("conversation_id").notNull(),
    labelId: text("label_id")
      .notNull()
      .references(() => labels.id, { onDelete: "cascade" }),
    addedBy: text("added_by"),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.connectionId, table.conversationId, table.labelId] }),
    index("conversation_labels_label_idx").on(table.labelId, table.connectionId),
  ],
);
