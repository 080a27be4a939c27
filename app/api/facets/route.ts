// GET /api/facets?connection= — filter options from the index with counts, and what each connection can do
import { queryObject, withApi } from "@/lib/api/handler";
import { facetsQuerySchema } from "@/lib/conversations/api-schemas";
import { getDatabase } from "@/lib/db/client";
import { listFacets } from "@/lib/index/queries";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = withApi({ role: "any" }, async ({ request }) => {
  const query = facetsQuerySchema.parse(queryObject(request));
  const db = await getDatabase();
  return Response.json(await listFacets(db, query.connection), { headers: { "cache-control": "no-store" } });
});
