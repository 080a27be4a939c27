/**
 * Where a connection's sync stands, kept in `sync_state.bookmarks` and saved with each page it
 * wrote (one transaction), so a restart resumes at the next page: nothing lost, nothing read twice.
 *
 * - `backfill`: the first full listing, newest first; per scope the next page token, or `done`.
 * - `reconcile`: a later full listing that notices conversations gone at the provider: rows not
 *   confirmed since it started are checked one by one at the end.
 * - `transcriptsOn`: the "index transcripts" switch as sync last applied it.
 */
import { z } from "zod";

const scopeTokens = z.record(z.string(), z.union([z.string(), z.null(), z.literal(true)]));

export const bookmarksSchema = z.object({
  backfill: z
    .object({ startedAt: z.string(), scopes: scopeTokens, done: z.boolean(), total: z.number().nullable() })
    .nullable()
    .default(null),
  /** True once every transcript known at the end of the backfill was read once. */
  firstTranscriptsDone: z.boolean().default(false),
  reconcile: z.object({ startedAt: z.string(), scopes: scopeTokens }).nullable().default(null),
  lastReconciledAt: z.string().nullable().default(null),
  transcriptsOn: z.boolean().nullable().default(null),
});
export type Bookmarks = z.infer<typeof bookmarksSchema>;
/** Per scope: the next page token (null: the first page), or `true` when the scope is done. */
export type ScopeTokens = z.infer<typeof scopeTokens>;

export function readBookmarks(value: unknown): Bookmarks {
  const parsed = bookmarksSchema.safeParse(value ?? {});
  // Bookmarks of another shape (an older Parley) start the sync over, which is always safe.
  return parsed.success ? parsed.data : bookmarksSchema.parse({});
}

export const scopeKey = (scope: string | null): string => scope ?? "";
export const scopeOf = (key: string): string | null => (key === "" ? null : key);
