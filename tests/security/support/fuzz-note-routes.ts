/**
 * The note routes and the user directory the fuzz test sends hostile input to. Notes are Parley's
 * own data: a refused request that reaches the note service (a missing note or conversation, a
 * mention of nobody, someone else's note) leaves one failure audit row, as does an id too long to
 * serve.
 */
import fc from "fast-check";
import type { z } from "zod";
import { MAX_PARAM_LENGTH } from "@/lib/api/handler";
import { DEFAULT_BODY_LIMIT } from "@/lib/api/request-body";
import { containsUnstorableText } from "@/lib/api/unstorable-text";
import { createNoteSchema, mentionToken, updateNoteSchema } from "@/lib/model/notes";
import {
  hostileString,
  nearlyValidObject,
  pathSegment,
  rawBody,
  sessionFor,
  type FuzzRequest,
} from "./fuzz-inputs";
import {
  build,
  conversationPath,
  hostileQuery,
  parsedBody,
  type FuzzFixture,
  type FuzzRoute,
} from "./fuzz-route-kit";

/** The decoded ids of a note path: connection, conversation and (past `notes`) the note. */
function decodedIds(request: FuzzRequest, withNote: boolean): string[] | null {
  try {
    const segments = request.path.split("/");
    const raw = withNote ? [segments[3], segments[4], segments[6]] : [segments[3], segments[4]];
    const ids = raw.map((segment) => decodeURIComponent(segment ?? ""));
    return containsUnstorableText(ids) ? null : ids;
  } catch {
    return null;
  }
}

function validBody(request: FuzzRequest, schema: z.ZodType): boolean {
  if (request.rawBody === undefined || Buffer.byteLength(request.rawBody) > DEFAULT_BODY_LIMIT) return false;
  const body = parsedBody(request);
  return body !== undefined && !containsUnstorableText(body) && schema.safeParse(body).success;
}

/** A signed-in write with servable ids: a long id is refused with a row; else a valid body reaches the service. */
function reachesNoteService(request: FuzzRequest, withNote: boolean, schema: z.ZodType | null): boolean {
  if (request.crossSite || (request.session !== "staff" && request.session !== "admin")) return false;
  const ids = decodedIds(request, withNote);
  if (!ids) return false;
  if (ids.some((id) => id.length > MAX_PARAM_LENGTH)) return true;
  return schema === null || validBody(request, schema);
}

/** Paths that stay note paths once dot segments are resolved. */
const keepsShape = (length: number) => (path: string) => {
  const segments = new URL(path, "http://fuzz.invalid").pathname.split("/");
  return segments.length === length && segments[5] === "notes";
};

export function noteRoutes(fixture: FuzzFixture): FuzzRoute[] {
  const noteShaped = fc.record({
    body: fc.oneof(
      hostileString,
      fc.constantFrom("About the refund", `Ask ${mentionToken("no-such-user")}`, `${mentionToken("x")}`),
    ),
  });
  const conversations = conversationPath(fixture, ["sigmamind", "cozmox", "zaia"], 1);
  const notesPath = conversations.map((path) => `${path}/notes`).filter(keepsShape(6));
  const notePath = fc
    .tuple(conversations, pathSegment(["no-such-note"], 1))
    .map(([path, id]) => `${path}/notes/${id}`)
    .filter(keepsShape(7));
  const body = rawBody(
    fc.oneof(
      noteShaped,
      noteShaped.map((value) => ({ ...value, messageId: "m-1" })),
    ),
    nearlyValidObject(["body", "messageId"]),
    3,
  );
  return [
    {
      name: "notes",
      pattern: "/api/conversations/:connectionId/:conversationId/notes",
      share: 0.3,
      method: "GET",
      requests: build(notesPath, hostileQuery(["limit"]), sessionFor("staff")),
    },
    {
      name: "add note",
      pattern: "/api/conversations/:connectionId/:conversationId/notes",
      share: 0.7,
      method: "POST",
      auditsRefusal: (request) => reachesNoteService(request, false, createNoteSchema),
      requests: build(notesPath, fc.constant(""), sessionFor("staff"), body),
    },
    {
      name: "edit note",
      pattern: "/api/conversations/:connectionId/:conversationId/notes/:noteId",
      share: 0.5,
      method: "PATCH",
      auditsRefusal: (request) => reachesNoteService(request, true, updateNoteSchema),
      requests: build(notePath, fc.constant(""), sessionFor("staff"), body),
    },
    {
      name: "delete note",
      pattern: "/api/conversations/:connectionId/:conversationId/notes/:noteId",
      share: 0.5,
      method: "DELETE",
      auditsRefusal: (request) => reachesNoteService(request, true, null),
      requests: build(notePath, fc.constant(""), sessionFor("staff")),
    },
    {
      name: "user directory",
      pattern: "/api/users/directory",
      share: 1,
      method: "GET",
      requests: build(fc.constant("/api/users/directory"), hostileQuery(["q"]), sessionFor("staff")),
    },
  ];
}
