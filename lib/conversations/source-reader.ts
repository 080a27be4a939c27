/**
 * Reads one source (a connection, or one scope of it) from a position until it has found enough
 * matching conversations, reached its end, or scanned its page budget. Each match carries the
 * position right after it, so the merge can resume every source exactly where it stopped.
 */
import "server-only";
import type { Database } from "@/lib/db/client";
import { isProviderError } from "@/lib/model/errors";
import type { SourcePosition } from "./cursor";
import type { Conversation } from "@/lib/model/conversation";
import { getOverlayRows, listOverlayIds, toConversation } from "./overlay";
import type { SourcePlan } from "./query-plan";

export type Position = SourcePosition | "done";

export interface SourceMatch {
  conversation: Conversation;
  after: Position;
}

export interface SourceRead {
  matches: SourceMatch[];
  /** Where the source stands after everything it scanned. */
  end: Position;
  /** True when the page budget ran out before enough matches were found. */
  budgetExhausted: boolean;
  rowsScanned: number;
  /** The provider's total for the unfiltered query, when it reports one and nothing was filtered by scan. */
  total: number | null;
}

/** Pages a source may read in one request while filtering by scan. */
export const SCAN_PAGE_BUDGET = 5;

/** Pages a source may read in one request: the scan budget, or enough to fill the page. */
export function pageBudgetFor(plan: SourcePlan, pageSize: number, limit: number): number {
  return plan.predicates.length > 1 ? SCAN_PAGE_BUDGET : Math.ceil(limit / pageSize) + 2;
}
const OVERLAY_FETCH_CONCURRENCY = 6;

/**
 * Rows asked of a provider per page. A view (the inbox leaves out archived and trashed rows) can
 * drop a few rows of a page, and a page one row short costs a second provider round trip, so a
 * quarter more than the page needs is asked for; a scan asks for large pages.
 */
export function initialPageSize(plan: SourcePlan, limit: number): number {
  const capabilities = plan.handle.adapter.capabilities;
  if (capabilities.fixedPageSize) return capabilities.fixedPageSize;
  const scanning = plan.predicates.length > 1;
  const wanted = scanning ? Math.max(limit, 100) : limit + Math.ceil(limit / 4);
  return Math.min(capabilities.maxPageSize, wanted);
}

/**
 * Reads whole provider pages from `start` until at least `need` rows matched, the source ended, or
 * `pageBudget` pages were read. Every match of the pages read is returned (they were paid for).
 */
export async function readProviderSource(
  db: Database,
  plan: SourcePlan,
  scope: string | null,
  start: SourcePosition,
  need: number,
  sort: "recent" | "oldest",
  pageBudget: number,
): Promise<SourceRead & { pagesRead: number }> {
  const { handle } = plan;
  const matches: SourceMatch[] = [];
  let position = start;
  let pagesRead = 0;
  let rowsScanned = 0;
  let total: number | null = null;
  for (;;) {
    if (pagesRead >= pageBudget)
      return { matches, end: position, budgetExhausted: true, rowsScanned, total: null, pagesRead };
    const page = await handle.adapter.listConversations(handle.context, {
      scope,
      filters: plan.nativeFilters,
      sort,
      pageToken: position.t,
      pageSize: position.z,
    });
    pagesRead += 1;
    if (pagesRead === 1 && position.t === null) total = page.total;
    const overlays = await getOverlayRows(
      db,
      handle.id,
      page.items.map((item) => item.id),
    );
    const next: Position =
      page.nextPageToken === null ? "done" : { t: page.nextPageToken, i: 0, z: position.z };
    for (let index = position.i; index < page.items.length; index++) {
      const row = page.items[index];
      if (!row) continue;
      rowsScanned += 1;
      const after: Position =
        index + 1 < page.items.length ? { t: position.t, i: index + 1, z: position.z } : next;
      const conversation = toConversation(handle, row, overlays.get(row.id));
      if (plan.predicates.every((predicate) => predicate(conversation)))
        matches.push({ conversation, after });
    }
    if (next === "done")
      return { matches, end: "done", budgetExhausted: false, rowsScanned, total, pagesRead };
    position = next;
    if (matches.length >= need)
      return { matches, end: position, budgetExhausted: false, rowsScanned, total, pagesRead };
  }
}

/** Reads conversations Parley flagged (trash, or overlay-held important/archived) one by one. */
export async function readOverlaySource(
  db: Database,
  plan: SourcePlan,
  start: SourcePosition,
  need: number,
  sort: "recent" | "oldest",
): Promise<SourceRead> {
  const { handle } = plan;
  const flag = plan.overlayFlag ?? "trashed";
  const ids = await listOverlayIds(db, handle.id, flag, sort);
  const overlays = await getOverlayRows(db, handle.id, ids.slice(start.i, start.i + need * 3));
  const matches: SourceMatch[] = [];
  let index = start.i;
  let rowsScanned = 0;
  let fetched = 0;
  while (index < ids.length && matches.length < need && fetched < need * 3) {
    const batch = ids.slice(index, index + OVERLAY_FETCH_CONCURRENCY);
    const results = await Promise.all(
      batch.map(async (id) => {
        try {
          return await handle.adapter.getConversation(handle.context, id);
        } catch (error) {
          if (isProviderError(error) && error.code === "not_found") return null; // deleted at the provider
          throw error;
        }
      }),
    );
    fetched += batch.length;
    for (const [offset, row] of results.entries()) {
      const position = index + offset;
      rowsScanned += 1;
      if (!row) continue;
      const overlay = overlays.get(row.id) ?? (await getOverlayRows(db, handle.id, [row.id])).get(row.id);
      const conversation = toConversation(handle, row, overlay);
      const after: Position = position + 1 < ids.length ? { t: null, i: position + 1, z: start.z } : "done";
      if (plan.predicates.every((predicate) => predicate(conversation))) {
        matches.push({ conversation, after });
        if (matches.length >= need)
          return { matches, end: after, budgetExhausted: false, rowsScanned, total: null };
      }
    }
    index += batch.length;
  }
  const end: Position = index >= ids.length ? "done" : { t: null, i: index, z: start.z };
  const total = plan.predicates.length === 1 ? ids.length : null;
  return { matches, end, budgetExhausted: end !== "done", rowsScanned, total };
}
