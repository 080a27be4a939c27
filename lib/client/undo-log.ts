/**
 * The tab's one undo log: every undoable change, single or bulk, made from the list or the thread,
 * in the order it was made. `z` undoes the most recent entry; a toast's Undo button undoes its own
 * entry and takes it out of the log, so `z` never undoes a change twice or the wrong one.
 */
export interface UndoEntry {
  /** What the change did, for the "Undone: …" message. */
  label: string;
  run: () => Promise<unknown>;
}

const MAX_ENTRIES = 50;
const log: UndoEntry[] = [];

export function recordUndo(entry: UndoEntry): UndoEntry {
  log.push(entry);
  if (log.length > MAX_ENTRIES) log.shift();
  return entry;
}

/**
 * Takes an entry out of the log and runs it (a toast's Undo button). An entry no longer in the log
 * was already undone (by `z`), so it is not run again: answers false.
 */
export async function undoEntry(entry: UndoEntry): Promise<boolean> {
  const index = log.indexOf(entry);
  if (index < 0) return false;
  log.splice(index, 1);
  await entry.run();
  return true;
}

/** Takes the most recent entry out of the log (the `z` shortcut), or undefined when empty. */
export function takeLastUndo(): UndoEntry | undefined {
  return log.pop();
}

/** Empties the log (tests). */
export function clearUndoLog(): void {
  log.length = 0;
}
