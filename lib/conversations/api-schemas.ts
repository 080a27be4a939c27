/**
 * The conversations HTTP API's inputs, shared by the route handlers (which parse with them) and
 * the browser (which builds URLs and bodies from the same names).
 */
import { z } from "zod";

import { sortOrders, TITLE_MAX_LENGTH, views } from "@/lib/model/constants";

export { sortOrders, TITLE_MAX_LENGTH, views, type View } from "@/lib/model/constants";
export const viewSchema = z.enum(views);

export const sortSchema = z.enum(sortOrders);

const MAX_LIST_VALUES = 50;

/** `a,b` or repeated keys, trimmed, de-duplicated; empty means "no filter". */
const listValue = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => {
    const raw = value === undefined ? [] : Array.isArray(value) ? value : [value];
    const items = raw
      .flatMap((item) => item.split(","))
      .map((item) => item.trim())
      .filter(Boolean);
    return [...new Set(items)];
  })
  .refine((items) => items.length <= MAX_LIST_VALUES, `at most ${MAX_LIST_VALUES} values`)
  .refine((items) => items.every((item) => item.length <= 200), "each value must be at most 200 characters");

/** A calendar date (YYYY-MM-DD) or a full ISO timestamp; normalised to ISO. `to` dates include the whole day. */
function dateBound(endOfDay: boolean) {
  return z
    .string()
    .trim()
    .optional()
    .transform((value, context) => {
      if (value === undefined || value === "") return undefined;
      const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
      const candidate = dateOnly ? `${value}T${endOfDay ? "23:59:59.999" : "00:00:00.000"}Z` : value;
      const time = Date.parse(candidate);
      if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(time)) {
        context.addIssue({
          code: "custom",
          message: "must be a date such as 2026-01-31 or an ISO timestamp",
        });
        return z.NEVER;
      }
      return new Date(time).toISOString();
    });
}

export const listQuerySchema = z
  .object({
    connection: listValue,
    view: viewSchema.default("inbox"),
    channel: listValue,
    channelType: listValue,
    responder: listValue,
    version: listValue,
    status: listValue,
    owner: listValue,
    from: dateBound(false),
    to: dateBound(true),
    q: z
      .string()
      .trim()
      .max(200, "at most 200 characters")
      .optional()
      .transform((value) => value || undefined),
    sort: sortSchema.default("recent"),
    cursor: z.string().max(4000).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(25),
  })
  .strict()
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    message: "`from` must not be after `to`",
    path: ["from"],
  });
export type ListQuery = z.infer<typeof listQuerySchema>;

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

export const facetsQuerySchema = z.object({ connection: listValue }).strict();

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
