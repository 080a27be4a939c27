/**
 * The list cursor: where each source (a connection, or one scope of it such as a Chatling
 * chatbot) stopped, in the provider's own order. Resuming each source exactly where it stopped is
 * what makes paging a merged list free of duplicates and gaps. The cursor also carries a hash of
 * the query it belongs to, so a cursor reused with other filters is refused instead of skipping rows.
 */
import { createHash } from "node:crypto";
import { z } from "zod";

/** Where a source resumes: the page token to fetch, how many raw rows of it were consumed, and the page size. */
export const sourcePositionSchema = z.object({
  t: z.string().max(500).nullable(),
  i: z.number().int().min(0).max(10_000),
  z: z.number().int().min(1).max(1000),
});
export type SourcePosition = z.infer<typeof sourcePositionSchema>;

const cursorSchema = z.object({
  v: z.literal(1),
  q: z.string().max(64),
  s: z.record(z.string().max(300), z.union([sourcePositionSchema, z.literal("done")])),
});
export type ListCursor = z.infer<typeof cursorSchema>;

export class CursorError extends Error {
  override readonly name = "CursorError";
}

export function encodeCursor(cursor: ListCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

export function decodeCursor(raw: string, expectedQueryHash: string): ListCursor {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    throw new CursorError("The cursor is not valid. Start again from the first page.");
  }
  const parsed = cursorSchema.safeParse(value);
  if (!parsed.success) throw new CursorError("The cursor is not valid. Start again from the first page.");
  if (parsed.data.q !== expectedQueryHash)
    throw new CursorError("The cursor belongs to other filters. Start again from the first page.");
  return parsed.data;
}

/** A stable hash of everything that shapes the list except the cursor and page size. */
export function hashQuery(parts: unknown): string {
  return createHash("sha256").update(JSON.stringify(parts)).digest("base64url").slice(0, 22);
}

export function sourceKey(connectionId: string, scope: string | null): string {
  return scope === null ? connectionId : `${connectionId}|${scope}`;
}

/** Thread cursors are message offsets. */
export function encodeOffsetCursor(offset: number): string {
  return String(offset);
}

export function decodeOffsetCursor(raw: string | undefined): number {
  if (raw === undefined) return 0;
  if (!/^\d{1,7}$/.test(raw)) throw new CursorError("The thread cursor is not valid.");
  return Number(raw);
}
