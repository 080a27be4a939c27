/** The list's views by name, for the page heading, the palette and empty states. */
import type { View } from "@/lib/conversations/api-schemas";

export const viewLabels: Record<View, string> = {
  inbox: "Inbox",
  important: "Important",
  archived: "Archived",
  trash: "Trash",
  all: "All conversations",
};

/** What an empty view means, when no filter narrows it. */
export const emptyViewText: Record<View, { title: string; description: string }> = {
  inbox: {
    title: "Inbox zero",
    description: "No conversation waits in the inbox: everything is archived or in trash.",
  },
  important: {
    title: "Nothing marked important",
    description: "Press S on a conversation, or use its star, to keep it here.",
  },
  archived: {
    title: "No archived conversations",
    description: "Conversations you archive (E) are kept here.",
  },
  trash: {
    title: "Trash is empty",
    description: "Conversations moved to trash (#) are listed here until restored.",
  },
  all: {
    title: "No conversations yet",
    description: "None of your connections has any conversation to show.",
  },
};
