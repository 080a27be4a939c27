// GET /api/conversations/:connectionId/:conversationId/export?format=md|json — the whole thread as a
// file (Markdown or JSON), read like the thread view reads it; one audit row per download.
import { queryObject, withApi } from "@/lib/api/handler";
import { requestBaseUrl } from "@/lib/api/origin";
import { getHandle } from "@/lib/connections/runtime";
import { exportThread } from "@/lib/conversations/thread-export";
import { getDatabase } from "@/lib/db/client";
import { threadExportQuerySchema } from "@/lib/model/export";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = withApi<{ connectionId: string; conversationId: string }>(
  { role: "any" },
  async ({ request, params, actor }) => {
    const { format } = threadExportQuerySchema.parse(queryObject(request));
    const db = await getDatabase();
    const handle = await getHandle(db, params.connectionId);
    const file = await exportThread({
      db,
      actor,
      handle,
      conversationId: params.conversationId,
      format,
      baseUrl: requestBaseUrl(request),
    });
    return new Response(file.body, {
      headers: {
        "content-type": file.contentType,
        "content-disposition": `attachment; filename="${file.fileName}"`,
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
      },
    });
  },
);
