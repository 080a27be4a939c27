// GET /api/conversations/:connectionId/:conversationId/review — assignee, review state, score, reason (any role)
// (changes go through PATCH /api/conversations/:connectionId/:conversationId)
import { withApi } from "@/lib/api/handler";
import { readReview } from "@/lib/conversations/review";
import { getDatabase } from "@/lib/db/client";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Params = { connectionId: string; conversationId: string };

export const GET = withApi<Params>({ role: "any" }, async ({ params }) => {
  const review = await readReview(await getDatabase(), params.connectionId, params.conversationId);
  return Response.json(review, { headers: { "cache-control": "no-store" } });
});
