/**
 * Titles and previews as one line of plain text: providers write them in markdown
 * (`**5 business days**`, table rows with pipes, `# headings`), and a list row or a heading must
 * show the words, not the marks. Parsed with remark (GitHub-flavoured, the same parser the thread
 * uses), then only the text is kept:
 * - emphasis, strong, strikethrough, inline code and link marks go; their text stays;
 * - an image becomes its alt text; a line break, a paragraph, a list item and a table cell become
 *   one space;
 * - raw HTML stays as the literal text it is (a title `<script>…` is shown, never run or hidden).
 *
 * Nothing here produces markup: the result is rendered as React text.
 */
import type { Nodes, Root } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";

const parser = unified().use(remarkParse).use(remarkGfm);

/** Longest text parsed; a longer one is cut first (a title or preview never needs more). */
const MAX_INPUT = 2_000;

function collect(node: Nodes, into: string[]): void {
  switch (node.type) {
    case "text":
    case "inlineCode":
    case "html":
    case "code":
      into.push(node.value);
      return;
    case "image":
      if (node.alt) into.push(node.alt);
      return;
    case "break":
    case "thematicBreak":
      into.push(" ");
      return;
    default:
      break;
  }
  if (!("children" in node)) return;
  const block = node.type !== "paragraph" && node.type !== "heading" && !isInline(node);
  for (const child of node.children as Nodes[]) {
    collect(child, into);
    if (block || child.type === "paragraph" || child.type === "tableCell" || child.type === "heading")
      into.push(" ");
  }
}

function isInline(node: Nodes): boolean {
  return ["emphasis", "strong", "delete", "link", "linkReference"].includes(node.type);
}

/** The words of a markdown snippet on one line; "" for empty input. */
export function markdownToPlain(markdown: string): string {
  const source = markdown.length > MAX_INPUT ? markdown.slice(0, MAX_INPUT) : markdown;
  if (!/[*_`~#>|[\]!<\\-]|^\s*\d+[.)]\s/m.test(source)) return source.replace(/\s+/g, " ").trim();
  const tree = parser.parse(source) as Root;
  const parts: string[] = [];
  collect(tree, parts);
  return parts.join("").replace(/\s+/g, " ").trim();
}
