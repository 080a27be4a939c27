// POST /api/connections/test — try a key against the provider before saving it (admin, audited);
// a saved key (connectionId without apiKey) is tested only against its saved base URL
import { readJsonBody, withApi } from "@/lib/api/handler";
import { testConnection } from "@/lib/connections/service";
import { testConnectionSchema } from "@/lib/connections/schemas";
import { getDatabase } from "@/lib/db/client";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = withApi({ role: "admin" }, async ({ request, actor }) => {
  const input = testConnectionSchema.parse(await readJsonBody(request));
  const db = await getDatabase();
  return Response.json(await testConnection(db, actor, input));
});
