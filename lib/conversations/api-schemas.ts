/**
 * The conversations HTTP API's inputs, shared by the route handlers (which parse with them) and
 * the browser (which builds URLs and bodies from the same names). The list query is derived from
 * the filter registry (`lib/model/filters.ts`, `lib/model/list-query.ts`).
 */
import { z } from "zod";

import { TITLE_MAX_LENGTH } from "@/lib/model/constants";
import { listValueSchema } from "@/lib/model/filters";
import { reviewFields } from "@/lib/model/review";

export { sortOrders, TITLE_MAX_LENGTH, views, type View } from "@/lib/model/constants";
export { listQuerySchema, sortSchema, viewSchema, type ListQuery } from "@/lib/model/list-query";

export const threadQuerySchema = z
  .object({
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(200),
  })
  .strict();

const moderationFields = {
  important: z.boolean().optional(),
  archived: z.boolean().optional(),
  /** A new title, or null to go back to the provider's own. */
  title: z
    .string()
    .trim()
    .min(1, "a title cannot be empty; send null to clear it")
    .max(TITLE_MAX_LENGTH, `at most ${TITLE_MAX_LENGTH} characters`)
    .nullable()
    .optional(),
  trashed: z.boolean().optional(),
};

export const moderationBodySchema = z
  .object(moderationFields)
  .strict()
  .refine((body) => Object.keys(body).length > 0, "send at least one of important, archived, title, trashed");
export type ModerationBody = z.infer<typeof moderationBodySchema>;

/**
 * `PATCH /api/conversations/:connectionId/:conversationId`: moderation fields and review fields
 * (`lib/model/review.ts`: assignee, review state, score, reason label), in any combination.
 */
export const conversationPatchSchema = z
  .object({ ...moderationFields, ...reviewFields })
  .strict()
  .refine(
    (body) => Object.keys(body).some((key) => key !== "reviewVersion"),
    "send at least one of important, archived, title, trashed, assignee, reviewState, score, reviewReason",
  );
export type ConversationPatch = z.infer<typeof conversationPatchSchema>;

export const deleteBodySchema = z.object({ confirm: z.string().min(1) }).strict();

export const facetsQuerySchema = z.object({ connection: listValueSchema }).strict();

/** `POST /api/sync`: one connection, or every connection when absent. */
export const syncRequestSchema = z.object({ connectionId: z.string().min(1).max(200).optional() }).strict();

/** The moderation state of one conversation after a change, as PATCH answers it. */
export const moderationStateSchema = z.object({
  important: z.boolean(),
  archived: z.boolean(),
  trashed: z.boolean(),
  title: z.string().nullable(),
});
export type ModerationState = z.infer<typeof moderationStateSchema>;

/** Error body of every API route: `{ error: { code, message } }`. */
export const apiErrorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
export type ApiError = z.infer<typeof apiErrorSchema>;

/** Bulk moderation (`POST /api/bulk`): the actions a job can run, each undone by its inverse. */
export const bulkActions = ["archive", "unarchive", "important", "unimportant", "trash", "restore"] as const;
export type BulkAction = (typeof bulkActions)[number];
export const bulkActionSchema = z.enum(bulkActions);

/** Most rows one job covers when a filter chooses them; a selection is at most `BULK_MAX_SELECTION`. */
export const BULK_MAX_ROWS = 10_000;
export const BULK_MAX_SELECTION = 1_000;

const bulkRowSchema = z
  .object({ connectionId: z.string().min(1).max(512), conversationId: z.string().min(1).max(512) })
  .strict();

/**
 * The rows of a job: picked ones, or every row the list query matches (the same query as
 * `GET /api/conversations`, as an object of its parameters; `cursor` and `limit` are ignored).
 */
export const bulkTargetSchema = z.union([
  z.object({ selection: z.array(bulkRowSchema).min(1).max(BULK_MAX_SELECTION) }).strict(),
  z.object({ filter: z.record(z.string(), z.union([z.string(), z.array(z.string())])) }).strict(),
]);
export type BulkTarget = z.infer<typeof bulkTargetSchema>;

export const bulkRequestSchema = z.object({ action: bulkActionSchema, target: bulkTargetSchema }).strict();
export type BulkRequest = z.infer<typeof bulkRequestSchema>;

/** A job's progress, as `GET /api/bulk/:id` answers it. */
export const bulkJobSchema = z.object({
  id: z.string(),
  action: bulkActionSchema,
  state: z.enum(["queued", "running", "done"]),
  total: z.number().int(),
  /** Rows changed (`succeeded`), already as asked (`skipped`), failed, and all three together (`done`). */
  done: z.number().int(),
  succeeded: z.number().int(),
  skipped: z.number().int(),
  failed: z.number().int(),
  failures: z.array(
    z.object({
      connectionId: z.string(),
      conversationId: z.string(),
      title: z.string().nullable(),
      reason: z.string(),
    }),
  ),
  undoOf: z.string().nullable(),
  retryOf: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type BulkJob = z.infer<typeof bulkJobSchema>;
