/**
 * The five built-in views and which conversations belong in each, by their flags. The index's SQL
 * and the browser's optimistic updates (does a row still belong after a change?) follow the same
 * rules: trash hides a conversation from every other view, an important conversation that is then
 * trashed leaves Important, and a conversation deleted at the provider leaves the inbox.
 */
import type { View } from "./constants";
import type { Conversation } from "./conversation";

export function viewPredicate(view: View): (conversation: Pick<Conversation, "flags">) => boolean {
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
