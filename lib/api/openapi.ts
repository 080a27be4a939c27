/**
 * The OpenAPI document, generated from the same zod schemas the route handlers parse with, so it
 * cannot drift from what the server accepts and answers.
 */
import { z } from "zod";
import { auditQuerySchema } from "@/lib/audit/schemas";
import {
  createConnectionSchema,
  connectionViewSchema,
  testConnectionSchema,
  updateConnectionSchema,
} from "@/lib/connections/schemas";
import {
  apiErrorSchema,
  bulkJobSchema,
  bulkRequestSchema,
  deleteBodySchema,
  facetsQuerySchema,
  listQuerySchema,
  conversationPatchSchema,
  moderationStateSchema,
  syncRequestSchema,
  threadQuerySchema,
} from "@/lib/conversations/api-schemas";
import { costsAnswerSchema, costsQuerySchema } from "@/lib/model/costs";
import { syncQueuedSchema, syncStatusSchema } from "@/lib/model/sync-status";
import { exportQuerySchema } from "@/lib/model/export";
import {
  createSavedViewSchema,
  savedViewListSchema,
  savedViewSchema,
  updateSavedViewSchema,
} from "@/lib/model/saved-views";
import { reviewSchema } from "@/lib/model/review";
import { settingsSchema, updateSettingsSchema } from "@/lib/model/settings";
import {
  conversationPageSchema,
  facetsSchema,
  messagePageSchema,
  threadPageSchema,
} from "@/lib/model/conversation";
import { errors, json, pathParameter, queryParameters } from "./openapi-kit";
import { labelPaths } from "./openapi-labels";
import { notePaths } from "./openapi-notes";
import { reviewPaths } from "./openapi-review";
import { viewPaths } from "./openapi-views";

export function openApiDocument(): Record<string, unknown> {
  const conversationPath = [pathParameter("connectionId"), pathParameter("conversationId")];
  return {
    openapi: "3.0.3",
    info: {
      title: "Parley API",
      version: "1.0.0",
      description: "Conversations from every provider through one model.",
    },
    components: {
      securitySchemes: { session: { type: "apiKey", in: "cookie", name: "better-auth.session_token" } },
    },
    security: [{ session: [] }],
    paths: {
      "/api/conversations": {
        get: {
          summary: "List conversations across connections, from the index",
          description:
            "Served from Parley's index of every connection (kept fresh by sync), ordered by last activity and " +
            "paged by keyset (`nextCursor`). Every filter applies to every provider; a provider without the " +
            "field has no rows that match. `q` searches titles, contacts, responders and message text (full-text, " +
            "accents and case ignored, and substrings for CJK and partial words); each item then carries " +
            "`matches`: where it matched, a snippet and highlight ranges (offsets, never HTML) and the message id. " +
            "`total` is exact unless `totalIsEstimate`, when it is a lower bound: connections still backfilling, " +
            "more than 10,000 rows, or more than 200 for a search by a word so common that it is answered by " +
            "reading conversations newest first. " +
            "`notices` name connections still backfilling or failing (with `syncedAt`), and, for a search, " +
            "connections that keep metadata only.",
          parameters: queryParameters(listQuerySchema),
          responses: { "200": { description: "A page", content: json(conversationPageSchema) }, ...errors },
        },
      },
      "/api/conversations/export": {
        get: {
          summary: "Export every conversation the list's filters match, as CSV or JSON Lines",
          description:
            "The same filters, view and sort as `GET /api/conversations` (no cursor or page size: every page). " +
            "Streamed from the index. CSV: UTF-8 with a byte order mark, one row per conversation (the list's " +
            "columns, cost and currency, empty when unknown, flags, the conversation's address in Parley); cells " +
            "starting with =, +, -, @, tab or carriage return are prefixed with a quote mark. JSON Lines: one " +
            "conversation per line with its indexed messages. One audit row per export. Staff may export unless " +
            "an admin restricted exports to admins (403).",
          parameters: queryParameters(exportQuerySchema),
          responses: {
            "200": {
              description: "The file",
              content: {
                "text/csv": { schema: { type: "string" } },
                "application/x-ndjson": { schema: { type: "string" } },
              },
            },
            ...errors,
          },
        },
      },
      "/api/conversations/{connectionId}/{conversationId}": {
        get: {
          summary: "A conversation with the first page of its thread",
          parameters: [...conversationPath, ...queryParameters(threadQuerySchema)],
          responses: { "200": { description: "The thread", content: json(threadPageSchema) }, ...errors },
        },
        patch: {
          summary:
            "Moderate (important, archived, title, trashed) and review (assignee, reviewState, score, reviewReason; " +
            "with reviewVersion, a review changed meanwhile is refused with 409 and nothing is written)",
          parameters: conversationPath,
          requestBody: { required: true, content: json(conversationPatchSchema, "input") },
          responses: {
            "200": {
              description: "The new moderation state and/or review, for the fields sent",
              content: json(
                z.object({ state: moderationStateSchema.optional(), review: reviewSchema.optional() }),
              ),
            },
            "409": { description: "The review changed since `reviewVersion`", content: json(apiErrorSchema) },
            ...errors,
          },
        },
        delete: {
          summary: "Delete at the provider (admins)",
          parameters: conversationPath,
          requestBody: { required: true, content: json(deleteBodySchema, "input") },
          responses: { "204": { description: "Deleted" }, ...errors },
        },
      },
      "/api/conversations/{connectionId}/{conversationId}/messages": {
        get: {
          summary: "A page of a thread",
          parameters: [...conversationPath, ...queryParameters(threadQuerySchema)],
          responses: { "200": { description: "Messages", content: json(messagePageSchema) }, ...errors },
        },
      },
      "/api/bulk": {
        post: {
          summary: "Start a bulk job: one action on picked rows or on every row a list query matches",
          description:
            "The job runs on the server: Parley's own flags in one transaction, flags a provider holds paced to " +
            "its request budget behind people's requests and retried; each row's outcome is kept. Same roles as " +
            "the single change. `filter` takes the parameters of `GET /api/conversations` (cursor and limit " +
            "ignored; at most 10,000 rows); `selection` at most 1,000 rows. A target that matches nothing, or too " +
            "many rows, is a 400.",
          requestBody: { required: true, content: json(bulkRequestSchema, "input") },
          responses: {
            "202": { description: "Started", content: json(bulkJobSchema) },
            "404": { description: "No such connection", content: json(apiErrorSchema) },
            ...errors,
          },
        },
      },
      "/api/bulk/{id}": {
        get: {
          summary:
            "A bulk job's progress: counts and the failed rows with their reasons (its starter or an admin)",
          parameters: [pathParameter("id")],
          responses: {
            "200": { description: "Progress", content: json(bulkJobSchema) },
            "404": { description: "No such job", content: json(apiErrorSchema) },
            ...errors,
          },
        },
      },
      "/api/bulk/{id}/retry": {
        post: {
          summary: "Retry a finished job's failed rows (a new job; its starter or an admin)",
          parameters: [pathParameter("id")],
          responses: {
            "202": { description: "Started", content: json(bulkJobSchema) },
            "409": { description: "Still running, or nothing failed", content: json(apiErrorSchema) },
            ...errors,
          },
        },
      },
      "/api/bulk/{id}/undo": {
        post: {
          summary:
            "Undo a finished job: the inverse action for the rows it changed (a new job; its starter or an admin)",
          parameters: [pathParameter("id")],
          responses: {
            "202": { description: "Started", content: json(bulkJobSchema) },
            "409": {
              description: "Still running, already undone, or nothing changed",
              content: json(apiErrorSchema),
            },
            ...errors,
          },
        },
      },
      "/api/facets": {
        get: {
          summary: "Filter options from the index, with counts, per connection",
          parameters: queryParameters(facetsQuerySchema),
          responses: { "200": { description: "Options", content: json(facetsSchema) }, ...errors },
        },
      },
      "/api/analytics/costs": {
        get: {
          summary: "Spend and conversations of the list's filter, totals and groups, from the index",
          description:
            "Takes the list's connection, view and filters (the same rows the list shows) and `groupBy` " +
            "(day, week, connection, provider, responder, channel, label; without it only the totals), " +
            "optionally `stackBy` (provider, responder; not with label) to split each group. Label groups " +
            "overlap (a conversation with two labels counts in both; key null: no label), so they are never " +
            "added up. Answered with SQL aggregates. Currencies " +
            "are never added: `cost`/`spend` is a number only when the known costs share one `currency`, " +
            "otherwise null with each currency in `byCurrency`. An unknown cost is counted in " +
            "`unknownCost`, never as 0; the totals state `unknownShare`.",
          parameters: queryParameters(costsQuerySchema),
          responses: { "200": { description: "Costs", content: json(costsAnswerSchema) }, ...errors },
        },
      },
      "/api/sync": {
        get: {
          summary: "Each connection's sync state, freshness and counts (staff and admins)",
          responses: { "200": { description: "Sync state", content: json(syncStatusSchema) }, ...errors },
        },
        post: {
          summary: "Ask for a sync now, of one connection or of all (rate limited per user)",
          requestBody: { required: true, content: json(syncRequestSchema, "input") },
          responses: {
            "202": { description: "Queued", content: json(syncQueuedSchema) },
            "404": { description: "No such connection", content: json(apiErrorSchema) },
            "429": { description: "Too many sync requests", content: json(apiErrorSchema) },
            ...errors,
          },
        },
      },
      "/api/connections": {
        get: {
          summary: "Connections (admins)",
          responses: {
            "200": { description: "List", content: json(z.object({ items: z.array(connectionViewSchema) })) },
            ...errors,
          },
        },
        post: {
          summary: "Add a connection (admins)",
          requestBody: { required: true, content: json(createConnectionSchema, "input") },
          responses: { "201": { description: "Created", content: json(connectionViewSchema) }, ...errors },
        },
      },
      "/api/connections/{id}": {
        patch: {
          summary: "Rename, re-point or rotate the key (admins)",
          parameters: [pathParameter("id")],
          requestBody: { required: true, content: json(updateConnectionSchema, "input") },
          responses: { "200": { description: "Updated", content: json(connectionViewSchema) }, ...errors },
        },
        delete: {
          summary: "Remove a connection (admins)",
          parameters: [pathParameter("id")],
          responses: { "204": { description: "Removed" }, ...errors },
        },
      },
      "/api/connections/test": {
        post: {
          summary: "Test a key (admins)",
          requestBody: { required: true, content: json(testConnectionSchema, "input") },
          responses: errors,
        },
      },
      "/api/audit": {
        get: {
          summary: "Audit log (admins)",
          parameters: queryParameters(auditQuerySchema),
          responses: errors,
        },
      },
      "/api/audit/export": {
        get: {
          summary: "Audit log as CSV (admins)",
          parameters: queryParameters(auditQuerySchema),
          responses: errors,
        },
      },
      "/api/views": {
        get: {
          summary: "Saved views: the user's own and the shared ones (their counts: /api/views/counts)",
          responses: { "200": { description: "Views", content: json(savedViewListSchema) }, ...errors },
        },
        post: {
          summary: "Save a view: a name and a list query string (shared views: admins)",
          requestBody: { required: true, content: json(createSavedViewSchema, "input") },
          responses: { "201": { description: "Saved", content: json(savedViewSchema) }, ...errors },
        },
      },
      "/api/views/{id}": {
        patch: {
          summary: "Rename, re-point or move a saved view (its owner; shared views: admins)",
          parameters: [pathParameter("id")],
          requestBody: { required: true, content: json(updateSavedViewSchema, "input") },
          responses: { "200": { description: "Updated", content: json(savedViewSchema) }, ...errors },
        },
        delete: {
          summary: "Delete a saved view (its owner; shared views: admins)",
          parameters: [pathParameter("id")],
          responses: { "204": { description: "Deleted" }, ...errors },
        },
      },
      "/api/settings": {
        get: {
          summary: "Parley-wide settings (whether exports are restricted to admins)",
          responses: { "200": { description: "Settings", content: json(settingsSchema) }, ...errors },
        },
        patch: {
          summary: "Change settings (admins)",
          requestBody: { required: true, content: json(updateSettingsSchema, "input") },
          responses: { "200": { description: "Settings", content: json(settingsSchema) }, ...errors },
        },
      },
      "/api/health": {
        get: {
          summary: "Database and connection health",
          security: [],
          responses: { "200": { description: "Health" } },
        },
      },
      ...labelPaths(conversationPath),
      ...notePaths(conversationPath),
      ...reviewPaths(conversationPath),
      ...viewPaths(conversationPath),
    },
  };
}
