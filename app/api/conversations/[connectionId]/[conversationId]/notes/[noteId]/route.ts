// PATCH /api/conversations/:connectionId/:conversationId/notes/:noteId {body} — edit (the author only), audited
// DELETE … — delete (the author or an admin); the audit row keeps no body
import { readJsonBody, withApi } from "@/lib/api/handler";
import { getDatabase } from "@/lib/db/client";
import { updateNoteSchema } from "@/lib/model/notes";
import { deleteNote, updateNote } from "@/lib/notes/service";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Params = { connectionId: string; conversationId: string; noteId: string };

export const PATCH = withApi<Params>(
  { role: "any", auditRefusalAs: "note.update" },
  async ({ request, params, actor }) => {
    const input = updateNoteSchema.parse(await readJsonBody(request));
    const note = await updateNote(
      await getDatabase(),
      actor,
      params.connectionId,
      params.conversationId,
      params.noteId,
      input,
    );
    return Response.json(note);
  },
);

export const DELETE = withApi<Params>(
  { role: "any", auditRefusalAs: "note.delete" },
  async ({ params, actor }) => {
    const deleted = await deleteNote(
      await getDatabase(),
      actor,
      params.connectionId,
      params.conversationId,
      params.noteId,
    );
    return Response.json(deleted);
  },
);
