/**
 * Snippets with highlight ranges for search results, computed in JavaScript from the matched text
 * with the same folding the database uses (case and accents ignored): the ranges are offsets into
 * the snippet as the browser will show it, never HTML.
 */
import type { Highlight } from "@/lib/model/conversation";

const SNIPPET_LENGTH = 160;

/** Lower case without combining marks, one entry per UTF-16 unit of the folded text → its source offset. */
function fold(text: string): { folded: string; source: number[] } {
  let folded = "";
  const source: number[] = [];
  let offset = 0;
  for (const character of text) {
    const plain = character
      .normalize("NFD")
      .replace(/\p{Mn}/gu, "")
      .toLowerCase();
    for (let index = 0; index < plain.length; index++) source.push(offset);
    folded += plain;
    offset += character.length;
  }
  source.push(offset);
  return { folded, source };
}

/** The needles for `q`: the whole query, then each word of it (longest first). */
export function searchNeedles(q: string): string[] {
  const whole = fold(q.trim()).folded;
  const words = whole.split(/[\s\p{P}]+/u).filter((word) => word.length > 0);
  return [...new Set([whole, ...words.sort((left, right) => right.length - left.length)])].filter(Boolean);
}

/** Ranges in `text` where any needle occurs, merged, in order. */
export function findRanges(text: string, needles: readonly string[]): Highlight[] {
  const { folded, source } = fold(text);
  const ranges: Highlight[] = [];
  for (const needle of needles) {
    let from = 0;
    for (;;) {
      const at = folded.indexOf(needle, from);
      if (at < 0) break;
      ranges.push({ start: source[at] ?? 0, end: source[at + needle.length] ?? text.length });
      from = at + Math.max(1, needle.length);
    }
  }
  ranges.sort((left, right) => left.start - right.start || right.end - left.end);
  const merged: Highlight[] = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

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
