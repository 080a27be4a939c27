// GET /api/conversations/export — every conversation the list's filters match, as CSV or JSON Lines,
// streamed from the index (one audit row per export).
import { queryObject, withApi } from "@/lib/api/handler";
import { requestBaseUrl } from "@/lib/api/origin";
import { recordAudit } from "@/lib/audit/audit-log";
import { exportStream } from "@/lib/conversations/export";
import { exportContentTypes, exportFileName } from "@/lib/conversations/export-format";
import { assertMayExport } from "@/lib/conversations/settings";
import { getDatabase } from "@/lib/db/client";
import { selectRowConnections } from "@/lib/index/queries";
import { DomainError } from "@/lib/model/errors";
import { exportQuerySchema } from "@/lib/model/export";
import { resolveAssigneeMe } from "@/lib/model/review";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = withApi({ role: "any" }, async ({ request, actor }) => {
  const query = resolveAssigneeMe(exportQuerySchema.parse(queryObject(request)), actor.id);
  const db = await getDatabase();
  try {
    await assertMayExport(db, actor);
  } catch (error) {
    if (error instanceof DomainError)
      await recordAudit(db, {
        actor,
        action: "conversations.export",
        after: { format: query.format },
        outcome: "failure",
        error: error.message,
      });
    throw error;
  }
  const connections = await selectRowConnections(db, query.connection);
  const body = exportStream({ db, query, connections, actor, baseUrl: requestBaseUrl(request) });
  return new Response(body, {
    headers: {
      "content-type": exportContentTypes[query.format],
      "content-disposition": `attachment; filename="${exportFileName(query.format)}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
