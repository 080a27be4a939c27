/**
 * A write counter for the embedded database: it moves before and after every statement that may
 * write and around every transaction, and never for a plain read. PGlite is one connection used
 * by this process alone (`single-process.ts`), and every statement goes through its client, so a
 * read that saw the same number before and after it ran saw no write begin or end meanwhile: its
 * answer stays true until the number moves. Readers keep answers under it (`list-cache.ts`).
 *
 * PostgreSQL is shared by other instances whose writes this process never sees: there is no
 * counter for it (`writeGeneration` answers null) and nothing is kept.
 */
import type { PGlite } from "@electric-sql/pglite";
import { processState } from "@/lib/process-state";

interface Counter {
  value: number;
}

const counters = processState("writeGenerations", () => new WeakMap<object, Counter>());

/** A statement that reads only: it starts with SELECT, WITH, SHOW or EXPLAIN and names no write. */
const READ_START = /^\s*(?:\(\s*)*(?:select|with|show|explain)\b/i;
/**
 * A write inside a statement that starts as a read (a data-modifying CTE, `explain analyze
 * update`, `for update`): counted, to be safe. A read that calls a function which writes would
 * not be seen; Parley issues none.
 */
const WRITE_WORD = /\b(?:insert|update|delete|truncate|merge)\b/i;

export function isReadOnlyStatement(text: string): boolean {
  return READ_START.test(text) && !WRITE_WORD.test(text);
}

type Client = Pick<PGlite, "query" | "exec" | "transaction">;

/**
 * Counts the writes made through `client` under `database` (the Drizzle object that readers
 * hold). Called once, before the client's first statement (migrations included).
 */
export function countWrites(database: object, client: Client): void {
  const counter: Counter = { value: 0 };
  counters.set(database, counter);
  const around = async <T>(writes: boolean, run: () => Promise<T>): Promise<T> => {
    if (!writes) return run();
    counter.value++;
    try {
      return await run();
    } finally {
      counter.value++;
    }
  };
  const query = client.query.bind(client);
  const exec = client.exec.bind(client);
  const transaction = client.transaction.bind(client);
  client.query = ((text: string, params?: unknown[], options?: Parameters<Client["query"]>[2]) =>
    around(!isReadOnlyStatement(text), () => query(text, params, options))) as Client["query"];
  client.exec = ((text: string, options?: Parameters<Client["exec"]>[1]) =>
    around(!isReadOnlyStatement(text) || text.includes(";"), () => exec(text, options))) as Client["exec"];
  client.transaction = ((callback: Parameters<Client["transaction"]>[0]) =>
    around(true, () => transaction(callback))) as Client["transaction"];
}

/** The number of writes `database` has seen, or null where writes are not all seen (PostgreSQL). */
export function writeGeneration(database: object): number | null {
  return counters.get(database)?.value ?? null;
}
