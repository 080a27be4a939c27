/**
 * The thread view's keyboard shortcuts, in one place for the key handlers, tooltips and
 * `aria-keyshortcuts`. (The list's own shortcuts live in `components/conversations/keyboard/`.)
 */
export const threadShortcuts = {
  important: { key: "s", description: "Mark or unmark important" },
  archive: { key: "e", description: "Archive or unarchive" },
  rename: { key: "r", description: "Rename" },
  trash: { key: "#", description: "Move to trash or restore" },
  undo: { key: "z", description: "Undo the last change" },
  close: { key: "Escape", description: "Back to the list" },
  previous: { key: "[", alternative: "k", description: "Previous conversation" },
  next: { key: "]", alternative: "j", description: "Next conversation" },
} as const;
