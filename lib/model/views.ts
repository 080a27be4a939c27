/**
 * Which conversations each view shows, from their effective flags. The index answers views in SQL
 * with the same rules (`lib/index/read/filter-sql.ts`); the browser uses this to keep a list in
 * step after a change (a conversation archived from the inbox leaves it). Trash always wins: an
 * important conversation that is trashed leaves Important.
 */
import type { View } from "./constants";
import type { Conversation } from "./conversation";

export function conversationInView(view: View): (conversation: Pick<Conversation, "flags">) => boolean {
  switch (view) {
    case "inbox":
      return (c) => !c.flags.archived && !c.flags.trashed && !c.flags.removedAtProvider;
    case "important":
      return (c) => c.flags.important && !c.flags.trashed;
    case "archived":
      return (c) => c.flags.archived && !c.flags.trashed;
    case "trash":
      return (c) => c.flags.trashed;
    case "all":
      return (c) => !c.flags.trashed;
    default: {
      const unreachable: never = view;
      return unreachable;
    }
  }
}
