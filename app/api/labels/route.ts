// GET /api/labels — the labels, with how many conversations carry each (every signed-in role)
// POST /api/labels {name, colour, description} — create one, audited (admin)
import { readJsonBody, withApi } from "@/lib/api/handler";
import { getDatabase } from "@/lib/db/client";
import { createLabel, listLabels } from "@/lib/labels/service";
import { createLabelSchema } from "@/lib/model/labels";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = withApi({ role: "any" }, async () => {
  const items = await listLabels(await getDatabase());
  return Response.json({ items }, { headers: { "cache-control": "no-store" } });
});

export const POST = withApi({ role: "admin" }, async ({ request, actor }) => {
  const input = createLabelSchema.parse(await readJsonBody(request));
  const label = await createLabel(await getDatabase(), actor, input);
  return Response.json(label, { status: 201 });
});
