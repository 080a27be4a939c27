// GET /api/health — the database's state and each connection's reachability (no session needed).
import { sql } from "drizzle-orm";
import { checkConnection } from "@/lib/connections/health";
import { selectHandles } from "@/lib/connections/runtime";
import { databaseKind, getDatabase } from "@/lib/db/client";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  let database: { kind: string; ok: boolean; error: string | null };
  try {
    const db = await getDatabase();
    await db.execute(sql`select 1`);
    database = { kind: databaseKind(), ok: true, error: null };
  } catch {
    database = { kind: "unknown", ok: false, error: "The database is not reachable." };
    return Response.json(
      { status: "down", database, connections: [] },
      { status: 503, headers: { "cache-control": "no-store" } },
    );
  }
  const db = await getDatabase();
  const handles = await selectHandles(db, []).catch(() => []);
  const connections = await Promise.all(handles.map((handle) => checkConnection(db, handle)));
  const status = connections.every((connection) => connection.reachable) ? "ok" : "degraded";
  return Response.json({ status, database, connections }, { headers: { "cache-control": "no-store" } });
}
