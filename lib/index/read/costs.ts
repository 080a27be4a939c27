/**
 * Costs from the index: the totals of a filter and its groups (by day, week, connection, provider,
 * responder or channel, optionally split by provider or responder), answered with SQL aggregates
 * over exactly the rows the list shows for the same query (the same view and filter predicates,
 * `filter-sql.ts`). Only the few aggregated rows come back to JavaScript, which puts each group's
 * currencies side by side; it never adds amounts of different currencies, nor conversation rows.
 *
 * A conversation's cost is known when it has an amount and a currency; otherwise it is unknown and
 * counted as such, never as 0.
 */
import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { providerLabels, type ProviderId } from "@/lib/model/constants";
import type {
  CostGroup,
  CostGrouping,
  CostStacking,
  CostsAnswer,
  CostsQuery,
  CostTotals,
} from "@/lib/model/costs";
import type { ListQuery } from "@/lib/model/list-query";
import { combineCurrencies, numberOf } from "./cost-rows";
import { costsByLabel } from "./costs-by-label";
import { wherePredicates } from "./filter-sql";
import { queryRows } from "./rows";

/** The currency of a known cost; null when the cost is unknown. */
const knownCurrency = sql`(case when c.cost_amount is not null then c.cost_currency end)`;
/** When a conversation happened, for the time groupings (the date filter reads `last_activity_at`). */
const happenedAt = sql`coalesce(c.last_activity_at, c.created_at) at time zone 'UTC'`;

/**
 * A grouping in two passes: the first aggregates the selected conversations (`c`) by connection,
 * currency and the dimension's own `columns` (alias → expression; `labels` are aggregates of
 * that pass), the second re-groups those few rows (`g`, with their connection joined as `k`) by
 * `key`. Nothing per conversation is joined or formatted: the second pass reads hundreds of rows.
 */
interface Dimension {
  columns: Record<string, SQL>;
  labels?: Record<string, SQL>;
  key: SQL;
  /** An aggregate (the label of the group's rows). */
  label: SQL;
  /** The connection a group belongs to, or null where groups span connections. */
  connection: SQL;
}

/** A UTC day (`timestamp`), so days and weeks are the same as truncating each conversation's time. */
const byDay = { day: sql`date_trunc('day', ${happenedAt})` };

/** Every grouping but `label`, whose groups overlap (`costs-by-label.ts`). */
const dimensions: Record<Exclude<CostGrouping, "label">, Dimension> = {
  day: {
    columns: byDay,
    key: sql`to_char(g.day, 'YYYY-MM-DD')`,
    label: sql`to_char(g.day, 'YYYY-MM-DD')`,
    connection: sql`null::text`,
  },
  week: {
    columns: byDay,
    key: sql`to_char(date_trunc('week', g.day), 'YYYY-MM-DD')`,
    label: sql`to_char(date_trunc('week', g.day), 'YYYY-MM-DD')`,
    connection: sql`null::text`,
  },
  connection: {
    columns: {},
    key: sql`g.connection_id`,
    label: sql`max(k.name)`,
    connection: sql`g.connection_id`,
  },
  provider: { columns: {}, key: sql`k.provider`, label: sql`max(k.provider)`, connection: sql`null::text` },
  responder: {
    columns: { responder_id: sql`c.responder_id` },
    labels: { responder_name: sql`max(c.responder_name)` },
    key: sql`g.responder_id`,
    label: sql`coalesce(max(g.responder_name), g.responder_id)`,
    connection: sql`g.connection_id`,
  },
  channel: {
    columns: { channel_id: sql`c.channel_id` },
    labels: { channel_name: sql`max(c.channel_name)`, channel_type: sql`max(c.channel_type)` },
    key: sql`g.channel_id`,
    label: sql`coalesce(max(g.channel_name), max(g.channel_type), g.channel_id)`,
    connection: sql`g.connection_id`,
  },
};

/** The list's query for the same view and filters (the predicates read nothing else). */
function asListQuery(query: CostsQuery): ListQuery {
  const { groupBy: _groupBy, stackBy: _stackBy, lineItems: _lineItems, ...filters } = query;
  return { ...filters, sort: "recent", limit: 1 };
}

/**
 * What the filter selects, the list's rows for the same query (`fromIndexedConversations` with the
 * same predicates). Connections are not joined here: the groups join them to their few aggregated
 * rows, not to every conversation.
 */
function selection(query: CostsQuery, connectionIds: readonly string[], join: SQL = sql``): SQL {
  const ids = sql.join(
    connectionIds.map((id) => sql`${id}`),
    sql`, `,
  );
  return sql`from indexed_conversations c
    left join moderation_overlay o on o.connection_id = c.connection_id and o.conversation_id = c.id
    ${join}
    where c.connection_id in (${ids}) and ${sql.join(wherePredicates(asListQuery(query)), sql` and `)}`;
}

interface AggregateRow {
  key: string | null;
  label: string | null;
  connection_id: string | null;
  stack_key: string | null;
  stack_label: string | null;
  stacked: number | string;
  currency: string | null;
  conversations: number | string;
  cost: number | string | null;
}

interface TotalsRow {
  /** 1 for the grand row (every conversation), 0 for a currency's row (null: the unknown costs). */
  grand: number | string;
  currency: string | null;
  everything: number | string;
  conversations: number | string;
  spend: number | string | null;
  average: number | string | null;
  median: number | string | null;
}

const nullableNumber = (value: number | string | null): number | null =>
  value === null ? null : Number(value);

function providerLabel(value: string | null): string {
  return value && value in providerLabels ? providerLabels[value as ProviderId] : (value ?? "—");
}

const noneLabels: Record<CostGrouping | CostStacking, string> = {
  day: "No date",
  week: "No date",
  connection: "—",
  provider: "—",
  responder: "No responder",
  channel: "No channel",
  label: "No label",
};

function groupsOf(rows: readonly AggregateRow[], groupBy: CostGrouping, stackBy: CostStacking | null) {
  const keyOf = (row: AggregateRow) =>
    `${row.connection_id ?? ""}\u0000${row.key ?? ""}\u0000${row.key === null}`;
  type Pending = { first: AggregateRow; own: AggregateRow[]; stacks: Map<string, AggregateRow[]> };
  const groups = new Map<string, Pending>();
  for (const row of rows) {
    const id = keyOf(row);
    const group: Pending = groups.get(id) ?? { first: row, own: [], stacks: new Map() };
    groups.set(id, group);
    if (Number(row.stacked) === 1) group.own.push(row);
    else {
      const stackId = `${row.stack_key ?? ""}\u0000${row.stack_key === null}`;
      group.stacks.set(stackId, [...(group.stacks.get(stackId) ?? []), row]);
    }
  }
  const label = (dimension: CostGrouping | CostStacking, key: string | null, text: string | null) =>
    key === null ? noneLabels[dimension] : dimension === "provider" ? providerLabel(key) : (text ?? key);
  return [...groups.values()].map(({ first, own, stacks }): CostGroup => {
    const group: CostGroup = {
      key: first.key,
      // The label of the whole group (a stack's row labels only its part of the group).
      label: label(groupBy, first.key, (own[0] ?? first).label),
      connectionId: first.connection_id,
      ...combineCurrencies(own),
    };
    if (stackBy)
      group.series = [...stacks.values()].map((stackRows) => {
        const head = stackRows[0] as AggregateRow;
        return {
          key: head.stack_key,
          label: label(stackBy, head.stack_key, head.stack_label),
          ...combineCurrencies(stackRows),
        };
      });
    return group;
  });
}

function totalsOf(rows: readonly TotalsRow[]): CostTotals {
  const grand = rows.find((row) => Number(row.grand) === 1);
  const conversations = numberOf(grand?.everything ?? null);
  const byCurrency = rows
    .filter((row) => Number(row.grand) === 0 && row.currency !== null)
    .map((row) => ({
      currency: row.currency as string,
      spend: numberOf(row.spend),
      conversations: numberOf(row.conversations),
      average: numberOf(row.average),
      median: numberOf(row.median),
    }))
    .sort((left, right) => left.currency.localeCompare(right.currency));
  const knownCost = byCurrency.reduce((count, entry) => count + entry.conversations, 0);
  const unknownCost = conversations - knownCost;
  const only = byCurrency.length === 1 ? byCurrency[0] : undefined;
  return {
    currency: only?.currency ?? null,
    spend: only ? only.spend : null,
    conversations,
    knownCost,
    unknownCost,
    unknownShare: conversations === 0 ? 0 : unknownCost / conversations,
    average: only ? only.average : null,
    median: only ? only.median : null,
    byCurrency,
  };
}

/**
 * The totals: one row per currency of known costs (sum, average and median by `percentile_cont`)
 * and one grand row (currency null: every conversation the filter selects).
 */
function totalsSql(from: SQL): SQL {
  return sql`select grouping(${knownCurrency}) as grand, ${knownCurrency} as currency,
      count(*) as everything,
      count(c.cost_amount) filter (where c.cost_currency is not null) as conversations,
      sum(c.cost_amount) filter (where c.cost_currency is not null) as spend,
      avg(c.cost_amount) filter (where c.cost_currency is not null) as average,
      percentile_cont(0.5) within group (order by c.cost_amount)
        filter (where c.cost_currency is not null) as median
    ${from}
    group by grouping sets ((${knownCurrency}), ())`;
}

/**
 * One row per group and currency (and, with a stack, per group, stack and currency too): the
 * selection aggregated by connection, currency and the dimensions' columns, then re-grouped.
 */
function groupsSql(from: SQL, groupBy: Exclude<CostGrouping, "label">, stackBy: CostStacking | null): SQL {
  const dimension = dimensions[groupBy];
  const stack = stackBy ? dimensions[stackBy] : null;
  const columns = { ...dimension.columns, ...stack?.columns };
  const labels = { ...dimension.labels, ...stack?.labels };
  const named = (record: Record<string, SQL>) =>
    Object.entries(record).map(([name, expression]) => sql`${expression} as ${sql.identifier(name)}`);
  const grouped = Object.keys(columns).map((_, index) => sql.raw(String(index + 3)));
  const stackKey = stack ? stack.key : sql`null::text`;
  const sets = stack
    ? sql`grouping sets ((${dimension.key}, ${dimension.connection}, g.currency),
        (${dimension.key}, ${dimension.connection}, ${stack.key}, g.currency))`
    : sql`${dimension.key}, ${dimension.connection}, g.currency`;
  return sql`select ${dimension.key} as key, ${dimension.label} as label,
      ${dimension.connection} as connection_id,
      ${stackKey} as stack_key, ${stack ? stack.label : sql`null::text`} as stack_label,
      ${stack ? sql`grouping(${stack.key})` : sql`1`} as stacked,
      g.currency,
      sum(g.conversations) as conversations,
      sum(g.cost) as cost
    from (
      select c.connection_id, ${knownCurrency} as currency,
        ${sql.join([...named(columns), ...named(labels), sql`count(*) as conversations`], sql`, `)},
        sum(c.cost_amount) as cost
      ${from}
      group by ${sql.join([sql`1`, sql`2`, ...grouped], sql`, `)}
    ) g
    join connections k on k.id = g.connection_id
    group by ${sets}`;
}

/**
 * The groups' rows (by key, then connection) as one JSON array: a year by day, stacked, is a few
 * thousand small rows, which PGlite hands over one field at a time for a third of the request's
 * time; one JSON value takes a single parse.
 */
async function aggregateRows(db: Database, query: SQL): Promise<AggregateRow[]> {
  const [result] = await queryRows<{ rows: AggregateRow[] | null }>(
    db,
    sql`select json_agg(r order by r.key nulls last, r.connection_id nulls last) as rows from (${query}) r`,
  );
  return result?.rows ?? [];
}

interface LineItemRow {
  type: string;
  label: string;
  currency: string | null;
  conversations: number | string;
  cost: number | string | null;
  prompt_tokens: number | string | null;
  completion_tokens: number | string | null;
}

/** The line items each conversation's provider listed (`cost_items`), summed by type, label and currency. */
const lineItemsJoin = sql`cross join lateral jsonb_to_recordset(c.cost_items) as i(
  type text, label text, usd double precision, "promptTokens" double precision, "completionTokens" double precision)`;

function lineItemsSql(from: SQL): SQL {
  return sql`select i.type, i.label, c.cost_currency as currency, count(*) as conversations,
      sum(i.usd) as cost, sum(i."promptTokens") as prompt_tokens, sum(i."completionTokens") as completion_tokens
    ${from}
    group by i.type, i.label, c.cost_currency
    order by sum(i.usd) desc nulls last, i.label`;
}

/** The costs of the conversations a list query selects, over the given connections. */
export async function costsFromIndex(
  db: Database,
  query: CostsQuery,
  connections: readonly { id: string }[],
): Promise<CostsAnswer> {
  const groupBy = query.groupBy ?? null;
  const stackBy = query.stackBy ?? null;
  const ids = connections.map((connection) => connection.id);
  if (ids.length === 0)
    return {
      groupBy,
      stackBy,
      currency: null,
      currencies: [],
      groups: [],
      totals: totalsOf([]),
      ...(query.lineItems === "true" ? { lineItems: [] } : {}),
    };
  const from = selection(query, ids);
  const [totalsRows, groupRows, itemRows, labelGroups] = await Promise.all([
    queryRows<TotalsRow>(db, totalsSql(from)),
    groupBy && groupBy !== "label" ? aggregateRows(db, groupsSql(from, groupBy, stackBy)) : [],
    query.lineItems === "true"
      ? queryRows<LineItemRow>(db, lineItemsSql(selection(query, ids, lineItemsJoin)))
      : null,
    groupBy === "label" ? costsByLabel(db, (join) => selection(query, ids, join)) : null,
  ]);
  const totals = totalsOf(totalsRows);
  const currencies = totals.byCurrency.map((entry) => entry.currency);
  return {
    groupBy,
    stackBy,
    currency: currencies.length === 1 ? (currencies[0] as string) : null,
    currencies,
    groups: labelGroups ?? (groupBy ? groupsOf(groupRows, groupBy, stackBy) : []),
    totals,
    ...(itemRows
      ? {
          lineItems: itemRows.map((row) => ({
            type: row.type,
            label: row.label,
            currency: row.currency,
            cost: nullableNumber(row.cost),
            promptTokens: nullableNumber(row.prompt_tokens),
            completionTokens: nullableNumber(row.completion_tokens),
            conversations: numberOf(row.conversations),
          })),
        }
      : {}),
  };
}
