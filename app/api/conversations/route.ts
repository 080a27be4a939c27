// GET /api/conversations — the merged, filtered, paged list across connections.
import { badRequest } from "@/lib/api/errors";
import { queryObject, withApi } from "@/lib/api/handler";
import { selectHandles } from "@/lib/connections/runtime";
import { listQuerySchema } from "@/lib/conversations/api-schemas";
import { CursorError } from "@/lib/conversations/cursor";
import { listConversations } from "@/lib/conversations/list-conversations";
import { getDatabase } from "@/lib/db/client";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = withApi({ role: "any" }, async ({ request }) => {
  const query = listQuerySchema.parse(queryObject(request));
  const db = await getDatabase();
  const handles = await selectHandles(db, query.connection);
  try {
    return Response.json(await listConversations(db, query, handles), {
      headers: { "cache-control": "no-store" },
    });
  } catch (error) {
    if (error instanceof CursorError) throw badRequest(`cursor: ${error.message}`);
    throw error;
  }
});
