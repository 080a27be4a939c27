/** The OpenAPI paths of internal notes and the user directory for mentions (never sent to a provider). */
import {
  createNoteSchema,
  deletedNoteSchema,
  noteListSchema,
  noteSchema,
  updateNoteSchema,
  userDirectorySchema,
} from "@/lib/model/notes";
import { errors, json, pathParameter } from "./openapi-kit";

/** Notes on a conversation: everyone reads and writes; the author edits; the author or an admin deletes. */
export function notePaths(conversationPath: Record<string, unknown>[]): Record<string, unknown> {
  const notePath = [...conversationPath, pathParameter("noteId")];
  return {
    "/api/conversations/{connectionId}/{conversationId}/notes": {
      get: {
        summary: "A conversation's internal notes, oldest first, with mentions resolved to current names",
        parameters: conversationPath,
        responses: { "200": { description: "The notes", content: json(noteListSchema) }, ...errors },
      },
      post: {
        summary: "Add a note (markdown; mentions as `<@userId>`; optionally about one message)",
        parameters: conversationPath,
        requestBody: { required: true, content: json(createNoteSchema, "input") },
        responses: { "201": { description: "Created", content: json(noteSchema) }, ...errors },
      },
    },
    "/api/conversations/{connectionId}/{conversationId}/notes/{noteId}": {
      patch: {
        summary: "Edit a note (its author only)",
        parameters: notePath,
        requestBody: { required: true, content: json(updateNoteSchema, "input") },
        responses: { "200": { description: "The note", content: json(noteSchema) }, ...errors },
      },
      delete: {
        summary: "Delete a note (its author or an admin); the audit row keeps no body",
        parameters: notePath,
        responses: { "200": { description: "Deleted", content: json(deletedNoteSchema) }, ...errors },
      },
    },
    "/api/users/directory": {
      get: {
        summary: "Active users' id and display name (no emails), to complete @mentions",
        responses: { "200": { description: "The users", content: json(userDirectorySchema) }, ...errors },
      },
    },
  };
}
