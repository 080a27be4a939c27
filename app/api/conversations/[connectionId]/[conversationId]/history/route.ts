// GET /api/conversations/:connectionId/:conversationId/history — this conversation's audit rows (any signed-in user)
import { withApi } from "@/lib/api/handler";
import { listAudit } from "@/lib/audit/audit-log";
import { getDatabase } from "@/lib/db/client";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = withApi<{ connectionId: string; conversationId: string }>(
  { role: "any" },
  async ({ params }) => {
    const db = await getDatabase();
    const page = await listAudit(
      db,
      { connectionId: params.connectionId, conversationId: params.conversationId },
      { limit: 100 },
    );
    return Response.json({ items: page.items }, { headers: { "cache-control": "no-store" } });
  },
);
