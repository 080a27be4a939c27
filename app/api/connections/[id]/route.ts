// PATCH /api/connections/:id — rename, new base URL, rotate key, index transcripts on/off (admin)
// DELETE /api/connections/:id — remove; its overlay and index rows go with it, its audit rows stay (admin)
import { readJsonBody, withApi } from "@/lib/api/handler";
import { removeConnection, updateConnection } from "@/lib/connections/service";
import { updateConnectionSchema } from "@/lib/connections/schemas";
import { getDatabase } from "@/lib/db/client";
import { requestSync } from "@/lib/index/service";
import { applyTranscriptSwitch } from "@/lib/index/store/write";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const PATCH = withApi<{ id: string }>({ role: "admin" }, async ({ request, params, actor }) => {
  const input = updateConnectionSchema.parse(await readJsonBody(request));
  const db = await getDatabase();
  const view = await updateConnection(db, actor, params.id, input);
  if (input.indexTranscripts !== undefined) {
    // Off purges the stored message text in this request; on reads transcripts at the next sync.
    await applyTranscriptSwitch(db, params.id, input.indexTranscripts);
    await requestSync(db, [params.id]);
  }
  return Response.json(view);
});

export const DELETE = withApi<{ id: string }>({ role: "admin" }, async ({ params, actor }) => {
  const db = await getDatabase();
  await removeConnection(db, actor, params.id);
  return new Response(null, { status: 204 });
});
