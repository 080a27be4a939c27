/** Query of the audit API and its CSV export. */
import { z } from "zod";

const optionalText = z
  .string()
  .trim()
  .max(200)
  .optional()
  .transform((value) => value || undefined);

export const auditQuerySchema = z
  .object({
    actor: optionalText,
    action: optionalText,
    connection: optionalText,
    conversation: optionalText,
    outcome: z.enum(["success", "failure"]).optional(),
    from: optionalText.refine(
      (value) => value === undefined || !Number.isNaN(Date.parse(value)),
      "must be a date",
    ),
    to: optionalText.refine(
      (value) => value === undefined || !Number.isNaN(Date.parse(value)),
      "must be a date",
    ),
    cursor: z
      .string()
      .regex(/^\d{1,15}$/, "is not a valid cursor")
      .optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type AuditQuery = z.infer<typeof auditQuerySchema>;

/** `to` given as a calendar date includes that whole day. */
export function toAuditFilters(query: AuditQuery) {
  const to = query.to && /^\d{4}-\d{2}-\d{2}$/.test(query.to) ? `${query.to}T23:59:59.999Z` : query.to;
  return {
    actor: query.actor,
    action: query.action,
    connectionId: query.connection,
    conversationId: query.conversation,
    outcome: query.outcome,
    from: query.from,
    to,
  };
}
