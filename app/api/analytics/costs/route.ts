// GET /api/analytics/costs — spend and conversations of the list's filter, totals and groups, from the index.
import { queryObject, withApi } from "@/lib/api/handler";
import { getDatabase } from "@/lib/db/client";
import { listCosts } from "@/lib/index/cost-queries";
import { costsQuerySchema } from "@/lib/model/costs";
import { resolveAssigneeMe } from "@/lib/model/review";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = withApi({ role: "any" }, async ({ request, actor }) => {
  const query = resolveAssigneeMe(costsQuerySchema.parse(queryObject(request)), actor.id);
  const db = await getDatabase();
  return Response.json(await listCosts(db, query), { headers: { "cache-control": "no-store" } });
});
