// GET /api/sync — each connection's sync state; POST /api/sync {connectionId?} — sync now.
import { readJsonBody, withApi } from "@/lib/api/handler";
import { getConfig } from "@/lib/config";
import { syncRequestSchema } from "@/lib/conversations/api-schemas";
import { selectHandles } from "@/lib/connections/runtime";
import { getDatabase } from "@/lib/db/client";
import { DatabaseRateBudget } from "@/lib/index/budget";
import { requestSync } from "@/lib/index/service";
import { syncStatus } from "@/lib/index/status";
import { DomainError } from "@/lib/model/errors";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Sync requests a person may make a minute (each may queue a reconciling sync of every connection). */
const SYNC_REQUESTS_PER_MINUTE = 6;

export const GET = withApi({ role: "any" }, async () => {
  const db = await getDatabase();
  return Response.json(await syncStatus(db, getConfig().syncIntervalSeconds), {
    headers: { "cache-control": "no-store" },
  });
});

export const POST = withApi({ role: "any" }, async ({ request, actor }) => {
  const body = syncRequestSchema.parse(await readJsonBody(request));
  const db = await getDatabase();
  const handles = await selectHandles(db, body.connectionId ? [body.connectionId] : []);
  const waitMs = await new DatabaseRateBudget(
    db,
    `sync-request:${actor.id}`,
    SYNC_REQUESTS_PER_MINUTE,
    60_000,
  ).take(0, "interactive");
  if (waitMs > 0)
    throw new DomainError(
      "rate_limited",
      `At most ${SYNC_REQUESTS_PER_MINUTE} sync requests a minute; try again shortly.`,
      {
        retryAfterSeconds: Math.ceil(waitMs / 1000),
      },
    );
  const ids = handles.map((handle) => handle.id);
  await requestSync(db, ids);
  return Response.json({ queued: ids }, { status: 202, headers: { "cache-control": "no-store" } });
});
