/**
 * The list cursor: the keyset position (sort time, connection id, conversation id) of the last row
 * of a page, plus a hash of the query it belongs to, so a cursor reused with other filters is
 * refused instead of skipping rows. Bad cursors are `invalid` domain errors (400).
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import { invalid } from "@/lib/model/errors";
import type { ListQuery } from "@/lib/model/list-query";

const cursorSchema = z.object({
  v: z.literal(2),
  q: z.string().max(64),
  /** `sort_at` as the database wrote it (microseconds, UTC), connection id, conversation id. */
  k: z.tuple([z.string().max(40), z.string().max(200), z.string().max(1000)]),
});
export type ListCursor = z.infer<typeof cursorSchema>;
export type KeysetPosition = ListCursor["k"];

/** A stable hash of everything that shapes the list except the cursor and page size. */
export function queryHash(query: ListQuery, connectionIds: readonly string[]): string {
  const { cursor: _cursor, limit: _limit, connection: _connection, ...shape } = query;
  const parts = { ...shape, connection: [...connectionIds].sort() };
  return createHash("sha256").update(JSON.stringify(parts)).digest("base64url").slice(0, 22);
}

export function encodeCursor(hash: string, position: KeysetPosition): string {
  return Buffer.from(JSON.stringify({ v: 2, q: hash, k: position })).toString("base64url");
}

export function decodeCursor(raw: string, expectedHash: string): KeysetPosition {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    throw invalid("cursor: The cursor is not valid. Start again from the first page.");
  }
  const parsed = cursorSchema.safeParse(value);
  if (!parsed.success || Number.isNaN(Date.parse(parsed.data.k[0])))
    throw invalid("cursor: The cursor is not valid. Start again from the first page.");
  if (parsed.data.q !== expectedHash)
    throw invalid("cursor: The cursor belongs to other filters. Start again from the first page.");
  return parsed.data.k;
}
