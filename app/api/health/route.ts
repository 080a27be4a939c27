// GET /api/health — for load balancers (no session): the overall state and the database's, nothing
// else. Signed-in users also get each connection's reachability, latency and (scrubbed) error.
import { sql } from "drizzle-orm";
import { readActor } from "@/lib/auth/actor";
import { checkConnection } from "@/lib/connections/health";
import { selectHandles } from "@/lib/connections/runtime";
import { databaseKind, getDatabase } from "@/lib/db/client";
import { log } from "@/lib/logger";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const noStore = { "cache-control": "no-store" };

export async function GET(request: Request): Promise<Response> {
  try {
    const db = await getDatabase();
    await db.execute(sql`select 1`);
  } catch (error) {
    log.error("health.database_down", { error });
    return Response.json({ status: "down", database: { ok: false } }, { status: 503, headers: noStore });
  }
  const db = await getDatabase();
  const actor = await readActor(request.headers).catch(() => null);
  const handles = await selectHandles(db, []).catch(() => []);
  const connections = await Promise.all(handles.map((handle) => checkConnection(db, handle)));
  const status = connections.every((connection) => connection.reachable) ? "ok" : "degraded";
  if (!actor) return Response.json({ status, database: { ok: true } }, { headers: noStore });
  return Response.json(
    { status, database: { kind: databaseKind(), ok: true, error: null }, connections },
    { headers: noStore },
  );
}
