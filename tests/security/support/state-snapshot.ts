/**
 * What a refused request must leave untouched: Parley's connections, moderation overlay and
 * users, the number of audit rows, and the simulator's data (its stats minus the counters that
 * reads move, plus the provider-held state of chosen conversations). Read through drizzle, so the
 * same checks run on PGlite and PostgreSQL.
 */
import { count } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { auditLog, connections, moderationOverlay, session, user } from "@/lib/db/schema";

/** Stats keys that reads change (request counters and caches), not data. */
const READ_COUNTERS = new Set(["requests", "cachedThreads", "generatedThreads"]);

export interface StateSnapshot {
  connections: string;
  overlay: string;
  users: string;
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
  probes?: readonly ProviderProbe[];
}

function stable(
  rows: readonly Record<string, unknown>[],
  key: (row: Record<string, unknown>) => string,
): string {
  return JSON.stringify([...rows].sort((left, right) => key(left).localeCompare(key(right))));
}

async function simulatorData(simulatorUrl: string): Promise<string> {
  const response = await fetch(`${simulatorUrl}/__admin/stats`);
  const stats: unknown = await response.json();
  return JSON.stringify(stats, (key, value: unknown) => (READ_COUNTERS.has(key) ? undefined : value));
}

async function providerHeld(probes: readonly ProviderProbe[]): Promise<string> {
  const answers = await Promise.all(
    probes.map(async (probe) => {
      const response = await fetch(probe.url, { headers: probe.headers });
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
  const [connectionRows, overlayRows, userRows, auditCount, sessionCount, simulator, held] = await Promise.all([
    db.select().from(connections),
    db.select().from(moderationOverlay),
    db.select().from(user),
    db.select({ value: count() }).from(auditLog),
    db.select({ value: count() }).from(session),
    simulatorData(simulatorUrl),
    providerHeld(options.probes ?? []),
  ]);
  const connectionValues = connectionRows.map((row) =>
    options.ignoreHealthBookkeeping ? { ...row, lastCheckedAt: null, lastError: null } : row,
  );
  return {
    connections: stable(connectionValues, (row) => String(row.id)),
    overlay: stable(overlayRows, (row) => `${String(row.connectionId)}|${String(row.conversationId)}`),
    users: stable(userRows, (row) => String(row.id)),
    auditRows: auditCount[0]?.value ?? 0,
    sessions: sessionCount[0]?.value ?? 0,
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
    "auditRows",
    "sessions",
    "simulator",
    "providerHeld",
  ];
  return keys.filter((key) => before[key] !== after[key]);
}

/** How many requests the simulator has answered, over every provider (provider calls made). */
export async function simulatorRequestCount(simulatorUrl: string): Promise<number> {
  const response = await fetch(`${simulatorUrl}/__admin/stats`);
  const stats: unknown = await response.json();
  if (!stats || typeof stats !== "object") return 0;
  return Object.values(stats).reduce<number>((sum, provider: unknown) => {
    const requests = provider && typeof provider === "object" && "requests" in provider ? provider.requests : 0;
    return sum + (typeof requests === "number" ? requests : 0);
  }, 0);
}
