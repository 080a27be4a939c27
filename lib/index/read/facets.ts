/**
 * Facets from the index: the values of each facet filter per connection, with how many of its
 * conversations (every view but trash) carry each, labelled from the filter registry's one source
 * of labels; plus what each connection can do (flag homes, delete at provider) and whether its rows
 * have each filter's field at all.
 */
import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import type { ConnectionFacets, FacetOption, Facets } from "@/lib/model/conversation";
import { facetKeys, filterKeys, filterValueLabel, type FacetKey, type FilterKey } from "@/lib/model/filters";
import { flagHomesOf } from "../flag-homes";
import type { RowConnection } from "../store/conversation-rows";
import { fromIndexedConversations } from "./list";
import { indexStatuses, noticesFor } from "./notices";
import { viewPredicate } from "./filter-sql";
import { queryRows } from "./rows";

/** Per facet of the conversation's own columns: the value column and the column naming it. */
type OverlayFacet = "label" | "assignee" | "reviewState";
const facetColumns: Record<Exclude<FacetKey, OverlayFacet>, { value: string; name: string | null }> = {
  channel: { value: "c.channel_id", name: "c.channel_name" },
  channelType: { value: "c.channel_type", name: null },
  responder: { value: "c.responder_id", name: "c.responder_name" },
  version: { value: "c.version_id", name: "c.responder_name || ' v' || c.version_number" },
  status: { value: "c.status", name: null },
};

/** Per filter: the columns whose presence means a connection's rows have the field. */
const fieldColumns: Record<FilterKey, string | null> = {
  channel: "c.channel_id",
  channelType: "c.channel_type",
  responder: "c.responder_id",
  version: "c.version_id",
  status: "c.status",
  label: null,
  assignee: null,
  reviewState: null,
  owner: "coalesce(c.contact_id, c.contact_identifier)",
  dateRange: "c.last_activity_at",
  search: null,
};

export async function facetsFromIndex(db: Database, connections: readonly RowConnection[]): Promise<Facets> {
  const ids = connections.map((connection) => connection.id);
  const options = Object.fromEntries(facetKeys.map((key) => [key, [] as FacetOption[]])) as Facets["options"];
  const statuses = await indexStatuses(db, ids);
  if (ids.length === 0) return { options, connections: [], notices: [] };
  const from = fromIndexedConversations(ids, [viewPredicate("all")]);
  const columnFacets = facetKeys.filter(
    (key): key is Exclude<FacetKey, OverlayFacet> =>
      key !== "label" && key !== "assignee" && key !== "reviewState",
  );
  // Labels are Parley's own rows (not columns of the conversation): counted over the same rows.
  const labelFacet = sql`select 'label'::text as facet, f.connection_id, cl.label_id as value,
    max(lb.name) as name, count(*) as count
    from (select c.connection_id, c.id ${from}) f
    join conversation_labels cl on cl.connection_id = f.connection_id and cl.conversation_id = f.id
    join labels lb on lb.id = cl.label_id
    group by f.connection_id, cl.label_id`;
  // Assignment and review (Parley's own rows too): a conversation without a row is unassigned and unreviewed.
  const reviewRows = sql`(select c.connection_id, c.id ${from}) f
    left join conversation_reviews r on r.connection_id = f.connection_id and r.conversation_id = f.id`;
  const assigneeFacet = sql`select 'assignee'::text as facet, f.connection_id,
    coalesce(r.assignee_id, 'none') as value, max(u.name) as name, count(*) as count
    from ${reviewRows} left join "user" u on u.id = r.assignee_id
    group by f.connection_id, coalesce(r.assignee_id, 'none')`;
  const reviewStateFacet = sql`select 'reviewState'::text as facet, f.connection_id,
    coalesce(r.review_state, 'unreviewed') as value, null::text as name, count(*) as count
    from ${reviewRows} group by f.connection_id, coalesce(r.review_state, 'unreviewed')`;
  const union = sql.join(
    [
      ...columnFacets.map(
        (key) =>
          sql`select ${key}::text as facet, c.connection_id, ${sql.raw(facetColumns[key].value)} as value,
          max(${sql.raw(facetColumns[key].name ?? "null::text")}) as name, count(*) as count
          ${from} and ${sql.raw(facetColumns[key].value)} is not null
          group by c.connection_id, ${sql.raw(facetColumns[key].value)}`,
      ),
      labelFacet,
      assigneeFacet,
      reviewStateFacet,
    ],
    sql` union all `,
  );
  const presence = sql.join(
    filterKeys.map((key) => {
      const column = fieldColumns[key];
      return sql`${sql.raw(column ? `count(${column})` : "count(*)")} as ${sql.identifier(key)}`;
    }),
    sql`, `,
  );
  const [rows, present] = await Promise.all([
    queryRows<{
      facet: FacetKey;
      connection_id: string;
      value: string;
      name: string | null;
      count: string | number;
    }>(db, sql`${union} order by count desc, value asc`),
    queryRows<Record<FilterKey, string | number> & { connection_id: string }>(
      db,
      sql`select c.connection_id, ${presence} ${fromIndexedConversations(ids, [sql`true`])} group by c.connection_id`,
    ),
  ]);
  const byId = new Map(connections.map((connection) => [connection.id, connection]));
  for (const row of rows) {
    const connection = byId.get(row.connection_id);
    if (!connection) continue;
    options[row.facet].push({
      value: row.value,
      label: filterValueLabel(row.facet, row.value, row.name),
      connectionId: connection.id,
      connectionName: connection.name,
      count: Number(row.count),
    });
  }
  const presentOf = new Map(present.map((row) => [row.connection_id, row]));
  const connectionFacets: ConnectionFacets[] = connections.map((connection) => {
    const counts = presentOf.get(connection.id);
    const homes = flagHomesOf(connection.capabilities);
    return {
      connectionId: connection.id,
      connectionName: connection.name,
      provider: connection.provider,
      filters: Object.fromEntries(
        filterKeys.map((key) => [
          key,
          Number(counts?.[key] ?? 0) > 0 || key === "search" ? "present" : "absent",
        ]),
      ) as ConnectionFacets["filters"],
      sortOldest: true,
      moderation: {
        important: homes.important,
        archived: homes.archived,
        title: homes.title,
        deleteAtProvider: connection.capabilities.moderation.deleteAtProvider,
      },
      hasCosts: connection.capabilities.costs,
      indexTranscripts: statuses.get(connection.id)?.indexTranscripts ?? true,
      error:
        statuses.get(connection.id)?.state === "failing"
          ? (statuses.get(connection.id)?.lastError ?? null)
          : null,
    };
  });
  return {
    options,
    connections: connectionFacets,
    notices: noticesFor(connections, statuses, { searched: false }),
  };
}
