// GET /api/conversations/:connectionId/:conversationId/notes — the conversation's internal notes (any role)
// POST … {body, messageId?} — add a note (mentions as `<@userId>`), audited (any role)
import { readJsonBody, withApi } from "@/lib/api/handler";
import { getDatabase } from "@/lib/db/client";
import { createNoteSchema } from "@/lib/model/notes";
import { createNote, listNotes } from "@/lib/notes/service";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Params = { connectionId: string; conversationId: string };

export const GET = withApi<Params>({ role: "any" }, async ({ params, actor }) => {
  const items = await listNotes(await getDatabase(), actor, params.connectionId, params.conversationId);
  return Response.json({ items }, { headers: { "cache-control": "no-store" } });
});

export const POST = withApi<Params>(
  { role: "any", auditRefusalAs: "note.create" },
  async ({ request, params, actor }) => {
    const input = createNoteSchema.parse(await readJsonBody(request));
    const note = await createNote(
      await getDatabase(),
      actor,
      params.connectionId,
      params.conversationId,
      input,
    );
    return Response.json(note, { status: 201 });
  },
);
