/** Parley-wide settings an admin changes (`lib/conversations/settings.ts` stores them). */
import { z } from "zod";
import { scoreModeSchema } from "./review";

export const settingsSchema = z.object({
  /** Only admins may export conversations (staff may when false). */
  exportAdminsOnly: z.boolean(),
  /** How reviewers score conversations: 1–5 or pass/fail (`lib/model/review.ts`). */
  scoreMode: scoreModeSchema,
});
export type Settings = z.infer<typeof settingsSchema>;

export const updateSettingsSchema = z
  .object({ exportAdminsOnly: z.boolean().optional(), scoreMode: scoreModeSchema.optional() })
  .strict()
  .refine((body) => Object.keys(body).length > 0, "send at least one setting");
