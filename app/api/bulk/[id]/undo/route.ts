// POST /api/bulk/:id/undo — a new job with the inverse action for the rows the job changed (202)
import { withApi } from "@/lib/api/handler";
import { undoBulkJob } from "@/lib/conversations/bulk/service";
import { getDatabase } from "@/lib/db/client";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = withApi<{ id: string }>({ role: "any" }, async ({ params, actor }) => {
  const db = await getDatabase();
  return Response.json(await undoBulkJob(db, actor, params.id), { status: 202 });
});
