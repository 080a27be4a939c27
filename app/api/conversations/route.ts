// GET /api/conversations — the conversation list from the index: filtered, searched, paged by keyset.
import { queryObject, withApi } from "@/lib/api/handler";
import { listQuerySchema } from "@/lib/conversations/api-schemas";
import { getDatabase } from "@/lib/db/client";
import { listConversations } from "@/lib/index/queries";
import { resolveAssigneeMe } from "@/lib/model/review";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = withApi({ role: "any" }, async ({ request, actor }) => {
  const query = resolveAssigneeMe(listQuerySchema.parse(queryObject(request)), actor.id);
  const db = await getDatabase();
  return Response.json(await listConversations(db, query), { headers: { "cache-control": "no-store" } });
});
