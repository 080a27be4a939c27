/**
 * The conversations HTTP API's inputs, shared by the route handlers (which parse with them) and
 * the browser (which builds URLs and bodies from the same names). The list query is derived from
 * the filter registry (`lib/model/filters.ts`, `lib/model/list-query.ts`).
 */
import { z } from "zod";

import { TITLE_MAX_LENGTH } from "@/lib/model/constants";
import { listValueSchema } from "@/lib/model/filters";

export { sortOrders, TITLE_MAX_LENGTH, views, type View } from "@/lib/model/constants";
export { listQuerySchema, sortSchema, viewSchema, type ListQuery } from "@/lib/model/list-query";

export const threadQuerySchema = z
  .object({
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(200),
  })
  .strict();

export const moderationBodySchema = z
  .object({
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
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, "send at least one of important, archived, title, trashed");
export type ModerationBody = z.infer<typeof moderationBodySchema>;

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
