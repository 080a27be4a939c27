"use client";
/**
 * A thread's messages as one array: the first page comes with the thread
 * (`conversationQueries.thread`), later pages stream in through `conversationQueries.messages`
 * only once they are wanted (the user scrolls near the end, jumps to the end, or opens a link to
 * a message not loaded yet), so opening a 10,000-message thread costs one page.
 */
import { useInfiniteQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useState } from "react";
import type { Message, ThreadPage } from "@/lib/model/conversation";
import { conversationQueries } from "@/lib/client/conversation-queries";

export interface ThreadMessages {
  messages: Message[];
  /** More pages exist at the provider. */
  hasMore: boolean;
  /** Whole-thread count when known (the provider tells it, or every page is loaded). */
  total: number | null;
  isLoadingMore: boolean;
  /** The last page request failed; `retry` asks again. */
  error: Error | null;
  /** Loads the next page (no-op while one is loading or when none is left). */
  loadMore: () => void;
  /** While true, pages load one after another until none is left. */
  keepLoading: boolean;
  setKeepLoading: (value: boolean) => void;
  retry: () => void;
}

export function useThreadMessages(
  thread: ThreadPage,
  connectionId: string,
  conversationId: string,
): ThreadMessages {
  const firstCursor = thread.nextCursor;
  const [wanted, setWanted] = useState(false);
  const [keepLoading, setKeepLoading] = useState(false);
  const later = useInfiniteQuery({
    ...conversationQueries.messages(connectionId, conversationId, firstCursor),
    enabled: firstCursor !== null && (wanted || keepLoading),
    staleTime: Infinity,
  });
  const { data, hasNextPage, isFetching, isError, error, fetchNextPage, refetch } = later;

  const messages = useMemo(
    () => (data ? thread.messages.concat(data.pages.flatMap((page) => page.messages)) : thread.messages),
    [data, thread.messages],
  );
  const hasMore = firstCursor !== null && (data === undefined || hasNextPage);
  const lastPage = data?.pages.at(-1);
  const total = thread.totalMessages ?? lastPage?.totalMessages ?? (hasMore ? null : messages.length);

  const loadMore = useCallback(() => {
    if (firstCursor === null) return;
    if (!wanted) {
      setWanted(true);
      return;
    }
    if (hasNextPage && !isFetching && !isError) void fetchNextPage();
  }, [firstCursor, wanted, hasNextPage, isFetching, isError, fetchNextPage]);

  // Keep fetching while asked to (jump to the end, a link to a message further down).
  // A failed page pauses this until Retry succeeds.
  useEffect(() => {
    if (keepLoading && data && hasNextPage && !isFetching && !isError) void fetchNextPage();
  }, [keepLoading, data, hasNextPage, isFetching, isError, fetchNextPage]);

  const retry = useCallback(() => {
    if (data) void fetchNextPage();
    else void refetch();
  }, [data, fetchNextPage, refetch]);

  return {
    messages,
    hasMore,
    total,
    isLoadingMore: isFetching,
    error: isError ? error : null,
    loadMore,
    keepLoading,
    setKeepLoading,
    retry,
  };
}
