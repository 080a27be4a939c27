// GET /api/bulk/:id — a bulk job's progress: counts, state and the failed rows with their reasons
import { withApi } from "@/lib/api/handler";
import { getBulkJob } from "@/lib/conversations/bulk/service";
import { getDatabase } from "@/lib/db/client";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = withApi<{ id: string }>({ role: "any" }, async ({ params, actor }) => {
  const db = await getDatabase();
  return Response.json(await getBulkJob(db, actor, params.id), { headers: { "cache-control": "no-store" } });
});
