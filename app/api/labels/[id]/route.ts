// PATCH /api/labels/:id {name?, colour?, description?} — rename or recolour, audited (admin)
// DELETE /api/labels/:id — delete; it comes off every conversation; answers how many (admin)
import { readJsonBody, withApi } from "@/lib/api/handler";
import { getDatabase } from "@/lib/db/client";
import { deleteLabel, updateLabel } from "@/lib/labels/service";
import { updateLabelSchema } from "@/lib/model/labels";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const PATCH = withApi<{ id: string }>({ role: "admin" }, async ({ request, params, actor }) => {
  const input = updateLabelSchema.parse(await readJsonBody(request));
  return Response.json(await updateLabel(await getDatabase(), actor, params.id, input));
});

export const DELETE = withApi<{ id: string }>({ role: "admin" }, async ({ params, actor }) => {
  return Response.json(await deleteLabel(await getDatabase(), actor, params.id));
});
