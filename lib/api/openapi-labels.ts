/** The OpenAPI paths of labels (Parley's own tags; never sent to a provider). */
import { apiErrorSchema } from "@/lib/conversations/api-schemas";
import {
  conversationLabelsSchema,
  createLabelSchema,
  deletedLabelSchema,
  labelListSchema,
  labelSchema,
  bulkLabelRequestSchema,
  bulkLabelResultSchema,
  changeConversationLabelsSchema,
  setConversationLabelsSchema,
  updateLabelSchema,
} from "@/lib/model/labels";
import { errors, json, pathParameter } from "./openapi-kit";

/** Labels: Parley's own tags (admins manage the set; everyone reads it and labels conversations). */
export function labelPaths(conversationPath: Record<string, unknown>[]): Record<string, unknown> {
  const labelPath = [pathParameter("id")];
  const conflict = { "409": { description: "Name already taken", content: json(apiErrorSchema) } };
  return {
    "/api/labels": {
      get: {
        summary: "The labels, with how many conversations carry each",
        responses: { "200": { description: "The labels", content: json(labelListSchema) }, ...errors },
      },
      post: {
        summary: "Create a label (admins); names are unique regardless of case",
        requestBody: { required: true, content: json(createLabelSchema, "input") },
        responses: { "201": { description: "Created", content: json(labelSchema) }, ...errors, ...conflict },
      },
    },
    "/api/labels/{id}": {
      patch: {
        summary: "Rename, recolour or describe a label (admins); shows everywhere it is used",
        parameters: labelPath,
        requestBody: { required: true, content: json(updateLabelSchema, "input") },
        responses: {
          "200": { description: "The label", content: json(labelSchema) },
          ...errors,
          ...conflict,
        },
      },
      delete: {
        summary: "Delete a label (admins); it comes off every conversation, `removedFrom` says how many",
        parameters: labelPath,
        responses: { "200": { description: "Deleted", content: json(deletedLabelSchema) }, ...errors },
      },
    },
    "/api/labels/{id}/conversations": {
      post: {
        summary:
          "Put the label on (or take it off) picked conversations or every one a list query matches, in one transaction; " +
          "`changed` names exactly the conversations changed (what an undo sends back with the other mode)",
        parameters: labelPath,
        requestBody: { required: true, content: json(bulkLabelRequestSchema, "input") },
        responses: {
          "200": { description: "What changed", content: json(bulkLabelResultSchema) },
          ...errors,
        },
      },
    },
    "/api/conversations/{connectionId}/{conversationId}/labels": {
      get: {
        summary: "A conversation's label ids",
        parameters: conversationPath,
        responses: {
          "200": { description: "Label ids", content: json(conversationLabelsSchema) },
          ...errors,
        },
      },
      patch: {
        summary:
          "Put labels on a conversation and take others off; two people's changes at once both stay (never sent to the provider)",
        parameters: conversationPath,
        requestBody: { required: true, content: json(changeConversationLabelsSchema, "input") },
        responses: {
          "200": { description: "Label ids", content: json(conversationLabelsSchema) },
          ...errors,
        },
      },
      put: {
        summary:
          "Set a conversation's labels to exactly these (all or nothing); with `expected`, refused (409) if they changed meanwhile",
        parameters: conversationPath,
        requestBody: { required: true, content: json(setConversationLabelsSchema, "input") },
        responses: {
          "200": { description: "Label ids", content: json(conversationLabelsSchema) },
          ...errors,
          "409": { description: "Changed meanwhile by someone else", content: json(apiErrorSchema) },
        },
      },
    },
  };
}
