/**
 * Saved views: a name plus a list state (`list-query-string.ts`). The API's bodies and answers,
 * shared by the route handlers and the browser.
 */
import { z } from "zod";
import { views } from "./constants";
import { SAVED_VIEW_NAME_MAX } from "./list-query-string";

export { SAVED_VIEW_NAME_MAX } from "./list-query-string";
/** At most this many views per person, and this many shared views. */
export const SAVED_VIEWS_MAX = 50;

const nameSchema = z
  .string()
  .trim()
  .min(1, "a view needs a name")
  .max(SAVED_VIEW_NAME_MAX, `at most ${SAVED_VIEW_NAME_MAX} characters`);

/** A list URL query string (`?` optional); only the list state's parameters are kept. */
const querySchema = z.string().max(4000, "at most 4,000 characters");

export const createSavedViewSchema = z
  .object({
    name: nameSchema,
    query: querySchema,
    /** Shared with everyone (admins only); personal otherwise. */
    shared: z.boolean().default(false),
  })
  .strict();
export type CreateSavedView = z.infer<typeof createSavedViewSchema>;

export const updateSavedViewSchema = z
  .object({
    name: nameSchema.optional(),
    query: querySchema.optional(),
    /** The view's new place among its group (shared views, or the person's own), from 0. */
    position: z.number().int().min(0).max(1000).optional(),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, "send at least one of name, query, position");
export type UpdateSavedView = z.infer<typeof updateSavedViewSchema>;

export const savedViewIdSchema = z.string().uuid("is not a view id");

export const savedViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The canonical list query string, without `?`. */
  query: z.string(),
  /** The list page's address for this view: the same for everyone who opens it. */
  href: z.string(),
  shared: z.boolean(),
  position: z.number(),
  /** Whether the asking user may rename, reorder or delete it. */
  editable: z.boolean(),
});
export type SavedView = z.infer<typeof savedViewSchema>;

export const savedViewListSchema = z.object({
  personal: z.array(savedViewSchema),
  shared: z.array(savedViewSchema),
});
export type SavedViewList = z.infer<typeof savedViewListSchema>;

/** Conversations in a view now (from the index, capped like the list's total); null if unknown. */
export const viewCountSchema = z.object({
  count: z.number().nullable(),
  /** Past the list's cap, or a connection of the view is still backfilling (the list says "+"). */
  isEstimate: z.boolean(),
});
export type ViewCount = z.infer<typeof viewCountSchema>;

/** `GET /api/views/counts`: every built-in view's count and every visible saved view's, by id. */
export const viewCountsSchema = z.object({
  views: z.record(z.enum(views), viewCountSchema),
  saved: z.record(z.string(), viewCountSchema),
});
export type ViewCounts = z.infer<typeof viewCountsSchema>;
