/**
 * The few things one server process keeps for its whole life, in one place.
 *
 * Why `globalThis`: Next.js bundles a module once per route, so a module-level `let` or `Map`
 * exists once per route bundle, and a value written through one route would be invisible to the
 * others (a first version of the session cache was silently never hit for this reason). Every
 * piece of process-wide state therefore lives on `globalThis`, under one name listed here, and
 * nothing else in Parley touches `globalThis` for state.
 *
 * What is kept must be safe to lose: a restart starts from the database again.
 */
interface ProcessState {
  /** Parsed configuration (`lib/config.ts`). */
  config: unknown;
  /** The open database (`lib/db/client.ts`). */
  database: unknown;
  /** Databases opened by this process alone (embedded PGlite), where reads may be kept. */
  singleProcessDatabases: unknown;
  /** How many writes each embedded database has seen (`lib/db/write-generation.ts`). */
  writeGenerations: unknown;
  /** Index answers kept on the embedded database until its next write (`lib/index/read/read-cache.ts`). */
  readAnswers: unknown;
  /** The better-auth instance (`lib/auth/auth.ts`). */
  auth: unknown;
  /** Session lookups kept a few seconds on the embedded database (`lib/auth/session-cache.ts`). */
  sessionCache: unknown;
  /** Connection rows kept on the embedded database (`lib/connections/repository.ts`). */
  connectionRows: unknown;
  /** How many connections each database has seen removed (kept reads of their rows are dropped). */
  connectionRemovals: unknown;
  /** One runtime per connection (`lib/connections/runtime.ts`). */
  connectionRuntimes: unknown;
  /** Moderation overlay rows kept on the embedded database (`lib/conversations/overlay.ts`). */
  overlays: unknown;
  /** Background work started by this process (sync scheduler, job queue). */
  jobs: unknown;
  /** Bulk moderation jobs: the queue they run on, or those running in this process (`lib/conversations/bulk`). */
  bulkJobs: unknown;
}

type ProcessStateName = keyof ProcessState;

const store = globalThis as { __parley?: Partial<Record<ProcessStateName, unknown>> };

/** The process-wide value named `name`, created by `create` on first use. */
export function processState<T>(name: ProcessStateName, create: () => T): T {
  const state = (store.__parley ??= {});
  if (!(name in state)) state[name] = create();
  return state[name] as T;
}

/** Replaces a process-wide value (tests that swap the database, for instance). */
export function setProcessState<T>(name: ProcessStateName, value: T): void {
  (store.__parley ??= {})[name] = value;
}

/** Forgets a process-wide value so the next `processState` call creates it again; answers what it held. */
export function clearProcessState<T>(name: ProcessStateName): T | undefined {
  const value = store.__parley?.[name] as T | undefined;
  if (store.__parley) delete store.__parley[name];
  return value;
}
