/**
 * Snippets with highlight ranges for search results, computed in JavaScript from the matched text
 * with the same folding the database uses (case and accents ignored): the ranges are offsets into
 * the snippet as the browser will show it, never HTML.
 */
import type { Highlight } from "@/lib/model/conversation";

// Folding and matching are shared with the browser, which marks the same words in a thread.
export { findRanges, searchNeedles } from "@/lib/text/search-folding";

const SNIPPET_LENGTH = 160;

/** A window of `text` around its first highlight, with the ranges moved into the window. */
export function snippetOf(
  text: string,
  ranges: readonly Highlight[],
): { snippet: string; highlights: Highlight[] } {
  const first = ranges[0];
  if (!first) return { snippet: text.slice(0, SNIPPET_LENGTH), highlights: [] };
  const base = text;
  let start = Math.max(0, first.start - 40);
  while (start > 0 && start < first.start && /\S/.test(base[start - 1] ?? "")) start -= 1;
  const end = Math.min(base.length, start + SNIPPET_LENGTH);
  const prefix = start > 0 ? "…" : "";
  const suffix = end < base.length ? "…" : "";
  const highlights = ranges
    .filter((range) => range.start >= start && range.end <= end)
    .map((range) => ({ start: range.start - start + prefix.length, end: range.end - start + prefix.length }));
  return { snippet: `${prefix}${base.slice(start, end)}${suffix}`, highlights };
}
