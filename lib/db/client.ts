/**
 * The database, one per process: PGlite in PARLEY_DATA_DIR by default, PostgreSQL when
 * DATABASE_URL is set. Created lazily (so `next build` never opens it), kept on globalThis (so
 * `next dev` reloads reuse it), and migrated once before first use.
 *
 * PGlite has no cross-process locking and silently loses writes when two processes open one
 * directory, so a lock file refuses a second process with a clear message.
 */
import { clearProcessState, processState, setProcessState } from "@/lib/process-state";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { markSingleProcess } from "./single-process";
import { countWrites } from "./write-generation";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzleNodePostgres } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePostgres } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { Pool } from "pg";
import { getConfig } from "@/lib/config";
import * as schema from "./schema";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DatabaseHandle {
  db: Database;
  kind: "pglite" | "postgres";
  /** The embedded client, for the job queue's adapter (PGlite is one connection). */
  pglite: PGlite | null;
  /** The PostgreSQL URL, for the job queue's own pool. */
  url: string | null;
  ready: Promise<void>;
  close(): Promise<void>;
}

const MIGRATIONS_FOLDER = path.join(process.cwd(), "drizzle");
/** Any constant: serialises migrations when several instances start on one PostgreSQL. */
const MIGRATION_LOCK_ID = 727_274_001;

export class DataDirectoryInUseError extends Error {
  override readonly name = "DataDirectoryInUseError";
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Takes the data directory's lock file or throws when another live process holds it. */
export function lockDataDirectory(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, "parley.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: "wx" });
      const release = () => {
        try {
          if (fs.readFileSync(lockFile, "utf8").trim() === String(process.pid)) fs.unlinkSync(lockFile);
        } catch {
          // already gone
        }
      };
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(fs.readFileSync(lockFile, "utf8").trim());
      if (holder === process.pid) return () => undefined;
      if (Number.isInteger(holder) && holder > 0 && isAlive(holder))
        throw new DataDirectoryInUseError(
          `Another Parley process (pid ${holder}) is using the data directory ${dataDir}. ` +
            "The embedded database allows one process per directory: stop that process, set PARLEY_DATA_DIR " +
            "to another directory, or set DATABASE_URL to share a PostgreSQL database between instances.",
        );
      fs.unlinkSync(lockFile); // stale lock from a process that died
    }
  }
  throw new DataDirectoryInUseError(`Could not take the lock on ${dataDir}.`);
}

/**
 * A new data directory is created by a short-lived child process (`scripts/pglite-initdb.mjs`):
 * PGlite's initdb loads a second WebAssembly module whose memory would otherwise stay with the
 * server for its whole life (about 450 MB). Where the script is not at hand, this process does it.
 */
function createPgliteDirectoryApart(directory: string): void {
  if (fs.existsSync(path.join(directory, "PG_VERSION"))) return;
  const script = path.join(process.cwd(), "scripts", "pglite-initdb.mjs");
  if (!fs.existsSync(script)) return;
  const result = spawnSync(process.execPath, [script, directory], { stdio: "inherit", timeout: 120_000 });
  if (result.status !== 0) throw new Error(`Could not create the embedded database in ${directory}.`);
}

/** The search extensions the index needs (migration 0001 creates them in the database). */
const pgliteExtensions = { pg_trgm, unaccent };

/**
 * The embedded server's shared buffers. PostgreSQL's default of 128 MB is zeroed when PGlite
 * starts, so it all counts as the server's resident memory; the data lives in files (the OS
 * caches them), and 32 MB holds the index's hot pages. Measured: an idle server ~130 MB smaller.
 */
const PGLITE_SHARED_BUFFERS = "32MB";

function openPglite(dataDir: string): DatabaseHandle {
  const release = lockDataDirectory(dataDir);
  createPgliteDirectoryApart(path.join(dataDir, "pglite"));
  const client = new PGlite(path.join(dataDir, "pglite"), {
    extensions: pgliteExtensions,
    startParams: [...PGlite.defaultStartParams, "-c", `shared_buffers=${PGLITE_SHARED_BUFFERS}`],
  });
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  markSingleProcess(db);
  countWrites(db, client);
  const ready = migratePglite(drizzlePglite(client), { migrationsFolder: MIGRATIONS_FOLDER });
  return {
    db,
    kind: "pglite",
    pglite: client,
    url: null,
    ready,
    close: async () => {
      await client.close();
      release();
    },
  };
}

function openPostgres(url: string): DatabaseHandle {
  const pool = new Pool({ connectionString: url, max: 10 });
  pool.on("error", (error) => console.error("[db] idle PostgreSQL client failed:", error.message));
  const db = drizzleNodePostgres(pool, { schema }) as unknown as Database;
  const ready = (async () => {
    const client = await pool.connect();
    try {
      await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_ID]);
      await migrateNodePostgres(drizzleNodePostgres(client), { migrationsFolder: MIGRATIONS_FOLDER });
    } finally {
      await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_ID]).catch(() => undefined);
      client.release();
    }
  })();
  return { db, kind: "postgres", pglite: null, url, ready, close: () => pool.end() };
}

/** Opens a database outside the process singleton (tests, scripts). */
export function openDatabase(options: { databaseUrl: string | null; dataDir: string }): DatabaseHandle {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openPglite(options.dataDir);
}

/** Opens an in-memory PGlite with the schema migrated: one per test file. */
export function openMemoryDatabase(): DatabaseHandle {
  const client = new PGlite({ extensions: pgliteExtensions });
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  markSingleProcess(db);
  countWrites(db, client);
  const ready = migratePglite(drizzlePglite(client), { migrationsFolder: MIGRATIONS_FOLDER });
  return { db, kind: "pglite", pglite: client, url: null, ready, close: () => client.close() };
}

function handle(): DatabaseHandle {
  return processState("database", () => {
    const config = getConfig();
    const opened = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    opened.ready.catch((error: unknown) => {
      console.error("[db] migration failed:", error instanceof Error ? error.message : error);
    });
    return opened;
  });
}

/** Makes `database` the process's database (tests open their own). */
export function installDatabase(database: DatabaseHandle): void {
  setProcessState("database", database);
}

/** The process's database, migrated. */
export async function getDatabase(): Promise<Database> {
  const current = handle();
  await current.ready;
  return current.db;
}

/**
 * The process's database without waiting for migrations: for better-auth, which needs a
 * database object at construction. Requests reach it only after `getDatabase()` resolved.
 */
export function getDatabaseSync(): Database {
  return handle().db;
}

/** Closes the process's database (command-line scripts, which must not leave PGlite running). */
export async function closeDatabase(): Promise<void> {
  await clearProcessState<DatabaseHandle>("database")?.close();
}

/** The process's database handle, migrated (the job queue needs the client under it). */
export async function getDatabaseHandle(): Promise<DatabaseHandle> {
  const current = handle();
  await current.ready;
  return current;
}

export function databaseKind(): "pglite" | "postgres" {
  return handle().kind;
}
