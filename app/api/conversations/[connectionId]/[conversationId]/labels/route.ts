// GET /api/conversations/:connectionId/:conversationId/labels — the conversation's label ids (any role)
// PUT … {labelIds, expected?} — set them to exactly these, in one transaction, audited (any role);
//   with `expected`, refused (409) when someone else changed them meanwhile
// PATCH … {add?, remove?} — put labels on and take others off; concurrent changes all stay (any role)
import { readJsonBody, withApi } from "@/lib/api/handler";
import { getDatabase } from "@/lib/db/client";
import { changeConversationLabels, conversationLabelIds, setConversationLabels } from "@/lib/labels/service";
import { changeConversationLabelsSchema, setConversationLabelsSchema } from "@/lib/model/labels";

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
    const { labelIds, expected } = setConversationLabelsSchema.parse(await readJsonBody(request));
    const result = await setConversationLabels(
      await getDatabase(),
      actor,
      params.connectionId,
      params.conversationId,
      labelIds,
      expected,
    );
    return Response.json(result);
  },
);

export const PATCH = withApi<Params>(
  { role: "any", auditRefusalAs: "conversation.labels" },
  async ({ request, params, actor }) => {
    const change = changeConversationLabelsSchema.parse(await readJsonBody(request));
    const result = await changeConversationLabels(
      await getDatabase(),
      actor,
      params.connectionId,
      params.conversationId,
      change,
    );
    return Response.json(result);
  },
);
