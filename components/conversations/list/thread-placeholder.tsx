"use client";
/**
 * Stands in for the thread view (`components/conversations/thread/thread-view.tsx`) until it
 * exists: the conversation's name and summary from the list row, and the link to its full page.
 */
import type { Conversation } from "@/lib/conversations/model";
import { conversationName } from "./format";

export function ThreadPlaceholder({ conversation }: { conversation: Conversation | null }) {
  return (
    <div className="flex flex-col gap-2 p-4">
      <h2 className="text-lg font-semibold">{conversation ? conversationName(conversation) : "Conversation"}</h2>
      {conversation ? (
        <p className="text-muted-foreground text-sm">
          {conversation.connectionName}
          {conversation.owner?.name ? ` · ${conversation.owner.name}` : ""}
        </p>
      ) : null}
      {conversation?.preview ? <p className="text-sm whitespace-pre-wrap">{conversation.preview}</p> : null}
      <p className="text-muted-foreground text-sm">The thread opens here once the thread view is available.</p>
    </div>
  );
}
