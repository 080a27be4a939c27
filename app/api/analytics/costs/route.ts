// GET /api/analytics/costs — spend and conversations of the list's filter, totals and groups, from the index.
import { queryObject, withApi } from "@/lib/api/handler";
import { getDatabase } from "@/lib/db/client";
import { listCosts } from "@/lib/index/cost-queries";
import { costsQuerySchema } from "@/lib/model/costs";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = withApi({ role: "any" }, async ({ request }) => {
  const query = costsQuerySchema.parse(queryObject(request));
  const db = await getDatabase();
  return Response.json(await listCosts(db, query), { headers: { "cache-control": "no-store" } });
});
