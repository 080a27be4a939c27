/**
 * The "N new conversations" banner's arithmetic. When the list's first page loads, its rows and
 * newest activity are the baseline; after a sync, the newest rows of the same query are compared
 * with it: a row is new to the view when it was not on screen and is newer than everything that
 * was (a new conversation, or an older one whose activity moved it to the top).
 */
import type { Conversation } from "@/lib/model/conversation";
import { rowKey } from "@/lib/model/row-key";

export interface NewRowsBaseline {
  keys: ReadonlySet<string>;
  /** The newest activity among the rows on screen (ISO), or null for an empty list. */
  newest: string | null;
}

const activityOf = (row: Pick<Conversation, "lastActivityAt" | "createdAt">): number | null => {
  const iso = row.lastActivityAt ?? row.createdAt;
  if (!iso) return null;
  const time = Date.parse(iso);
  return Number.isNaN(time) ? null : time;
};

export function baselineOf(rows: readonly Conversation[]): NewRowsBaseline {
  let newest: number | null = null;
  for (const row of rows) {
    const time = activityOf(row);
    if (time !== null && (newest === null || time > newest)) newest = time;
  }
  return {
    keys: new Set(rows.map((row) => rowKey(row.connectionId, row.id))),
    newest: newest === null ? null : new Date(newest).toISOString(),
  };
}

/** How many of `newest` (the same query's first rows, after a sync) are new to the view. */
export function countNewRows(
  baseline: NewRowsBaseline,
  newest: readonly Conversation[],
  probeLimit: number,
): { count: number; more: boolean } {
  const floor = baseline.newest === null ? null : Date.parse(baseline.newest);
  let count = 0;
  for (const row of newest) {
    if (baseline.keys.has(rowKey(row.connectionId, row.id))) continue;
    const time = activityOf(row);
    if (floor === null || (time !== null && time > floor)) count += 1;
  }
  return { count, more: count > 0 && count >= probeLimit };
}

/** "1 new conversation", "3 new conversations", "100+ new conversations". */
export function newRowsLabel({ count, more }: { count: number; more: boolean }): string {
  return `${count.toLocaleString("en-US")}${more ? "+" : ""} new conversation${count === 1 && !more ? "" : "s"}`;
}
