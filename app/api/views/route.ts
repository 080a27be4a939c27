// GET /api/views — the user's saved views and the shared ones (their counts: GET /api/views/counts).
// POST /api/views — save a view (shared ones: admins).
import { readJsonBody, withApi } from "@/lib/api/handler";
import { createSavedView, listSavedViews } from "@/lib/conversations/saved-views";
import { getDatabase } from "@/lib/db/client";
import { createSavedViewSchema } from "@/lib/model/saved-views";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = withApi({ role: "any" }, async ({ actor }) => {
  const db = await getDatabase();
  return Response.json(await listSavedViews(db, actor), { headers: { "cache-control": "no-store" } });
});

export const POST = withApi({ role: "any" }, async ({ request, actor }) => {
  const body = createSavedViewSchema.parse(await readJsonBody(request));
  const db = await getDatabase();
  return Response.json(await createSavedView(db, actor, body), { status: 201 });
});
