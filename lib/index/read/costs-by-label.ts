/**
 * Costs by label (`groupBy=label`): the conversations a filter selects (`costs.ts`'s selection),
 * joined with their labels and summed per label and currency with SQL aggregates. A conversation
 * with two labels counts in both groups, so the groups overlap and are never added up; the
 * conversations without a label are one group with key null ("No label"). Currencies stay side by
 * side and an unknown cost is counted as unknown, never as 0, as everywhere in the costs.
 */
import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import type { CostGroup } from "@/lib/model/costs";
import { combineCurrencies } from "./cost-rows";
import { queryRows } from "./rows";

/** The group of the conversations without a label. */
export const NO_LABEL = "No label";

/**
 * Each selected conversation once per label (`gl`, `glb`), or once with null label columns when it
 * has none. The label is joined with its row in `labels`, so a label being deleted is never half
 * counted.
 */
export const labelJoin = sql`left join (conversation_labels gl join labels glb on glb.id = gl.label_id)
  on gl.connection_id = c.connection_id and gl.conversation_id = c.id`;

interface LabelRow {
  key: string | null;
  label: string | null;
  currency: string | null;
  conversations: number | string;
  cost: number | string | null;
}

/** One row per label (null: no label) and currency of the known costs (null: unknown costs). */
function labelGroupsSql(from: SQL): SQL {
  const knownCurrency = sql`(case when c.cost_amount is not null then c.cost_currency end)`;
  return sql`select glb.id as key, max(glb.name) as label, ${knownCurrency} as currency,
      count(*) as conversations, sum(c.cost_amount) as cost
    ${from}
    group by glb.id, ${knownCurrency}
    order by max(glb.name_key) nulls last, 1 nulls last`;
}

/** One label's group: its rows (one per currency, null for the unknown costs) side by side. */
export function combineLabelRows(key: string | null, rows: readonly LabelRow[]): CostGroup {
  return {
    key,
    label: key === null ? NO_LABEL : (rows.find((row) => row.label !== null)?.label ?? key),
    connectionId: null,
    ...combineCurrencies(rows),
  };
}

/**
 * The label groups of a selection. `selectionWith(join)` is the filter's `from … where …` with the
 * given join added (`costs.ts`), so the label groups read exactly the rows of the totals.
 */
export async function costsByLabel(db: Database, selectionWith: (join: SQL) => SQL): Promise<CostGroup[]> {
  const rows = await queryRows<LabelRow>(db, labelGroupsSql(selectionWith(labelJoin)));
  const byKey = new Map<string | null, LabelRow[]>();
  for (const row of rows) byKey.set(row.key, [...(byKey.get(row.key) ?? []), row]);
  return [...byKey].map(([key, groupRows]) => combineLabelRows(key, groupRows));
}
