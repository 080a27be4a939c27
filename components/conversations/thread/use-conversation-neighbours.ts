"use client";
/**
 * Previous and next conversation within the list the user came from. The thread's URL carries
 * the list's query string, so the list query (`conversationQueries.list(params)`) is the same
 * cache entry the list page uses (fetched here when the thread was opened directly). At the end
 * of a page the next page is fetched by cursor; at the start, the previous page is found in the
 * cache (the page whose `nextCursor` is this page's cursor).
 *
 * Rows moderated out of the current view (archived from the inbox, say) are skipped, using the
 * same view rules as the server. When the open conversation itself leaves the list, its last
 * known neighbours are kept, so "archive, then next" works.
 */
import { useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { Conversation, ConversationPage } from "@/lib/model/conversation";
import { conversationInView } from "@/lib/model/views";
import { conversationKeys, conversationQueries, type ListParams } from "@/lib/client/conversation-queries";

/** A conversation to go to, and the list page (cursor) it sits on. */
export interface NeighbourTarget {
  connectionId: string;
  conversationId: string;
  cursor: string | null;
}

type Neighbour = { kind: "item"; target: NeighbourTarget } | { kind: "next-page"; cursor: string };

interface Known {
  key: string;
  previous: NeighbourTarget | null;
  next: Neighbour | null;
}

const toTarget = (item: Conversation, cursor: string | null): NeighbourTarget => ({
  connectionId: item.connectionId,
  conversationId: item.id,
  cursor,
});

function sameListExceptCursor(left: ListParams, right: ListParams): boolean {
  return JSON.stringify({ ...left, cursor: null }) === JSON.stringify({ ...right, cursor: null });
}

/** The last visible row of the cached page that comes right before this one. */
function previousFromCache(
  queryClient: QueryClient,
  params: ListParams,
  keep: (item: Conversation) => boolean,
) {
  if (!params.cursor) return null;
  for (const [key, page] of queryClient.getQueriesData<ConversationPage>({
    queryKey: conversationKeys.lists(),
  })) {
    const candidate = key[2] as ListParams | undefined;
    if (!page || !candidate || page.nextCursor !== params.cursor || !sameListExceptCursor(candidate, params))
      continue;
    const item = page.items.findLast(keep);
    if (item) return toTarget(item, candidate.cursor);
  }
  return null;
}

export interface ConversationNeighbours {
  hasPrevious: boolean;
  hasNext: boolean;
  /** Resolves the target (fetching the next list page when needed); null when there is none. */
  resolvePrevious: () => Promise<NeighbourTarget | null>;
  resolveNext: () => Promise<NeighbourTarget | null>;
}

export function useConversationNeighbours(
  params: ListParams,
  connectionId: string,
  conversationId: string,
): ConversationNeighbours {
  const queryClient = useQueryClient();
  const list = useQuery(conversationQueries.list(params));
  const key = `${connectionId}\u0000${conversationId}`;
  const keep = conversationInView(params.view);

  let found: Known | null = null;
  const page = list.isPlaceholderData ? undefined : list.data;
  const items = page?.items ?? [];
  const index = items.findIndex((item) => item.connectionId === connectionId && item.id === conversationId);
  if (page && index >= 0) {
    const before = items.slice(0, index).findLast(keep);
    const after = items.slice(index + 1).find(keep);
    found = {
      key,
      previous: before ? toTarget(before, params.cursor) : previousFromCache(queryClient, params, keep),
      next: after
        ? { kind: "item", target: toTarget(after, params.cursor) }
        : page.nextCursor
          ? { kind: "next-page", cursor: page.nextCursor }
          : null,
    };
  }

  // Remember the neighbours while the conversation is in the list (React's "adjust state while
  // rendering" pattern), for when moderation takes it out.
  const [lastKnown, setLastKnown] = useState<Known | null>(null);
  if (found && JSON.stringify(found) !== JSON.stringify(lastKnown)) setLastKnown(found);
  const known = found ?? (lastKnown?.key === key ? lastKnown : null);

  const previous = known?.previous ?? null;
  const next = known?.next ?? null;

  const resolvePrevious = async () => previous;
  const resolveNext = async (): Promise<NeighbourTarget | null> => {
    if (!next) return null;
    if (next.kind === "item") return next.target;
    const nextPage = await queryClient.fetchQuery(
      conversationQueries.list({ ...params, cursor: next.cursor }),
    );
    const item = nextPage.items.find(keep);
    return item ? toTarget(item, next.cursor) : null;
  };

  return { hasPrevious: previous !== null, hasNext: next !== null, resolvePrevious, resolveNext };
}
