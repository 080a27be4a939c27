// GET /api/facets?connection= — filter options, each with the connection it comes from
import { queryObject, withApi } from "@/lib/api/handler";
import { selectHandles } from "@/lib/connections/runtime";
import { facetsQuerySchema } from "@/lib/conversations/api-schemas";
import { listFacets } from "@/lib/conversations/facets";
import { getDatabase } from "@/lib/db/client";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = withApi({ role: "any" }, async ({ request }) => {
  const query = facetsQuerySchema.parse(queryObject(request));
  const db = await getDatabase();
  const handles = await selectHandles(db, query.connection);
  return Response.json(await listFacets(handles), { headers: { "cache-control": "private, max-age=30" } });
});
