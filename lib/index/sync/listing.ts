/**
 * Listing passes over a connection's conversations, newest first, on the background context:
 * every page read is written to the index with the bookmark that follows it in one transaction,
 * and with the transcripts the page carries (providers whose list holds whole threads).
 */
import "server-only";
import type { ConnectionHandle } from "@/lib/connections/connection-handle";
import type { Database } from "@/lib/db/client";
import type { ListResult, NativeFilters, ProviderConversation } from "@/lib/providers/contract";
import { toIndexRow } from "../store/conversation-rows";
import { upsertConversations, type CarriedTranscript } from "../store/write";
import { scopeKey, scopeOf, type ScopeTokens } from "./bookmarks";
import type { Transaction } from "./state";
import { carriedTranscript } from "./transcript-limit";

export interface SyncTarget {
  db: Database;
  handle: ConnectionHandle;
  indexTranscripts: boolean;
  /** Provider answers this run has written (pages and transcripts): proof the provider is back. */
  answers: number;
}

/** The scopes a listing covers (Chatling: its chatbots), as bookmark keys. */
export async function scopeKeys(handle: ConnectionHandle): Promise<string[]> {
  if (!handle.adapter.capabilities.scoped) return [scopeKey(null)];
  return (await handle.adapter.listScopes(handle.background, {})).map(scopeKey);
}

export function syncPageSize(handle: ConnectionHandle): number {
  const capabilities = handle.adapter.capabilities;
  return capabilities.fixedPageSize ?? capabilities.maxPageSize;
}

/**
 * Reads one list page. A connection that indexes transcripts asks an adapter whose list carries
 * them (`capabilities.listCarriesTranscripts`) to put them on the rows.
 */
export async function readPage(
  target: SyncTarget,
  scope: string,
  pageToken: string | null,
  filters: NativeFilters = {},
): Promise<ListResult> {
  const { handle } = target;
  return handle.adapter.listConversations(handle.background, {
    scope: scopeOf(scope),
    filters,
    sort: "recent",
    pageToken,
    pageSize: syncPageSize(handle),
    transcripts: target.indexTranscripts && handle.adapter.capabilities.listCarriesTranscripts,
  });
}

/**
 * Writes a page's rows, with the transcripts they carry (stored at once: `transcripts.ts` never
 * reads those), and, in the same transaction, whatever `alsoSave` writes.
 */
export async function writePage(
  target: SyncTarget,
  items: readonly ProviderConversation[],
  alsoSave: (tx: Transaction) => Promise<void>,
): Promise<void> {
  const { db, handle } = target;
  target.answers += 1;
  const now = new Date().toISOString();
  const rows = items.map((item) => toIndexRow(handle.id, handle.adapter.capabilities, item, now));
  const carried = new Map<string, CarriedTranscript>();
  if (target.indexTranscripts)
    for (const item of items) if (item.transcript) carried.set(item.id, carriedTranscript(item.transcript));
  await db.transaction(async (tx) => {
    await upsertConversations(
      tx as unknown as Database,
      rows,
      target.indexTranscripts ? "index" : "skip",
      carried,
    );
    await alsoSave(tx);
  });
}

export interface PassOutcome {
  /** True when every scope reached its end. */
  done: boolean;
  pages: number;
  /** The providers' own total over the scopes, when each first page gave one. */
  total: number | null;
}

/**
 * Pages every unfinished scope of `tokens` from its saved token, at most `maxPages` pages in all.
 * After each page `save(tokens)` is written with its rows, so a restart resumes at the next page.
 */
export async function resumablePass(
  target: SyncTarget,
  tokens: ScopeTokens,
  save: (tx: Transaction, tokens: ScopeTokens) => Promise<void>,
  maxPages: number,
): Promise<PassOutcome> {
  let pages = 0;
  let total: number | null = 0;
  for (const scope of Object.keys(tokens)) {
    for (;;) {
      const token = tokens[scope];
      if (token === true || token === undefined) break;
      if (pages >= maxPages) return { done: false, pages, total: null };
      const page = await readPage(target, scope, token);
      pages += 1;
      if (token === null) total = total === null || page.total === null ? null : total + page.total;
      const next: ScopeTokens = { ...tokens, [scope]: page.nextPageToken ?? true };
      await writePage(target, page.items, (tx) => save(tx, next));
      Object.assign(tokens, next);
    }
  }
  return { done: true, pages, total };
}

/**
 * An incremental pass: pages each scope newest first until `reached(row)` says a row is one the
 * index already had (or the list ends), or `maxPages` pages were read. With `filters` (a provider
 * that bounds the list by last activity) the list holds only changed rows and is read to its end.
 */
export async function incrementalPass(
  target: SyncTarget,
  scopes: readonly string[],
  reached: (row: ProviderConversation) => boolean,
  options: { maxPages: number; filters?: NativeFilters },
): Promise<{ complete: boolean; pages: number }> {
  let pages = 0;
  for (const scope of scopes) {
    let token: string | null = null;
    for (;;) {
      if (pages >= options.maxPages) return { complete: false, pages };
      const page = await readPage(target, scope, token, options.filters);
      pages += 1;
      await writePage(target, page.items, async () => undefined);
      if (page.nextPageToken === null || (!options.filters && page.items.some(reached))) break;
      token = page.nextPageToken;
    }
  }
  return { complete: true, pages };
}
