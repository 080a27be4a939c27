/**
 * A rehype plugin for notes: each `<@userId>` mention token in a text node becomes the user's
 * current name — a chip (`<span data-mention>`) for an active user, plain `@Name` text for a
 * deactivated one, "@unknown user" for one that no longer exists. It runs after sanitizing, on
 * text nodes outside code, so it adds no markup from the content (names are text nodes too).
 */
import type { Element, ElementContent, Root } from "hast";
import { MENTION_TOKEN, type NoteMention } from "@/lib/model/notes";

const SKIP = new Set(["code", "pre"]);
export const MENTION_CHIP_CLASS = "bg-primary/10 text-primary rounded px-1 font-medium whitespace-nowrap";

function split(value: string, mentions: ReadonlyMap<string, NoteMention>): ElementContent[] | null {
  const parts: ElementContent[] = [];
  let from = 0;
  for (const match of value.matchAll(MENTION_TOKEN)) {
    const index = match.index ?? 0;
    if (index > from) parts.push({ type: "text", value: value.slice(from, index) });
    const mention = mentions.get(match[1] as string);
    if (mention?.name && mention.active)
      parts.push({
        type: "element",
        tagName: "span",
        properties: { dataMention: mention.id, className: MENTION_CHIP_CLASS.split(" ") },
        children: [{ type: "text", value: `@${mention.name}` }],
      });
    else
      parts.push({
        type: "text",
        value: mention?.name ? `@${mention.name}` : "@unknown user",
      });
    from = index + match[0].length;
  }
  if (parts.length === 0) return null;
  if (from < value.length) parts.push({ type: "text", value: value.slice(from) });
  return parts;
}

function walk(node: Root | Element, mentions: ReadonlyMap<string, NoteMention>): void {
  const children: (typeof node.children)[number][] = [];
  for (const child of node.children) {
    if (child.type === "element" && !SKIP.has(child.tagName)) walk(child, mentions);
    if (child.type === "text") children.push(...(split(child.value, mentions) ?? [child]));
    else children.push(child);
  }
  node.children = children as typeof node.children;
}

export function rehypeMentions(options: { mentions: readonly NoteMention[] }) {
  const byId = new Map(options.mentions.map((mention) => [mention.id, mention]));
  return (tree: Root) => {
    walk(tree, byId);
  };
}
