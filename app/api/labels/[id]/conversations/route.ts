// POST /api/labels/:id/conversations {mode: add|remove, target: {selection} | {filter}} — one label
// on (or off) many conversations in one transaction; answers exactly which changed (any role)
import { readJsonBody, withApi } from "@/lib/api/handler";
import { getDatabase } from "@/lib/db/client";
import { labelInBulk } from "@/lib/labels/bulk";
import { bulkLabelRequestSchema } from "@/lib/model/labels";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** An undo names up to 10,000 conversations one by one. */
const BODY_LIMIT = 2_000_000;

export const POST = withApi<{ id: string }>(
  { role: "any", auditRefusalAs: "labels.bulk" },
  async ({ request, params, actor }) => {
    const input = bulkLabelRequestSchema.parse(await readJsonBody(request, BODY_LIMIT));
    return Response.json(await labelInBulk(await getDatabase(), actor, params.id, input));
  },
);
