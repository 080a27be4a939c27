"use client";
/**
 * Remembers, per query shape (the list query without its cursor), which page each cursor is and
 * which cursor came before it, in sessionStorage. The API pages forward only (`nextCursor`), so
 * this is what lets "Previous" and "Page N" work, also after a reload and after Back/Forward,
 * which change the cursor in the URL without going through the Next button.
 *
 * A link opened in another tab starts with no memory: its page number is unknown and Previous is
 * replaced by "First page" until the user pages from there.
 */
import { useSyncExternalStore } from "react";
import { listApiUrl, type ListParams } from "@/lib/client/conversation-queries";

const STORAGE_KEY = "parley:list-pages";
/** Query shapes kept; the oldest are dropped first. */
const MAX_SHAPES = 30;

export interface PagePosition {
  page: number;
  /** The cursor of the page before, `null` for the first page. */
  previous: string | null;
}

type Memory = Record<string, Record<string, PagePosition>>;

let memory: Memory | null = null;
const listeners = new Set<() => void>();

function load(): Memory {
  if (memory) return memory;
  try {
    const raw = window.sessionStorage.getItem(STORAGE_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    memory = parsed && typeof parsed === "object" ? (parsed as Memory) : {};
  } catch {
    memory = {};
  }
  return memory;
}

function save(next: Memory): void {
  memory = next;
  try {
    window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
  } catch {
    // Storage full or disabled: the memory still lives for this page load.
  }
  for (const listener of listeners) listener();
}

/** The key of a query shape: everything that defines the result set except the cursor. */
export function queryShape(params: ListParams): string {
  return listApiUrl({ ...params, cursor: null });
}

/** Records that `nextCursor` follows the page at `cursor` (page number `page`). */
export function rememberNextPage(
  shape: string,
  cursor: string | null,
  page: number,
  nextCursor: string,
): void {
  const current = load();
  const pages = current[shape] ?? {};
  if (pages[nextCursor]?.page === page + 1 && pages[nextCursor]?.previous === cursor) return;
  const { [shape]: _existing, ...others } = current;
  const kept = Object.entries(others).slice(-(MAX_SHAPES - 1));
  save({
    ...Object.fromEntries(kept),
    [shape]: { ...pages, [nextCursor]: { page: page + 1, previous: cursor } },
  });
}

const FIRST_PAGE: PagePosition = { page: 1, previous: null };

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Where the current page sits: `FIRST_PAGE` without a cursor, the remembered position for a known
 * cursor, and `null` for a cursor this tab has never paged to (or during server rendering).
 */
export function usePagePosition(shape: string, cursor: string | null): PagePosition | null {
  return useSyncExternalStore(
    subscribe,
    () => (cursor === null ? FIRST_PAGE : (load()[shape]?.[cursor] ?? null)),
    () => (cursor === null ? FIRST_PAGE : null),
  );
}
