/**
 * Saved views of the conversation list and Parley-wide settings set by admins.
 *
 * A saved view is a name plus the list's URL state (its query string, normalised by
 * `lib/conversations/saved-views.ts`). `owner_id` null means a shared view (admins create and edit
 * them, everyone sees them); otherwise only its owner sees it. Views go with their owner.
 */
import { index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { user } from "./auth-schema";

export const savedViews = pgTable(
  "saved_views",
  {
    id: text("id").primaryKey(),
    /** The owner of a personal view; null for a shared view. */
    ownerId: text("owner_id").references(() => user.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** The list's query string without `?`, cursor, page size or open conversation. */
    query: text("query").notNull(),
    /** Order within its group (shared, or one person's), from 0. */
    position: integer("position").notNull().default(0),
    createdBy: text("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("saved_views_owner_idx").on(table.ownerId, table.position)],
);

/** One row per setting an admin changes (`lib/conversations/settings.ts` holds the known keys). */
export const appSettings = pgTable("app_settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
  updatedBy: text("updated_by"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export type SavedViewRow = typeof savedViews.$inferSelect;
