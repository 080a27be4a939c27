/** Thread cursors are message offsets within the thread. */
export class CursorError extends Error {
  override readonly name = "CursorError";
}

export function encodeOffsetCursor(offset: number): string {
  return String(offset);
}

export function decodeOffsetCursor(raw: string | undefined): number {
  if (raw === undefined) return 0;
  if (!/^\d{1,7}$/.test(raw)) throw new CursorError("The thread cursor is not valid.");
  return Number(raw);
}
