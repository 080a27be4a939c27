/**
 * The order of undoable changes made from the list, so `z` undoes the most recent one whether it
 * was a single change (kept on `useModeration`'s own undo stack: `z` defers to `undoLast`) or a
 * bulk change (undone here as one batch). Lives for the tab, like `useModeration`'s stack.
 */
export type UndoLogEntry = { kind: "single" } | { kind: "batch"; label: string; undo: () => Promise<void> };

const log: UndoLogEntry[] = [];
const MAX_ENTRIES = 50;

export function recordUndo(entry: UndoLogEntry): void {
  log.push(entry);
  if (log.length > MAX_ENTRIES) log.shift();
}

/** Removes an entry that was undone another way (its toast's Undo button). */
export function forgetUndo(entry: UndoLogEntry): void {
  const index = log.indexOf(entry);
  if (index >= 0) log.splice(index, 1);
}

export function takeLastUndo(): UndoLogEntry | undefined {
  return log.pop();
}
