"use client";
/** This conversation's audit rows (newest first): who did what, when, and whether it worked. */
import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { conversationQueries, type HistoryEntry } from "@/lib/client/conversation-queries";
import { TimeAgo } from "@/components/ui/time-ago";
import { Heading, type HeadingLevel } from "./heading";

const actionWords: Record<string, string> = {
  "conversation.important": "marked it important",
  "conversation.unimportant": "removed the important mark",
  "conversation.archive": "archived it",
  "conversation.unarchive": "moved it back to the inbox",
  "conversation.rename": "renamed it",
  "conversation.trash": "moved it to trash",
  "conversation.restore": "restored it from trash",
  "conversation.delete": "deleted it at the provider",
  "conversation.update": "updated it",
  "note.create": "added a note",
  "note.update": "edited a note",
  "note.delete": "deleted a note",
  "conversation.assign": "changed its assignee",
  "conversation.review_state": "changed its review state",
  "conversation.score": "scored it",
  "conversation.review_reason": "set its review reason",
  "conversation.review": "changed its review",
  "conversation.export": "downloaded it",
};

function renamedTo(entry: HistoryEntry): string | null {
  if (entry.action !== "conversation.rename") return null;
  const after = entry.after;
  if (!after || typeof after !== "object" || !("title" in after)) return null;
  const title: unknown = after.title;
  return typeof title === "string" ? title : null;
}

function HistoryRow({ entry }: { entry: HistoryEntry }) {
  const title = renamedTo(entry);
  const failed = entry.outcome !== "success";
  return (
    <li className="border-b py-2 last:border-b-0" data-testid="history-entry">
      <p className="[overflow-wrap:anywhere]">
        <span className="font-medium">{entry.actorEmail ?? "Someone"}</span>{" "}
        {actionWords[entry.action] ?? entry.action}
        {title !== null ? <> to “{title}”</> : null}
      </p>
      <p className="text-muted-foreground mt-0.5 flex flex-wrap items-center gap-2 text-xs">
        <TimeAgo iso={entry.createdAt} />
        <Badge variant={failed ? "destructive-subtle" : "success"}>{failed ? "Failed" : "Done"}</Badge>
      </p>
      {failed && entry.error ? <p className="text-destructive mt-0.5 text-xs">{entry.error}</p> : null}
    </li>
  );
}

export function HistoryList({
  connectionId,
  conversationId,
  headingLevel,
}: {
  connectionId: string;
  conversationId: string;
  headingLevel: HeadingLevel;
}) {
  const headingId = useId();
  const history = useQuery(conversationQueries.history(connectionId, conversationId));
  return (
    <section aria-labelledby={headingId} className="text-sm">
      <Heading level={headingLevel} id={headingId} className="mb-1 text-sm font-semibold">
        History
      </Heading>
      {history.isPending ? (
        <div aria-busy="true" className="space-y-2">
          <Skeleton className="h-8" />
          <Skeleton className="h-8" />
        </div>
      ) : history.isError ? (
        <div role="alert" className="text-destructive text-xs">
          Could not load the history: {history.error.message}{" "}
          <Button
            variant="link"
            size="sm"
            className="h-auto p-0 text-xs"
            onClick={() => void history.refetch()}
          >
            Retry
          </Button>
        </div>
      ) : history.data.items.length === 0 ? (
        <p className="text-muted-foreground text-xs">Nobody has changed this conversation in Parley yet.</p>
      ) : (
        <ol aria-label="History" className="text-sm">
          {history.data.items.map((entry) => (
            <HistoryRow key={entry.id} entry={entry} />
          ))}
        </ol>
      )}
    </section>
  );
}
