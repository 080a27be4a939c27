/**
 * Each filter of the registry (`lib/model/filters.ts`) as a SQL predicate over the index's columns
 * (`c` the conversation, `o` its moderation overlay row). The record is exhaustive over the
 * registry's keys, so a filter added there fails to compile until it has a predicate here. A row
 * without the field (null) never matches a filter on it.
 */
import { sql, type SQL } from "drizzle-orm";
import type { View } from "@/lib/model/constants";
import type { FilterKey } from "@/lib/model/filters";
import type { ListQuery } from "@/lib/model/list-query";

const inValues = (column: SQL, values: readonly string[]): SQL =>
  sql`${column} in (${sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  )})`;

/** Escapes `%`, `_` and `\` for LIKE. */
export function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** `q` as a lower-cased, unaccented LIKE pattern (SQL). */
export function searchPattern(q: string): SQL {
  return sql`'%' || f_unaccent(lower(${likeEscape(q)})) || '%'`;
}

/** `q` as a full-text query over unaccented text, `simple` configuration (no stemming). */
export function searchTsQuery(q: string): SQL {
  return sql`plainto_tsquery('simple'::regconfig, f_unaccent(${q}))`;
}

/**
 * Conversations whose title, contact, responder (or overlay title), any indexed message or any of
 * Parley's internal notes matches. With `checkEachRow`, each conversation's messages and notes are
 * checked by primary key as the rows are read (`offset 0` keeps PostgreSQL from turning the
 * `exists` into one hashed read of every matching message, which a common word makes huge): what a
 * scan of the list's order wants (`search-plan.ts`). Without it, the planner picks.
 */
export function searchPredicate(q: string, options: { checkEachRow?: boolean } = {}): SQL {
  const pattern = searchPattern(q);
  const tsquery = searchTsQuery(q);
  const fence = options.checkEachRow ? sql` offset 0` : sql``;
  return sql`(
    c.search_vector @@ ${tsquery}
    or c.search_folded like ${pattern}
    or (o.title is not null and f_unaccent(lower(o.title)) like ${pattern})
    or exists (select 1 from indexed_messages m
      where m.connection_id = c.connection_id and m.conversation_id = c.id
        and (m.vector @@ ${tsquery} or m.folded like ${pattern})${fence})
    or exists (select 1 from conversation_notes n
      where n.connection_id = c.connection_id and n.conversation_id = c.id
        and (n.vector @@ ${tsquery} or n.folded like ${pattern})${fence})
  )`;
}

type Predicate = (query: ListQuery) => SQL | null;

export const filterPredicates: Record<FilterKey, Predicate> = {
  channel: (query) => (query.channel.length ? inValues(sql`c.channel_id`, query.channel) : null),
  channelType: (query) =>
    query.channelType.length ? inValues(sql`c.channel_type`, query.channelType) : null,
  responder: (query) => (query.responder.length ? inValues(sql`c.responder_id`, query.responder) : null),
  version: (query) => (query.version.length ? inValues(sql`c.version_id`, query.version) : null),
  status: (query) => (query.status.length ? inValues(sql`c.status`, query.status) : null),
  label: (query) =>
    query.label.length
      ? sql`exists (select 1 from conversation_labels cl
          where cl.connection_id = c.connection_id and cl.conversation_id = c.id
            and ${inValues(sql`cl.label_id`, query.label)})`
      : null,
  assignee: (query) =>
    query.assignee.length
      ? inValues(
          sql`coalesce((select r.assignee_id from conversation_reviews r
            where r.connection_id = c.connection_id and r.conversation_id = c.id), 'none')`,
          query.assignee,
        )
      : null,
  reviewState: (query) =>
    query.reviewState.length
      ? inValues(
          sql`coalesce((select r.review_state from conversation_reviews r
            where r.connection_id = c.connection_id and r.conversation_id = c.id), 'unreviewed')`,
          query.reviewState,
        )
      : null,
  owner: (query) =>
    query.owner.length
      ? sql`(${inValues(sql`c.contact_id`, query.owner)} or ${inValues(sql`c.contact_identifier`, query.owner)})`
      : null,
  dateRange: (query) => {
    const parts: SQL[] = [];
    if (query.from) parts.push(sql`c.last_activity_at >= ${query.from}::timestamptz`);
    if (query.to) parts.push(sql`c.last_activity_at <= ${query.to}::timestamptz`);
    return parts.length ? sql.join(parts, sql` and `) : null;
  },
  search: (query) => (query.q ? searchPredicate(query.q) : null),
};

/** The effective flags, as `toConversationFromRow` computes them. */
const important = sql`coalesce(c.native_important, o.important, false)`;
const archived = sql`coalesce(c.native_archived, o.archived, false)`;
const trashed = sql`coalesce(o.trashed, false)`;
const removed = sql`(c.native_removed or coalesce(o.deleted_at_provider, false))`;

/** The views, with the same flag semantics as a live read (trash always wins). */
export function viewPredicate(view: View): SQL {
  switch (view) {
    case "inbox":
      return sql`(not ${archived} and not ${trashed} and not ${removed})`;
    case "important":
      return sql`(${important} and not ${trashed})`;
    case "archived":
      return sql`(${archived} and not ${trashed})`;
    case "trash":
      return trashed;
    case "all":
      return sql`(not ${trashed})`;
    default: {
      const unreachable: never = view;
      return unreachable;
    }
  }
}

/**
 * Every predicate of a query (view and filters), joined with `and`. `search` replaces the search
 * filter's row-by-row predicate with an equivalent one (a planned search's candidates).
 */
export function wherePredicates(query: ListQuery, options: { search?: SQL } = {}): SQL[] {
  const parts = [viewPredicate(query.view)];
  for (const key of Object.keys(filterPredicates) as FilterKey[]) {
    const predicate =
      key === "search" && query.q && options.search ? options.search : filterPredicates[key](query);
    if (predicate) parts.push(predicate);
  }
  return parts;
}
