-- The list's counts (a total up to 10,000 rows, each saved view's count) read every matching
-- conversation's flags and filter fields. The conversation rows are wide (their search text, folded
-- text and full-text vector), so a heap scan reads about 800 bytes a row; this index holds what
-- the view and the filters read (about 110 bytes a row) and answers counts by an index-only scan.
-- Not declared in lib/db/index-schema.ts: drizzle's index builder has no INCLUDE.
CREATE INDEX IF NOT EXISTS "indexed_conversations_facts_idx" ON "indexed_conversations" USING btree ("connection_id") INCLUDE ("id", "native_archived", "native_removed", "native_important", "channel_type", "status", "channel_id", "responder_id", "version_id", "last_activity_at");
