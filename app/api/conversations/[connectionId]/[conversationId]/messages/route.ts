// GET /api/conversations/:connectionId/:conversationId/messages?cursor&limit — a page of the thread
import { badRequest } from "@/lib/api/errors";
import { queryObject, withApi } from "@/lib/api/handler";
import { getHandle } from "@/lib/connections/runtime";
import { threadQuerySchema } from "@/lib/conversations/api-schemas";
import { CursorError } from "@/lib/conversations/thread-cursor";
import { getMessagePage } from "@/lib/conversations/thread";
import { getDatabase } from "@/lib/db/client";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = withApi<{ connectionId: string; conversationId: string }>(
  { role: "any" },
  async ({ request, params }) => {
    const query = threadQuerySchema.parse(queryObject(request));
    const db = await getDatabase();
    const handle = await getHandle(db, params.connectionId);
    try {
      return Response.json(await getMessagePage(handle, params.conversationId, query), {
        headers: { "cache-control": "no-store" },
      });
    } catch (error) {
      if (error instanceof CursorError) throw badRequest(`cursor: ${error.message}`);
      throw error;
    }
  },
);
