/**
 * Labels: Parley's own tags on conversations. The colour is one of the theme's palette names
 * (the UI maps each to a theme variable). Pure (zod and `lib/model`), so the API, the OpenAPI
 * document and the browser share it.
 */
import { z } from "zod";
import { labelColours } from "./label-colours";

export { labelColours, type LabelColour } from "./label-colours";

/** At most this many labels on one conversation. */
export const MAX_LABELS_PER_CONVERSATION = 50;

const nameSchema = z.string().trim().min(1, "name is required").max(60, "name must be at most 60 characters");
const descriptionSchema = z.string().trim().max(300, "description must be at most 300 characters");

export const createLabelSchema = z
  .object({
    name: nameSchema,
    colour: z.enum(labelColours).default("gray"),
    description: descriptionSchema.default(""),
  })
  .strict();
export type CreateLabelInput = z.infer<typeof createLabelSchema>;

export const updateLabelSchema = z
  .object({
    name: nameSchema.optional(),
    colour: z.enum(labelColours).optional(),
    description: descriptionSchema.optional(),
  })
  .strict()
  .refine((value) => Object.values(value).some((item) => item !== undefined), "nothing to change");
export type UpdateLabelInput = z.infer<typeof updateLabelSchema>;

export const labelSchema = z.object({
  id: z.string(),
  name: z.string(),
  colour: z.enum(labelColours),
  description: z.string(),
  /** How many conversations carry it (what deleting it would remove). */
  conversationCount: z.number().int(),
});
export type Label = z.infer<typeof labelSchema>;

export const labelListSchema = z.object({ items: z.array(labelSchema) });

export const deletedLabelSchema = z.object({
  id: z.string(),
  /** How many conversations carried it. */
  removedFrom: z.number().int(),
});

const labelIdsSchema = z
  .array(z.string().min(1).max(100))
  .max(MAX_LABELS_PER_CONVERSATION, `at most ${MAX_LABELS_PER_CONVERSATION} labels`);

/**
 * `PUT`: the whole set. With `expected` (the set the client last read), a set changed meanwhile by
 * someone else is refused (409) rather than overwritten.
 */
export const setConversationLabelsSchema = z
  .object({ labelIds: labelIdsSchema, expected: labelIdsSchema.optional() })
  .strict();

/** `PATCH`: labels to put on and take off; two people's changes to one conversation both stay. */
export const changeConversationLabelsSchema = z
  .object({ add: labelIdsSchema.default([]), remove: labelIdsSchema.default([]) })
  .strict()
  .refine((value) => value.add.length + value.remove.length > 0, "nothing to change: give add or remove")
  .refine(
    (value) => !value.add.some((id) => value.remove.includes(id)),
    "a label cannot be both added and removed",
  );
export type ChangeConversationLabelsInput = z.infer<typeof changeConversationLabelsSchema>;

/** Most conversations one bulk label change covers (its undo names them one by one). */
export const BULK_LABEL_MAX_ROWS = 10_000;

const conversationKeySchema = z
  .object({ connectionId: z.string().min(1).max(512), conversationId: z.string().min(1).max(512) })
  .strict();

/**
 * `POST /api/labels/:id/conversations`: put the label on (or take it off) picked conversations, or
 * every conversation a list query matches (the parameters of `GET /api/conversations`).
 */
export const bulkLabelRequestSchema = z
  .object({
    mode: z.enum(["add", "remove"]),
    target: z.union([
      z.object({ selection: z.array(conversationKeySchema).min(1).max(BULK_LABEL_MAX_ROWS) }).strict(),
      z.object({ filter: z.record(z.string(), z.union([z.string(), z.array(z.string())])) }).strict(),
    ]),
  })
  .strict();
export type BulkLabelRequest = z.infer<typeof bulkLabelRequestSchema>;

export const bulkLabelResultSchema = z.object({
  labelId: z.string(),
  mode: z.enum(["add", "remove"]),
  /** The conversations this change actually changed: what an undo covers. */
  changed: z.array(conversationKeySchema),
  /** Covered, but already as asked. */
  unchanged: z.number().int(),
  /** Picked, but not in Parley's index (nothing written for them). */
  missing: z.number().int(),
});
export type BulkLabelResult = z.infer<typeof bulkLabelResultSchema>;

export const conversationLabelsSchema = z.object({ labelIds: z.array(z.string()) });
