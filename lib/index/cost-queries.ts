/**
 * The index's costs for route handlers: the totals and groups of a list query over the selected
 * connections (`[]` or `["all"]`: every connection; an unknown id is a 404, as for the list).
 */
import "server-only";
import { selectHandles } from "@/lib/connections/runtime";
import type { Database } from "@/lib/db/client";
import type { CostsAnswer, CostsQuery } from "@/lib/model/costs";
import { costsFromIndex } from "./read/costs";

export async function listCosts(db: Database, query: CostsQuery): Promise<CostsAnswer> {
  const handles = await selectHandles(db, query.connection);
  return costsFromIndex(db, query, handles);
}
