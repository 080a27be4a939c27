/**
 * Databases that only this process writes: the embedded PGlite, which refuses a second process on
 * its data directory. Reads of such a database may be kept in memory and dropped on this
 * process's own writes, because no other writer exists. PostgreSQL is shared by several
 * instances, so nothing read from it is kept.
 */
import { processState } from "@/lib/process-state";

const singleProcessDatabases = processState("singleProcessDatabases", () => new WeakSet<object>());

export function markSingleProcess(database: object): void {
  singleProcessDatabases.add(database);
}

export function isSingleProcess(database: object): boolean {
  return singleProcessDatabases.has(database);
}
