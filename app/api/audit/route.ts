// GET /api/audit — the audit log, newest first, filterable and paged (admins); each row with its
// actor's name and its conversation's title where known (`lib/conversations/audit-labels.ts`)
import { queryObject, withApi } from "@/lib/api/handler";
import { listAudit } from "@/lib/audit/audit-log";
import { auditQuerySchema, toAuditFilters } from "@/lib/audit/schemas";
import { labelAuditRows } from "@/lib/conversations/audit-labels";
import { getDatabase } from "@/lib/db/client";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = withApi({ role: "admin" }, async ({ request }) => {
  const query = auditQuerySchema.parse(queryObject(request));
  const db = await getDatabase();
  const page = await listAudit(db, toAuditFilters(query), {
    beforeId: query.cursor === undefined ? undefined : Number(query.cursor),
    limit: query.limit,
  });
  const items = await labelAuditRows(db, page.items);
  return Response.json({ ...page, items }, { headers: { "cache-control": "no-store" } });
});
