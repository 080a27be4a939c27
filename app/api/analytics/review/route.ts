// GET /api/analytics/review — review progress per reviewer and per responder of the list's filter (admins)
import { queryObject, withApi } from "@/lib/api/handler";
import { getDatabase } from "@/lib/db/client";
import { listReviewStats } from "@/lib/index/queries";
import { resolveAssigneeMe, reviewStatsQuerySchema } from "@/lib/model/review";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = withApi({ role: "admin" }, async ({ request, actor }) => {
  const query = resolveAssigneeMe(reviewStatsQuerySchema.parse(queryObject(request)), actor.id);
  const db = await getDatabase();
  return Response.json(await listReviewStats(db, query), { headers: { "cache-control": "no-store" } });
});
