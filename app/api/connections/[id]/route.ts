// PATCH /api/connections/:id — rename, new base URL, rotate key (admin)
// DELETE /api/connections/:id — remove; its overlay goes with it, its audit rows stay (admin)
import { readJsonBody, withApi } from "@/lib/api/handler";
import { removeConnection, updateConnection } from "@/lib/connections/service";
import { updateConnectionSchema } from "@/lib/connections/schemas";
import { getDatabase } from "@/lib/db/client";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const PATCH = withApi<{ id: string }>({ role: "admin" }, async ({ request, params, actor }) => {
  const input = updateConnectionSchema.parse(await readJsonBody(request));
  const db = await getDatabase();
  return Response.json(await updateConnection(db, actor, params.id, input));
});

export const DELETE = withApi<{ id: string }>({ role: "admin" }, async ({ params, actor }) => {
  const db = await getDatabase();
  await removeConnection(db, actor, params.id);
  return new Response(null, { status: 204 });
});
