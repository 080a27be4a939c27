/**
 * The authorization matrix's rows for internal notes and the user directory: every signed-in role
 * reads and writes notes; the author rules (edit: author only; delete: author or admin) are
 * tested in tests/integration/notes.test.ts, since they depend on who wrote the note.
 */
import { conversationUrl, type MatrixRow } from "./authorization-rows";

const anyone = (status: number) => ({ anonymous: 401, staff: status, admin: status });

export const noteRows: MatrixRow[] = [
  {
    route: "/api/conversations/:connectionId/:conversationId/notes",
    method: "GET",
    name: "a conversation's notes",
    url: (f) => `${conversationUrl(f, "zaia")}/notes`,
    expected: anyone(200),
    shape: "parley",
  },
  {
    route: "/api/conversations/:connectionId/:conversationId/notes",
    method: "POST",
    name: "add a note",
    url: (f) => `${conversationUrl(f, "zaia")}/notes`,
    body: (_f, who) => ({ body: `A note by ${who}` }),
    expected: anyone(201),
    shape: "parley",
  },
  {
    route: "/api/conversations/:connectionId/:conversationId/notes/:noteId",
    method: "PATCH",
    name: "edit a missing note",
    url: (f) => `${conversationUrl(f, "zaia")}/notes/no-such-note`,
    body: () => ({ body: "Edited" }),
    expected: anyone(404),
    shape: "parley",
  },
  {
    route: "/api/conversations/:connectionId/:conversationId/notes/:noteId",
    method: "DELETE",
    name: "delete a missing note",
    url: (f) => `${conversationUrl(f, "zaia")}/notes/no-such-note`,
    expected: anyone(404),
    shape: "parley",
  },
  {
    route: "/api/users/directory",
    method: "GET",
    name: "user directory for mentions",
    url: () => "/api/users/directory",
    expected: anyone(200),
    shape: "parley",
  },
];
