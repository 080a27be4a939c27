// GET /api/conversations/:connectionId/:conversationId/labels — the conversation's label ids (any role)
// PUT … {labelIds} — set them to exactly these, in one transaction, audited (any role)
import { readJsonBody, withApi } from "@/lib/api/handler";
import { getDatabase } from "@/lib/db/client";
import { conversationLabelIds, setConversationLabels } from "@/lib/labels/service";
import { setConversationLabelsSchema } from "@/lib/model/labels";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Params = { connectionId: string; conversationId: string };

export const GET = withApi<Params>({ role: "any" }, async ({ params }) => {
  const labelIds = await conversationLabelIds(
    await getDatabase(),
    params.connectionId,
    params.conversationId,
  );
  return Response.json({ labelIds }, { headers: { "cache-control": "no-store" } });
});

export const PUT = withApi<Params>(
  { role: "any", auditRefusalAs: "conversation.labels" },
  async ({ request, params, actor }) => {
    const { labelIds } = setConversationLabelsSchema.parse(await readJsonBody(request));
    const result = await setConversationLabels(
      await getDatabase(),
      actor,
      params.connectionId,
      params.conversationId,
      labelIds,
    );
    return Response.json(result);
  },
);
