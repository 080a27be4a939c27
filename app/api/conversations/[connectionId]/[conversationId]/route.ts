// GET /api/conversations/:connectionId/:conversationId — the conversation and its first messages
// PATCH … {important?, archived?, title?, trashed?} — moderate (one audit row per request);
//   {assignee?, reviewState?, score?, reviewReason?, reviewVersion?} — review (one audit row per field)
// DELETE … {confirm: <conversationId>} — delete at the provider (admins; Zaia, Cozmox)
import { badRequest } from "@/lib/api/errors";
import { queryObject, readJsonBody, withApi } from "@/lib/api/handler";
import { getHandle } from "@/lib/connections/runtime";
import {
  conversationPatchSchema,
  deleteBodySchema,
  threadQuerySchema,
  type ModerationBody,
} from "@/lib/conversations/api-schemas";
import { CursorError } from "@/lib/conversations/thread-cursor";
import { deleteAtProvider, moderateConversation } from "@/lib/conversations/moderation";
import { checkReviewChange, hasReviewFields, updateReview } from "@/lib/conversations/review";
import { getThread } from "@/lib/conversations/thread";
import { getDatabase } from "@/lib/db/client";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Params = { connectionId: string; conversationId: string };

export const GET = withApi<Params>({ role: "any" }, async ({ request, params }) => {
  const query = threadQuerySchema.parse(queryObject(request));
  const db = await getDatabase();
  const handle = await getHandle(db, params.connectionId);
  try {
    return Response.json(await getThread(db, handle, params.conversationId, query), {
      headers: { "cache-control": "no-store" },
    });
  } catch (error) {
    if (error instanceof CursorError) throw badRequest(`cursor: ${error.message}`);
    throw error;
  }
});

export const PATCH = withApi<Params>(
  { role: "any", auditRefusalAs: "conversation.update" },
  async ({ request, params, actor }) => {
    const { assignee, reviewState, score, reviewReason, reviewVersion, ...moderation } =
      conversationPatchSchema.parse(await readJsonBody(request));
    const review = { assignee, reviewState, score, reviewReason, reviewVersion };
    const reviewing = hasReviewFields(review);
    const moderating = Object.keys(moderation).length > 0;
    const db = await getDatabase();
    if (!moderating)
      return Response.json({
        review: await updateReview(db, actor, params.connectionId, params.conversationId, review),
      });
    // Review fields are checked before the provider is called, so a bad one changes nothing.
    if (reviewing) await checkReviewChange(db, review);
    const handle = await getHandle(db, params.connectionId);
    const moderated = await moderateConversation(
      db,
      actor,
      handle,
      params.conversationId,
      moderation as ModerationBody,
    );
    if (!reviewing) return Response.json(moderated);
    return Response.json({
      ...moderated,
      review: await updateReview(db, actor, params.connectionId, params.conversationId, review),
    });
  },
);

export const DELETE = withApi<Params>(
  { role: "admin", auditRefusalAs: "conversation.delete" },
  async ({ request, params, actor }) => {
    const body = deleteBodySchema.parse(await readJsonBody(request));
    const db = await getDatabase();
    const handle = await getHandle(db, params.connectionId);
    await deleteAtProvider(db, actor, handle, params.conversationId, body.confirm);
    return new Response(null, { status: 204 });
  },
);
