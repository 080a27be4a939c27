/**
 * One sync run of one connection, the unit of work of a job:
 *
 * 1. The first backfill: every conversation, newest first, metadata before any transcript so the
 *    list is useful at once, resumable page by page (see `bookmarks.ts`).
 * 2. Later runs: an incremental pass using what the provider declares (`capabilities.sync`): a
 *    list bounded by last activity is read whole; a list ordered by last activity, or by creation,
 *    is read until rows the index already had. Every `RECONCILE_EVERY_MS` (or when an incremental
 *    pass could not reach known rows) a full listing reconciles: rows it did not confirm are
 *    checked one by one and removed when the provider no longer has them.
 * 3. Transcripts: pending ones newest first, until the run's deadline (skipped when the connection
 *    keeps metadata only). A provider whose list carries transcripts (`listCarriesTranscripts`)
 *    gives them with the pages above, so only rows whose page held none are read here.
 *
 * A run that fails leaves what it wrote, marks the connection `failing`, and throws (the job is
 * retried with backoff); the index keeps serving the connection's rows meanwhile.
 */
import "server-only";
import { and, eq, lt, max, sql } from "drizzle-orm";
import type { ConnectionHandle } from "@/lib/connections/connection-handle";
import type { Database } from "@/lib/db/client";
import { indexedConversations } from "@/lib/db/schema";
import { isProviderError } from "@/lib/model/errors";
import type { ProviderConversation } from "@/lib/providers/contract";
import { toIndexRow } from "../store/conversation-rows";
import { applyTranscriptSwitch, removeConversations, upsertConversations } from "../store/write";
import type { Bookmarks } from "./bookmarks";
import { incrementalPass, resumablePass, scopeKeys, type SyncTarget } from "./listing";
import { loadState, markAttempt, recount, saveBookmarks, setState } from "./state";
import { readPendingTranscripts } from "./transcripts";

export const RECONCILE_EVERY_MS = 10 * 60_000;
/** Rows within this margin of the newest known are read again (clock skew, equal timestamps). */
const BOUNDARY_MARGIN_MS = 60_000;
const INCREMENTAL_MAX_PAGES = 20;
/** Checks of unconfirmed rows at the end of a reconciliation, per run. */
const MAX_RECONCILE_CHECKS = 200;

export interface RunOptions {
  /** Milliseconds a run may spend before it stops and reports more work. */
  budgetMs?: number;
  /** Listing pages a run may read. */
  maxPages?: number;
  /** Forces a reconciling listing. */
  reconcile?: boolean;
}

export interface RunOutcome {
  /** True when work remains (backfill or transcripts): the caller runs again soon. */
  more: boolean;
  phase: "backfill" | "reconcile" | "incremental";
  pages: number;
  transcripts: number;
  /** Set when the run stopped for a rate limit: wait this long before the next run. */
  retryAfterMs?: number;
}

export async function runSync(
  db: Database,
  handle: ConnectionHandle,
  indexTranscripts: boolean,
  options: RunOptions = {},
): Promise<RunOutcome> {
  const deadline = Date.now() + (options.budgetMs ?? 25_000);
  const maxPages = options.maxPages ?? 200;
  const target: SyncTarget = { db, handle, indexTranscripts, answers: 0 };
  const bookmarks = await loadState(db, handle.id);
  const firstDone = bookmarks.backfill?.done === true && bookmarks.firstTranscriptsDone;
  await markAttempt(db, handle.id, firstDone ? "syncing" : "backfilling");
  // A list that carries transcripts (declared) gives them with its pages: no read of each.
  const carries = handle.adapter.capabilities.listCarriesTranscripts;
  try {
    let reconcile = options.reconcile === true;
    if (bookmarks.transcriptsOn !== indexTranscripts) {
      await applyTranscriptSwitch(db, handle.id, indexTranscripts);
      bookmarks.transcriptsOn = indexTranscripts;
      await saveBookmarks(db, handle.id, bookmarks);
      // Switched on: a reconciling listing brings every transcript with its page.
      if (indexTranscripts && carries) reconcile = true;
    }
    const listing = await listingStep(target, bookmarks, maxPages, reconcile);
    let transcripts = { read: 0, more: false };
    // While a listing that carries transcripts is under way, its next pages bring the pending ones.
    if (indexTranscripts && bookmarks.backfill?.done && !(carries && bookmarks.reconcile))
      transcripts = await readPendingTranscripts(target, deadline);
    if (bookmarks.backfill?.done && !transcripts.more && !bookmarks.firstTranscriptsDone) {
      bookmarks.firstTranscriptsDone = true;
      await saveBookmarks(db, handle.id, bookmarks);
    }
    const more = listing.more || transcripts.more;
    await recount(db, handle.id, listing.listedAll && bookmarks.backfill?.total == null);
    const stillFirst = !(bookmarks.backfill?.done && bookmarks.firstTranscriptsDone);
    await setState(db, handle.id, {
      state: stillFirst ? "backfilling" : "idle",
      lastError: null,
      success: true,
      ...(bookmarks.backfill?.total != null ? { conversationsKnown: bookmarks.backfill.total } : {}),
    });
    return { more, phase: listing.phase, pages: listing.pages, transcripts: transcripts.read };
  } catch (error) {
    if (isProviderError(error) && error.code === "rate_limited") {
      // The budget (or the provider) asks to wait: not a failure; the next run goes on from here.
      // It is no success either: a connection that was failing stays so unless this run got answers.
      const stillFirst = !(bookmarks.backfill?.done && bookmarks.firstTranscriptsDone);
      await recount(db, handle.id, false);
      const state = stillFirst ? "backfilling" : "idle";
      if (target.answers > 0) await setState(db, handle.id, { state, lastError: null });
      else await setState(db, handle.id, { state, keepFailing: true });
      return {
        more: true,
        phase: bookmarks.backfill?.done ? "incremental" : "backfill",
        pages: 0,
        transcripts: 0,
        retryAfterMs: (error.details.retryAfterSeconds ?? 5) * 1000,
      };
    }
    const message = isProviderError(error)
      ? `${error.code}: ${error.message}`
      : error instanceof Error
        ? error.message
        : String(error);
    await setState(db, handle.id, { state: "failing", lastError: message.slice(0, 500) }).catch(
      () => undefined,
    );
    throw error;
  }
}

interface ListingOutcome {
  phase: RunOutcome["phase"];
  pages: number;
  more: boolean;
  /** True when this run completed a listing of every conversation. */
  listedAll: boolean;
}

async function listingStep(
  target: SyncTarget,
  bookmarks: Bookmarks,
  maxPages: number,
  forceReconcile: boolean,
): Promise<ListingOutcome> {
  const { db, handle } = target;
  if (!bookmarks.backfill?.done) {
    const backfill = bookmarks.backfill ?? {
      startedAt: new Date().toISOString(),
      scopes: Object.fromEntries((await scopeKeys(handle)).map((scope) => [scope, null])),
      done: false,
      total: null,
    };
    bookmarks.backfill = backfill;
    const firstPages = Object.values(backfill.scopes).every((token) => token === null);
    const outcome = await resumablePass(
      target,
      backfill.scopes,
      (tx, scopes) =>
        saveBookmarks(tx as unknown as Database, handle.id, {
          ...bookmarks,
          backfill: { ...backfill, scopes },
        }),
      maxPages,
    );
    if (firstPages && outcome.total !== null) backfill.total = outcome.total;
    if (outcome.done) {
      backfill.done = true;
      bookmarks.lastReconciledAt = backfill.startedAt;
    }
    await saveBookmarks(db, handle.id, bookmarks);
    return { phase: "backfill", pages: outcome.pages, more: !outcome.done, listedAll: outcome.done };
  }

  const due =
    forceReconcile ||
    bookmarks.reconcile !== null ||
    !bookmarks.lastReconciledAt ||
    Date.now() - Date.parse(bookmarks.lastReconciledAt) > RECONCILE_EVERY_MS;
  if (due) return reconcileStep(target, bookmarks, maxPages);

  const capabilities = handle.adapter.capabilities;
  const boundary = await newestKnown(db, handle.id, capabilities.sync.listOrder);
  if (boundary === null) return reconcileStep(target, bookmarks, maxPages);
  const since = boundary - BOUNDARY_MARGIN_MS;
  const reached = (row: ProviderConversation) => {
    const value =
      capabilities.sync.listOrder === "lastActivity" ? (row.lastActivityAt ?? row.createdAt) : row.createdAt;
    return value !== null && Date.parse(value) < since;
  };
  const outcome = await incrementalPass(target, await scopeKeys(handle), reached, {
    maxPages: Math.min(maxPages, INCREMENTAL_MAX_PAGES),
    filters: capabilities.sync.activityRange ? { from: new Date(since).toISOString() } : undefined,
  });
  if (!outcome.complete) {
    // Too much changed to reach known rows: a reconciling listing catches up from here.
    bookmarks.lastReconciledAt = null;
    await saveBookmarks(db, handle.id, bookmarks);
  }
  return { phase: "incremental", pages: outcome.pages, more: !outcome.complete, listedAll: false };
}

async function newestKnown(
  db: Database,
  connectionId: string,
  order: "lastActivity" | "created",
): Promise<number | null> {
  const column = order === "lastActivity" ? indexedConversations.sortAt : indexedConversations.createdAt;
  const [row] = await db
    .select({ newest: max(column) })
    .from(indexedConversations)
    .where(eq(indexedConversations.connectionId, connectionId));
  return row?.newest ? new Date(row.newest).getTime() : null;
}

async function reconcileStep(
  target: SyncTarget,
  bookmarks: Bookmarks,
  maxPages: number,
): Promise<ListingOutcome> {
  const { db, handle } = target;
  const reconcile = bookmarks.reconcile ?? {
    startedAt: await databaseNow(db),
    scopes: Object.fromEntries((await scopeKeys(handle)).map((scope) => [scope, null])),
  };
  bookmarks.reconcile = reconcile;
  const outcome = await resumablePass(
    target,
    reconcile.scopes,
    (tx, scopes) =>
      saveBookmarks(tx as unknown as Database, handle.id, {
        ...bookmarks,
        reconcile: { ...reconcile, scopes },
      }),
    maxPages,
  );
  if (!outcome.done) {
    await saveBookmarks(db, handle.id, bookmarks);
    return { phase: "reconcile", pages: outcome.pages, more: true, listedAll: false };
  }
  const more = await checkUnconfirmed(target, reconcile.startedAt);
  if (!more) {
    bookmarks.reconcile = null;
    bookmarks.lastReconciledAt = reconcile.startedAt;
  }
  await saveBookmarks(db, handle.id, bookmarks);
  return { phase: "reconcile", pages: outcome.pages, more, listedAll: !more };
}

async function databaseNow(db: Database): Promise<string> {
  const result = (await db.execute(sql`select now()::text as now`)) as unknown as { rows: { now: string }[] };
  return result.rows[0]?.now ?? new Date().toISOString();
}

/**
 * Rows the reconciling listing did not confirm: gone at the provider, or skipped because the list
 * moved while it was paged. Each is read; `not_found` removes it, an answer refreshes it.
 */
async function checkUnconfirmed(target: SyncTarget, since: string): Promise<boolean> {
  const { db, handle } = target;
  const stale = await db
    .select({ id: indexedConversations.id })
    .from(indexedConversations)
    .where(and(eq(indexedConversations.connectionId, handle.id), lt(indexedConversations.confirmedAt, since)))
    .limit(MAX_RECONCILE_CHECKS + 1);
  for (const { id } of stale.slice(0, MAX_RECONCILE_CHECKS)) {
    try {
      const row = await handle.adapter.getConversation(handle.background, id);
      const now = new Date().toISOString();
      await upsertConversations(
        db,
        [toIndexRow(handle.id, handle.adapter.capabilities, row, now)],
        target.indexTranscripts ? "index" : "skip",
      );
    } catch (error) {
      if (isProviderError(error) && error.code === "not_found")
        await removeConversations(db, handle.id, [id]);
      else throw error;
    }
  }
  return stale.length > MAX_RECONCILE_CHECKS;
}

/** Runs until no work remains (tests, the first sync a caller waits for). */
export async function syncToEnd(
  db: Database,
  handle: ConnectionHandle,
  indexTranscripts: boolean,
  options: RunOptions = {},
): Promise<RunOutcome[]> {
  const outcomes: RunOutcome[] = [];
  for (let run = 0; run < 1_000; run++) {
    const outcome = await runSync(db, handle, indexTranscripts, options);
    outcomes.push(outcome);
    if (!outcome.more) return outcomes;
    if (outcome.retryAfterMs) await new Promise((resolve) => setTimeout(resolve, outcome.retryAfterMs));
  }
  throw new Error(`sync of ${handle.id} did not finish in 1,000 runs`);
}
