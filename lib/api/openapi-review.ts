/** The OpenAPI paths of assignment and review (Parley's own data; never sent to a provider). */
import { apiErrorSchema } from "@/lib/conversations/api-schemas";
import {
  reviewOptionsSchema,
  reviewSchema,
  reviewStatsQuerySchema,
  reviewStatsSchema,
} from "@/lib/model/review";
import { errors, json, queryParameters } from "./openapi-kit";

export function reviewPaths(conversationPath: Record<string, unknown>[]): Record<string, unknown> {
  return {
    "/api/conversations/{connectionId}/{conversationId}/review": {
      get: {
        summary:
          "A conversation's assignee, review state, reviewer, score and reason label (change them with PATCH on the conversation)",
        parameters: conversationPath,
        responses: {
          "200": {
            description: "The review (unreviewed, version 0 when never touched)",
            content: json(reviewSchema),
          },
          "404": { description: "No such connection or conversation", content: json(apiErrorSchema) },
          ...errors,
        },
      },
    },
    "/api/review/options": {
      get: {
        summary: "The score mode an admin chose (1–5 or pass/fail) and the active users one may assign",
        responses: { "200": { description: "Options", content: json(reviewOptionsSchema) }, ...errors },
      },
    },
    "/api/analytics/review": {
      get: {
        summary:
          "Review progress of the list's filter (admins): totals, per reviewer and per responder (reviewed, pass rate, average score)",
        parameters: queryParameters(reviewStatsQuerySchema),
        responses: { "200": { description: "Progress", content: json(reviewStatsSchema) }, ...errors },
      },
    },
  };
}
