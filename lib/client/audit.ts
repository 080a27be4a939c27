/**
 * The audit log as the browser reads it: the URL state (nuqs parsers shared by the filters and
 * the table), the API query built from it, and the actions Parley records, for the action filter.
 */
import { infiniteQueryOptions } from "@tanstack/react-query";
import { parseAsString, parseAsStringLiteral, type inferParserType } from "nuqs";
import { apiFetch } from "@/lib/client/api-client";
import type { AuditRow } from "@/lib/audit/schemas";

export type { AuditRow } from "@/lib/audit/schemas";

export const auditOutcomes = ["success", "failure"] as const;

/** Filters in the URL; calendar dates (YYYY-MM-DD) in the reader's time zone. */
export const auditSearchParams = {
  actor: parseAsString.withDefault(""),
  action: parseAsString.withDefault(""),
  connection: parseAsString.withDefault(""),
  conversation: parseAsString.withDefault(""),
  outcome: parseAsStringLiteral(auditOutcomes),
  from: parseAsString.withDefault(""),
  to: parseAsString.withDefault(""),
};

export type AuditSearchState = inferParserType<typeof auditSearchParams>;

export interface AuditPage {
  items: AuditRow[];
  nextCursor: string | null;
}

export const AUDIT_PAGE_SIZE = 50;

/** A local calendar day's first or last instant as ISO, so "to 2026-05-01" includes that whole day here. */
function dayBound(day: string, end: boolean): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const date = new Date(`${day}T${end ? "23:59:59.999" : "00:00:00"}`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** The API query for these filters (shared by the table and the CSV export). */
export function auditQuery(filters: AuditSearchState): URLSearchParams {
  const search = new URLSearchParams();
  for (const key of ["actor", "action", "connection", "conversation"] as const) {
    const value = filters[key].trim();
    if (value) search.set(key, value);
  }
  if (filters.outcome) search.set("outcome", filters.outcome);
  const from = dayBound(filters.from, false);
  const to = dayBound(filters.to, true);
  if (from) search.set("from", from);
  if (to) search.set("to", to);
  return search;
}

export function auditExportUrl(filters: AuditSearchState): string {
  const query = auditQuery(filters).toString();
  return `/api/audit/export${query ? `?${query}` : ""}`;
}

export const auditQueries = {
  pages: (filters: AuditSearchState) =>
    infiniteQueryOptions({
      queryKey: ["admin", "audit", auditQuery(filters).toString()] as const,
      initialPageParam: null as string | null,
      queryFn: ({ pageParam, signal }) => {
        const search = auditQuery(filters);
        search.set("limit", String(AUDIT_PAGE_SIZE));
        if (pageParam) search.set("cursor", pageParam);
        return apiFetch<AuditPage>(`/api/audit?${search.toString()}`, { signal });
      },
      getNextPageParam: (last) => last.nextCursor,
      // The log changes with every action anywhere: always read it fresh when the page opens.
      staleTime: 0,
    }),
};

/** The actions Parley writes, grouped for the action filter; `prefix.*` matches a whole group. */
export const knownAuditActions: readonly { group: string; actions: readonly string[] }[] = [
  {
    group: "Conversations",
    actions: [
      "conversation.*",
      "conversation.important",
      "conversation.unimportant",
      "conversation.archive",
      "conversation.unarchive",
      "conversation.rename",
      "conversation.trash",
      "conversation.restore",
      "conversation.update",
      "conversation.delete",
      "conversation.assign",
      "conversation.review_state",
      "conversation.score",
      "conversation.review_reason",
      "conversation.review",
      "conversation.export",
    ],
  },
  {
    group: "Bulk jobs",
    actions: [
      "bulk.*",
      "bulk.important",
      "bulk.unimportant",
      "bulk.archive",
      "bulk.unarchive",
      "bulk.trash",
      "bulk.restore",
    ],
  },
  {
    group: "Connections",
    actions: [
      "connection.*",
      "connection.create",
      "connection.update",
      "connection.rotate_key",
      "connection.delete",
    ],
  },
  {
    group: "Users",
    actions: [
      "user.*",
      "user.create",
      "user.set_role",
      "user.update",
      "user.deactivate",
      "user.reactivate",
      "user.reset_password",
      "user.revoke_sessions",
      "user.remove",
    ],
  },
  { group: "Sign-in", actions: ["auth.sign_in"] },
];

export function isKnownAuditAction(action: string): boolean {
  return knownAuditActions.some((group) => group.actions.includes(action));
}
