/**
 * Search words as Parley matches them (case and accents ignored: `cade` finds `cadê`), shared by
 * the index's snippets (`lib/index/read/highlight.ts`) and the browser, which marks the same words
 * in a thread opened from a search result. Ranges are UTF-16 offsets into the original text.
 */

export interface TextRange {
  start: number;
  end: number;
}

/** Lower case without combining marks, one entry per UTF-16 unit of the folded text → its source offset. */
export function fold(text: string): { folded: string; source: number[] } {
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
export function findRanges(text: string, needles: readonly string[]): TextRange[] {
  const { folded, source } = fold(text);
  const ranges: TextRange[] = [];
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
  const merged: TextRange[] = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

export interface TextSegment {
  text: string;
  marked: boolean;
}

/**
 * `text` cut into plain and marked segments by `ranges` (as the API sends them: possibly
 * unsorted, overlapping or out of bounds — they are clamped, sorted and merged, never trusted).
 * The segments' texts joined give back `text` exactly.
 */
export function highlightSegments(text: string, ranges: readonly TextRange[]): TextSegment[] {
  const clean = ranges
    .map((range) => ({
      start: Math.max(0, Math.min(text.length, Math.floor(range.start))),
      end: Math.max(0, Math.min(text.length, Math.floor(range.end))),
    }))
    .filter((range) => range.end > range.start)
    .sort((left, right) => left.start - right.start);
  const segments: TextSegment[] = [];
  let at = 0;
  for (const range of clean) {
    const start = Math.max(range.start, at);
    if (range.end <= start) continue;
    if (start > at) segments.push({ text: text.slice(at, start), marked: false });
    const last = segments.at(-1);
    if (start === at && last?.marked) last.text += text.slice(start, range.end);
    else segments.push({ text: text.slice(start, range.end), marked: true });
    at = range.end;
  }
  if (at < text.length) segments.push({ text: text.slice(at), marked: false });
  return segments;
}
