// POST /api/bulk {action, target: {selection: [...]} | {filter: <list query>}} — starts a bulk job (202 with its progress)
import { readJsonBody, withApi } from "@/lib/api/handler";
import { bulkRequestSchema } from "@/lib/conversations/api-schemas";
import { startBulkJob } from "@/lib/conversations/bulk/service";
import { getDatabase } from "@/lib/db/client";

/** A selection of 1,000 rows with long ids. */
const BULK_BODY_LIMIT = 1_100_000;

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = withApi({ role: "any" }, async ({ request, actor }) => {
  const body = bulkRequestSchema.parse(await readJsonBody(request, BULK_BODY_LIMIT));
  const db = await getDatabase();
  return Response.json(await startBulkJob(db, actor, body), { status: 202 });
});
