/**
 * Every keyboard shortcut of the conversation list, in one place: the shortcuts dialog (`?`), the
 * command palette's hints and the docs read this list, and the thread view may reuse it, so the
 * keys shown to users and the keys bound in code cannot drift apart.
 *
 * `keys` are the key names `useHotkeys` binds (`"j"`, `"#"`, `"Escape"`, `"mod+k"`); `display`
 * is how to show them (one entry per key pressed together).
 */
export type ShortcutScope = "navigation" | "triage" | "review" | "general";

export interface Shortcut {
  /** Stable id, also the handler name in the list's hotkey map. */
  id:
    | "next"
    | "previous"
    | "open"
    | "close"
    | "select"
    | "important"
    | "archive"
    | "rename"
    | "trash"
    | "undo"
    | "search"
    | "help"
    | "palette";
  /** The binding as `useHotkeys` names it. */
  key: string;
  /** The keys as shown, e.g. `["Ctrl", "K"]`; `mod` is rendered as ⌘ on a Mac, Ctrl elsewhere. */
  display: readonly string[];
  description: string;
  scope: ShortcutScope;
}

export const shortcutScopeLabels: Record<ShortcutScope, string> = {
  navigation: "Move around",
  triage: "Triage the current conversation",
  review: "Review pass (in an open conversation; N also from the list)",
  general: "General",
};

export const shortcuts: readonly Shortcut[] = [
  { id: "next", key: "j", display: ["J"], description: "Next conversation", scope: "navigation" },
  { id: "previous", key: "k", display: ["K"], description: "Previous conversation", scope: "navigation" },
  {
    id: "open",
    key: "Enter",
    display: ["Enter"],
    description: "Open the current conversation beside the list",
    scope: "navigation",
  },
  {
    id: "close",
    key: "Escape",
    display: ["Esc"],
    description: "Close the open conversation",
    scope: "navigation",
  },
  {
    id: "select",
    key: "x",
    display: ["X"],
    description: "Select or deselect the current conversation",
    scope: "triage",
  },
  {
    id: "important",
    key: "s",
    display: ["S"],
    description: "Mark important, or remove the mark",
    scope: "triage",
  },
  {
    id: "archive",
    key: "e",
    display: ["E"],
    description: "Archive, or move back to the inbox",
    scope: "triage",
  },
  {
    id: "rename",
    key: "r",
    display: ["R"],
    description: "Rename (Enter saves, Esc cancels)",
    scope: "triage",
  },
  {
    id: "trash",
    key: "#",
    display: ["#"],
    description: "Move to trash (in Trash: restore)",
    scope: "triage",
  },
  { id: "undo", key: "z", display: ["Z"], description: "Undo the last change", scope: "triage" },
  { id: "search", key: "/", display: ["/"], description: "Search conversations", scope: "general" },
  { id: "help", key: "?", display: ["?"], description: "Show keyboard shortcuts", scope: "general" },
  {
    id: "palette",
    key: "mod+k",
    display: ["mod", "K"],
    description: "Open the command palette",
    scope: "general",
  },
];

/**
 * The review pass: bound by the open conversation (`components/review/use-review-hotkeys.ts`);
 * the list binds only `n`, to open the first unreviewed conversation. Number keys score 1–5 or
 * `p`/`f` pass/fail, depending on the score mode an admin chose.
 */
export interface ReviewShortcut {
  id: "nextUnreviewed" | "take" | "score" | "pass" | "fail" | "reviewed";
  /** The bindings as `useHotkeys` names them (several for the score). */
  keys: readonly string[];
  display: readonly string[];
  description: string;
  scope: "review";
}

export const reviewShortcuts: readonly ReviewShortcut[] = [
  {
    id: "nextUnreviewed",
    keys: ["n"],
    display: ["N"],
    description: "Open the next unreviewed conversation of this list",
    scope: "review",
  },
  {
    id: "take",
    keys: ["i"],
    display: ["I"],
    description: "Take it (assign to me), or give it back",
    scope: "review",
  },
  {
    id: "score",
    keys: ["1", "2", "3", "4", "5"],
    display: ["1", "…", "5"],
    description: "Score 1 to 5 (when scores are 1–5)",
    scope: "review",
  },
  {
    id: "pass",
    keys: ["p"],
    display: ["P"],
    description: "Pass (when scores are pass/fail)",
    scope: "review",
  },
  {
    id: "fail",
    keys: ["f"],
    display: ["F"],
    description: "Fail (when scores are pass/fail)",
    scope: "review",
  },
  {
    id: "reviewed",
    keys: ["m"],
    display: ["M"],
    description: "Mark reviewed (again: back to unreviewed)",
    scope: "review",
  },
];

export function reviewShortcutById(id: ReviewShortcut["id"]): ReviewShortcut {
  const found = reviewShortcuts.find((shortcut) => shortcut.id === id);
  if (!found) throw new Error(`Unknown review shortcut ${id}`);
  return found;
}

export function shortcutById(id: Shortcut["id"]): Shortcut {
  const found = shortcuts.find((shortcut) => shortcut.id === id);
  if (!found) throw new Error(`Unknown shortcut ${id}`);
  return found;
}

/** Whether the browser runs on an Apple platform, where `mod` is ⌘ rather than Ctrl. */
export function isApplePlatform(): boolean {
  if (typeof navigator === "undefined") return false;
  return /Mac|iPhone|iPad|iPod/i.test(navigator.platform || navigator.userAgent);
}

/** A key as shown to the user: `mod` becomes ⌘ or Ctrl. */
export function displayKey(key: string, apple: boolean): string {
  return key === "mod" ? (apple ? "⌘" : "Ctrl") : key;
}
