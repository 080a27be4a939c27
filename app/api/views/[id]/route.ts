// PATCH /api/views/:id — rename, re-point or move a saved view (its owner; shared ones: admins).
// DELETE /api/views/:id — delete it (same rule).
import { readJsonBody, withApi } from "@/lib/api/handler";
import { deleteSavedView, updateSavedView } from "@/lib/conversations/saved-views";
import { getDatabase } from "@/lib/db/client";
import { savedViewIdSchema, updateSavedViewSchema } from "@/lib/model/saved-views";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const PATCH = withApi<{ id: string }>({ role: "any" }, async ({ request, params, actor }) => {
  const id = savedViewIdSchema.parse(params.id);
  const body = updateSavedViewSchema.parse(await readJsonBody(request));
  const db = await getDatabase();
  return Response.json(await updateSavedView(db, actor, id, body));
});

export const DELETE = withApi<{ id: string }>({ role: "any" }, async ({ params, actor }) => {
  const id = savedViewIdSchema.parse(params.id);
  const db = await getDatabase();
  await deleteSavedView(db, actor, id);
  return new Response(null, { status: 204 });
});
