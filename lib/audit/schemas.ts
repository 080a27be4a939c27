/** The audit API's query (shared by its CSV export) and its rows, as the server sends them and the browser reads them. */
import { z } from "zod";

const optionalText = z
  .string()
  .trim()
  .max(200)
  .optional()
  .transform((value) => value || undefined);

/**
 * A date the database can compare with: JavaScript parses years far outside what PostgreSQL
 * stores (`+010000-01-01`, `-271821-04-20`), and such a bound would fail the query.
 */
function isStorableDate(value: string | undefined): boolean {
  if (value === undefined) return true;
  const time = Date.parse(value);
  if (Number.isNaN(time)) return false;
  const year = new Date(time).getUTCFullYear();
  return year >= 1 && year <= 9999;
}

export const auditQuerySchema = z
  .object({
    actor: optionalText,
    action: optionalText,
    connection: optionalText,
    conversation: optionalText,
    outcome: z.enum(["success", "failure"]).optional(),
    from: optionalText.refine(isStorableDate, "must be a date between the years 1 and 9999"),
    to: optionalText.refine(isStorableDate, "must be a date between the years 1 and 9999"),
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

/** One audit row as `GET /api/audit` and a conversation's history answer it. */
export interface AuditRow {
  id: number;
  createdAt: string;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  connectionId: string | null;
  connectionName: string | null;
  conversationId: string | null;
  targetId: string | null;
  before: unknown;
  after: unknown;
  outcome: string;
  error: string | null;
  /** The actor's current name, and the conversation's title, where the server knows them. */
  actorName?: string | null;
  conversationTitle?: string | null;
}
