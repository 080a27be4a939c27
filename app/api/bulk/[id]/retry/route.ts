// POST /api/bulk/:id/retry — a new job with the same action for the rows that failed (202)
import { withApi } from "@/lib/api/handler";
import { retryBulkJob } from "@/lib/conversations/bulk/service";
import { getDatabase } from "@/lib/db/client";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = withApi<{ id: string }>({ role: "any" }, async ({ params, actor }) => {
  const db = await getDatabase();
  return Response.json(await retryBulkJob(db, actor, params.id), { status: 202 });
});
