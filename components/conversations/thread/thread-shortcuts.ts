/**
 * The thread view's keyboard shortcuts. The keys shared with the list (s, e, r, #, z, Escape,
 * j, k) come from the list's definitions (`components/conversations/keyboard/shortcuts.ts`), so
 * both places bind and show the same keys; `[` and `]` are the thread's own.
 */
import { shortcutById } from "@/components/conversations/keyboard/shortcuts";

export const threadShortcuts = {
  important: { key: shortcutById("important").key },
  archive: { key: shortcutById("archive").key },
  rename: { key: shortcutById("rename").key },
  trash: { key: shortcutById("trash").key },
  undo: { key: shortcutById("undo").key },
  close: { key: shortcutById("close").key },
  previous: { key: "[", alternative: shortcutById("previous").key },
  next: { key: "]", alternative: shortcutById("next").key },
} as const;
