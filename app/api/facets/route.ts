// GET /api/facets?connection= — filter options from the index with counts, and what each connection can do
import { queryObject, withApi } from "@/lib/api/handler";
import { facetsQuerySchema } from "@/lib/conversations/api-schemas";
import { getDatabase } from "@/lib/db/client";
import { listFacetsJson } from "@/lib/index/queries";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = withApi({ role: "any" }, async ({ request }) => {
  const query = facetsQuerySchema.parse(queryObject(request));
  const db = await getDatabase();
  return new Response(await listFacetsJson(db, query.connection), {
    headers: { "content-type": "application/json", "cache-control": "no-store" },
  });
});
