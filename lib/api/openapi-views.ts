/** The OpenAPI paths of the views' counts and a thread's download. */
import { apiErrorSchema } from "@/lib/conversations/api-schemas";
import { threadExportQuerySchema } from "@/lib/model/export";
import { viewCountsSchema } from "@/lib/model/saved-views";
import { errors, json, queryParameters } from "./openapi-kit";

export function viewPaths(conversationPath: Record<string, unknown>[]): Record<string, unknown> {
  return {
    "/api/views/counts": {
      get: {
        summary: "How many conversations each built-in view and each of the user's saved views holds",
        description:
          "From the index, in one statement: `views` by built-in view (inbox, important, archived, trash, all), " +
          "`saved` by saved view id. Each count is the list's total for that view (`isEstimate` as the list's " +
          "`totalIsEstimate`); a saved view naming a removed connection counts as `null`.",
        responses: { "200": { description: "Counts", content: json(viewCountsSchema) }, ...errors },
      },
    },
    "/api/conversations/{connectionId}/{conversationId}/export": {
      get: {
        summary: "Download a whole thread as Markdown or JSON",
        description:
          "Read like the thread view reads it (from the provider, every page). Markdown escapes every " +
          "character of provider text that would be markup, so it reads as written; tool calls are fenced. " +
          "JSON: `{conversation, url, messages}` in Parley's model. An attachment (Content-Disposition). One " +
          "audit row per download (`conversation.export`: format, how many messages). Staff may download " +
          "unless an admin restricted exports to admins (403, audited).",
        parameters: [...conversationPath, ...queryParameters(threadExportQuerySchema)],
        responses: {
          "200": {
            description: "The file",
            content: {
              "text/markdown": { schema: { type: "string" } },
              "application/json": { schema: { type: "object" } },
            },
          },
          "404": { description: "No such connection or conversation", content: json(apiErrorSchema) },
          ...errors,
        },
      },
    },
  };
}
