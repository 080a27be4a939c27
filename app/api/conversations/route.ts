// GET /api/conversations — the conversation list from the index: filtered, searched, paged by keyset.
import { queryObject, withApi } from "@/lib/api/handler";
import { listQuerySchema } from "@/lib/conversations/api-schemas";
import { getDatabase } from "@/lib/db/client";
import { listConversationsJson } from "@/lib/index/queries";
import { resolveAssigneeMe } from "@/lib/model/review";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = withApi({ role: "any" }, async ({ request, actor }) => {
  const query = resolveAssigneeMe(listQuerySchema.parse(queryObject(request)), actor.id);
  const db = await getDatabase();
  // JSON text kept until the next write on the embedded database (`lib/index/read/read-cache.ts`).
  return new Response(await listConversationsJson(db, query), {
    headers: { "content-type": "application/json", "cache-control": "no-store" },
  });
});
