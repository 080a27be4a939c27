"use client";
/**
 * One conversation: header with moderation, the messages and the details panel. Shown as a full
 * page (`/conversations/:connectionId/:conversationId`) and as a panel beside the list; both read
 * the list's state from the URL (nuqs `listSearchParams`) for the way back and for Previous / Next.
 *
 * Props are the contract with the list page: `variant="panel"` is narrower, has a "Close
 * conversation" button (calling `onClose`) and an "Open full page" link.
 */
import { useQuery } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";
import { useQueryStates } from "nuqs";
import { Suspense } from "react";
import { conversationQueries, type ListParams } from "@/lib/client/conversation-queries";
import { listSearchParams } from "@/lib/conversations/search-params";
import { ThreadConversation } from "./thread-conversation";
import { conversationsHref, MESSAGE_PARAM } from "./thread-links";
import { ThreadError, ThreadSkeleton } from "./thread-states";

export interface ThreadViewProps {
  connectionId: string;
  conversationId: string;
  variant: "page" | "panel";
  onClose?: () => void;
}

export function ThreadView(props: ThreadViewProps) {
  return (
    <Suspense fallback={<ThreadSkeleton />}>
      <ThreadViewContent {...props} />
    </Suspense>
  );
}

function ThreadViewContent({ connectionId, conversationId, variant, onClose }: ThreadViewProps) {
  const [{ open: _open, ...listParams }] = useQueryStates(listSearchParams);
  const params: ListParams = listParams;
  const searchParams = useSearchParams();
  // `?message=<id>`: a shared link or a search result opened at one message (page or panel).
  const linkedMessageId = searchParams.get(MESSAGE_PARAM);
  const thread = useQuery(conversationQueries.thread(connectionId, conversationId));

  if (thread.data === undefined) {
    return (
      <div className="flex h-full min-h-0 flex-col">
        {variant === "page" ? <h1 className="sr-only">Conversation</h1> : null}
        {thread.isError ? (
          <ThreadError
            error={thread.error}
            variant={variant}
            listHref={conversationsHref(params)}
            onRetry={() => void thread.refetch()}
            onClose={onClose}
            isRetrying={thread.isFetching}
          />
        ) : (
          <ThreadSkeleton />
        )}
      </div>
    );
  }

  return (
    <ThreadConversation
      key={`${connectionId}/${conversationId}`}
      thread={thread.data}
      connectionId={connectionId}
      conversationId={conversationId}
      variant={variant}
      onClose={onClose}
      listParams={params}
      linkedMessageId={linkedMessageId}
    />
  );
}
