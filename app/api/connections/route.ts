// GET /api/connections — every connection (admin; never the key, only its hint)
// POST /api/connections — add a connection {provider, name, baseUrl, apiKey} (admin)
import { readJsonBody, withApi } from "@/lib/api/handler";
import { createConnection, listConnectionViews } from "@/lib/connections/service";
import { createConnectionSchema } from "@/lib/connections/schemas";
import { getDatabase } from "@/lib/db/client";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = withApi({ role: "admin" }, async () => {
  const db = await getDatabase();
  return Response.json({ items: await listConnectionViews(db) });
});

export const POST = withApi({ role: "admin" }, async ({ request, actor }) => {
  const input = createConnectionSchema.parse(await readJsonBody(request));
  const db = await getDatabase();
  return Response.json(await createConnection(db, actor, input), { status: 201 });
});
