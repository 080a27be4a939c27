/**
 * How the command palette ranks what matches: cmdk's own fuzzy score, weighted by what running
 * the item does. Going somewhere is safe, changing a conversation is not, so for a partial match
 * navigation comes first: "arch" + Enter goes to Archived and does not archive the conversation
 * under the cursor. A search that spells an action out in full ("archive") still picks it.
 *
 * Each item says what it is with one keyword `kind:<kind>`; that keyword only weights the score and
 * is never matched against the search.
 */
import { defaultFilter } from "cmdk";

export const paletteKinds = ["navigation", "conversation", "setting", "action", "destructive"] as const;
export type PaletteKind = (typeof paletteKinds)[number];

const weights: Record<PaletteKind, number> = {
  navigation: 1,
  conversation: 0.8,
  setting: 0.7,
  action: 0.6,
  destructive: 0.4,
};

const KIND_PREFIX = "kind:";

/** The keyword that marks an item's kind. */
export const kindKeyword = (kind: PaletteKind): string => `${KIND_PREFIX}${kind}`;

const normalize = (text: string): string => text.trim().replace(/\s+/g, " ").toLocaleLowerCase();

/** cmdk's `filter`: 0 hides the item; higher scores sort first (groups follow their best item). */
export function paletteFilter(value: string, search: string, keywords: string[] = []): number {
  const kindWord = keywords.find((keyword) => keyword.startsWith(KIND_PREFIX));
  const words = keywords.filter((keyword) => !keyword.startsWith(KIND_PREFIX));
  const score = defaultFilter ? defaultFilter(value, search, words) : 0;
  if (score === 0 || !kindWord) return score;
  // Typed out in full, an action is what the person asked for.
  if (normalize(search) === normalize(value)) return score;
  const kind = paletteKinds.find((candidate) => kindWord === kindKeyword(candidate));
  return score * (kind ? weights[kind] : 1);
}
