/**
 * Two small unified plugins for provider markdown:
 * - `remarkRawHtmlAsText` turns raw HTML in the source into literal text, so `<script>` or
 *   `<img onerror>` typed by a customer shows up as what they typed instead of vanishing (and is
 *   never parsed as HTML: there is no rehype-raw anywhere).
 * - `rehypeHighlight` wraps occurrences of the find-in-thread query in `<mark>`, and
 *   `rehypeMarkWords` the words of a list search (case and accents ignored, as the index matches
 *   them); both run after sanitizing, on text nodes only, so they cannot introduce markup from the
 *   content.
 */
import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from "hast";
import type { Nodes as MdastNodes, Paragraph, Root as MdastRoot, Text } from "mdast";
import { findRanges } from "@/lib/text/search-folding";

const flowParents = new Set(["root", "blockquote", "listItem", "footnoteDefinition"]);

function rawHtmlToText(node: MdastNodes): void {
  if (!("children" in node)) return;
  const inFlow = flowParents.has(node.type);
  node.children = node.children.map((child) => {
    if (child.type !== "html") {
      rawHtmlToText(child);
      return child;
    }
    const text: Text = { type: "text", value: child.value, position: child.position };
    if (!inFlow) return text;
    const paragraph: Paragraph = { type: "paragraph", children: [text], position: child.position };
    return paragraph;
  }) as typeof node.children;
}

export function remarkRawHtmlAsText() {
  return (tree: MdastRoot) => {
    rawHtmlToText(tree);
  };
}

function splitText(value: string, needle: string): ElementContent[] {
  const lower = value.toLocaleLowerCase();
  const parts: ElementContent[] = [];
  let from = 0;
  let index = lower.indexOf(needle, from);
  if (index === -1) return [{ type: "text", value }];
  while (index !== -1) {
    if (index > from) parts.push({ type: "text", value: value.slice(from, index) });
    const mark: Element = {
      type: "element",
      tagName: "mark",
      properties: { dataFindMatch: "" },
      children: [{ type: "text", value: value.slice(index, index + needle.length) }],
    };
    parts.push(mark);
    from = index + needle.length;
    index = lower.indexOf(needle, from);
  }
  if (from < value.length) parts.push({ type: "text", value: value.slice(from) });
  return parts;
}

function highlightChildren(node: HastRoot | Element, needle: string): void {
  const next: (HastContent | ElementContent)[] = [];
  for (const child of node.children) {
    if (child.type === "text") next.push(...splitText(child.value, needle));
    else {
      if (child.type === "element" && child.tagName !== "mark") highlightChildren(child, needle);
      next.push(child);
    }
  }
  node.children = next as typeof node.children;
}

/** Options of {@link rehypeHighlight}: the text to mark, matched case-insensitively. */
export interface HighlightOptions {
  query: string;
}

export function rehypeHighlight(options: HighlightOptions) {
  const needle = options.query.toLocaleLowerCase();
  return (tree: HastRoot) => {
    if (needle) highlightChildren(tree, needle);
  };
}

function markRanges(value: string, needles: readonly string[]): ElementContent[] {
  const ranges = findRanges(value, needles);
  if (ranges.length === 0) return [{ type: "text", value }];
  const parts: ElementContent[] = [];
  let from = 0;
  for (const range of ranges) {
    if (range.start > from) parts.push({ type: "text", value: value.slice(from, range.start) });
    parts.push({
      type: "element",
      tagName: "mark",
      properties: { dataSearchMatch: "" },
      children: [{ type: "text", value: value.slice(range.start, range.end) }],
    });
    from = range.end;
  }
  if (from < value.length) parts.push({ type: "text", value: value.slice(from) });
  return parts;
}

function markChildren(node: HastRoot | Element, needles: readonly string[]): void {
  const next: (HastContent | ElementContent)[] = [];
  for (const child of node.children) {
    if (child.type === "text") next.push(...markRanges(child.value, needles));
    else {
      if (child.type === "element" && child.tagName !== "mark") markChildren(child, needles);
      next.push(child);
    }
  }
  node.children = next as typeof node.children;
}

/** Options of {@link rehypeMarkWords}: folded needles (`searchNeedles` of the list's search). */
export interface MarkWordsOptions {
  needles: readonly string[];
}

export function rehypeMarkWords(options: MarkWordsOptions) {
  return (tree: HastRoot) => {
    if (options.needles.length > 0) markChildren(tree, options.needles);
  };
}
