/**
 * What a refused request must leave untouched: Parley's connections, moderation overlay and
 * users, the number of audit rows and sessions, and the simulator's data (its stats minus the
 * counters that reads move, plus the provider-held state of chosen conversations).
 *
 * The database part is one statement through drizzle (`json_agg`, which PGlite and PostgreSQL
 * both have): the fuzz test takes a snapshot after every refused write, so it must be cheap.
 */
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/lib/db/client";

/** Stats keys that reads change (request counters and caches), not data. */
const READ_COUNTERS = new Set(["requests", "cachedThreads", "generatedThreads"]);
/** Connection columns health checks write on every read of /api/health. */
const HEALTH_BOOKKEEPING = new Set(["last_checked_at", "last_error"]);

export interface StateSnapshot {
  connections: string;
  overlay: string;
  users: string;
  /** Saved views and settings. */
  views: string;
  auditRows: number;
  sessions: number;
  simulator: string;
  providerHeld: string;
}

/** A raw provider read (URL and headers) whose answer is part of the snapshot. */
export interface ProviderProbe {
  url: string;
  headers: Record<string, string>;
}

export interface SnapshotOptions {
  /** Leave out the columns health checks write (`lastCheckedAt`, `lastError`). */
  ignoreHealthBookkeeping?: boolean;
  /** Read the simulator's stats (default true); off for routes that never write to a provider. */
  simulator?: boolean;
  probes?: readonly ProviderProbe[];
}

const databaseStateSchema = z.object({
  rows: z
    .array(
      z.object({
        connections: z.string(),
        overlay: z.string(),
        users: z.string(),
        views: z.string(),
        audit_rows: z.coerce.number(),
        sessions: z.coerce.number(),
      }),
    )
    .length(1),
});

async function databaseState(db: Database) {
  const result = await db.execute(sql`
    select
      (select coalesce(json_agg(row_to_json(c) order by c.id), '[]'::json)::text from connections c) as connections,
      (select coalesce(json_agg(row_to_json(o) order by o.connection_id, o.conversation_id), '[]'::json)::text
         from moderation_overlay o) as overlay,
      (select coalesce(json_agg(row_to_json(u) order by u.id), '[]'::json)::text from "user" u) as users,
      (select coalesce(json_agg(row_to_json(v) order by v.id), '[]'::json)::text
         || (select coalesce(json_agg(row_to_json(s) order by s.key), '[]'::json)::text from app_settings s)
         from saved_views v) as views,
      (select count(*) from audit_log)::int as audit_rows,
      (select count(*) from session)::int as sessions`);
  const [state] = databaseStateSchema.parse(result).rows;
  if (!state) throw new Error("the snapshot query returned no row");
  return state;
}

/**
 * A GET to the simulator, tried twice: under load the simulator may close an idle keep-alive
 * socket just as the next request goes out on it (ECONNRESET), which says nothing about its data.
 */
async function simulatorGet(url: string, headers: Record<string, string> = {}): Promise<Response> {
  try {
    return await fetch(url, { headers });
  } catch {
    return fetch(url, { headers });
  }
}

async function simulatorData(simulatorUrl: string): Promise<string> {
  const response = await simulatorGet(`${simulatorUrl}/__admin/stats`);
  const stats: unknown = await response.json();
  return JSON.stringify(stats, (key, value: unknown) => (READ_COUNTERS.has(key) ? undefined : value));
}

async function providerHeld(probes: readonly ProviderProbe[]): Promise<string> {
  const answers = await Promise.all(
    probes.map(async (probe) => {
      const response = await simulatorGet(probe.url, probe.headers);
      return `${response.status} ${await response.text()}`;
    }),
  );
  return JSON.stringify(answers);
}

export async function takeSnapshot(
  db: Database,
  simulatorUrl: string,
  options: SnapshotOptions = {},
): Promise<StateSnapshot> {
  const [state, simulator, held] = await Promise.all([
    databaseState(db),
    options.simulator === false ? Promise.resolve("") : simulatorData(simulatorUrl),
    providerHeld(options.probes ?? []),
  ]);
  const connections = options.ignoreHealthBookkeeping
    ? JSON.stringify(JSON.parse(state.connections), (key, value: unknown) =>
        HEALTH_BOOKKEEPING.has(key) ? undefined : value,
      )
    : state.connections;
  return {
    connections,
    overlay: state.overlay,
    users: state.users,
    views: state.views,
    auditRows: state.audit_rows,
    sessions: state.sessions,
    simulator,
    providerHeld: held,
  };
}

/** Names of the parts that differ between two snapshots (empty when nothing changed). */
export function changedParts(before: StateSnapshot, after: StateSnapshot): (keyof StateSnapshot)[] {
  const keys: (keyof StateSnapshot)[] = [
    "connections",
    "overlay",
    "users",
    "views",
    "auditRows",
    "sessions",
    "simulator",
    "providerHeld",
  ];
  return keys.filter((key) => before[key] !== after[key]);
}

/** How many requests the simulator has answered, over every provider (provider calls made). */
export async function simulatorRequestCount(simulatorUrl: string): Promise<number> {
  const response = await simulatorGet(`${simulatorUrl}/__admin/stats`);
  const stats: unknown = await response.json();
  if (!stats || typeof stats !== "object") return 0;
  return Object.values(stats).reduce<number>((sum, provider: unknown) => {
    const requests =
      provider && typeof provider === "object" && "requests" in provider ? provider.requests : 0;
    return sum + (typeof requests === "number" ? requests : 0);
  }, 0);
}
