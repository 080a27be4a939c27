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

export const setConversationLabelsSchema = z
  .object({
    labelIds: z
      .array(z.string().min(1).max(100))
      .max(MAX_LABELS_PER_CONVERSATION, `at most ${MAX_LABELS_PER_CONVERSATION} labels`),
  })
  .strict();

export const conversationLabelsSchema = z.object({ labelIds: z.array(z.string()) });
