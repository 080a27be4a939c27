// GET /api/audit/export — the filtered audit log as CSV (admins)
import { queryObject, withApi } from "@/lib/api/handler";
import { listAllAudit } from "@/lib/audit/audit-log";
import { toCsv } from "@/lib/audit/csv";
import { auditQuerySchema, toAuditFilters } from "@/lib/audit/schemas";
import { getDatabase } from "@/lib/db/client";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = withApi({ role: "admin" }, async ({ request }) => {
  const { cursor: _cursor, limit: _limit, ...filters } = auditQuerySchema.parse(queryObject(request));
  const db = await getDatabase();
  const rows = await listAllAudit(db, toAuditFilters({ ...filters, limit: 1 }));
  const csv = toCsv(
    [
      "time",
      "actor",
      "action",
      "connection",
      "conversation",
      "target",
      "outcome",
      "error",
      "before",
      "after",
    ],
    rows.map((row) => [
      row.createdAt,
      row.actorEmail,
      row.action,
      row.connectionName ?? row.connectionId,
      row.conversationId,
      row.targetId,
      row.outcome,
      row.error,
      row.before,
      row.after,
    ]),
  );
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="parley-audit-${new Date().toISOString().slice(0, 10)}.csv"`,
      "cache-control": "no-store",
    },
  });
});
