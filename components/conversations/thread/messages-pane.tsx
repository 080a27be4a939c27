"use client";
/**
 * The thread's messages: a virtualized list (`@tanstack/react-virtual`, rows measured as they
 * render) so even a 10,000-message thread keeps a small DOM, with Jump to first / Jump to last
 * (loads every remaining page first, with progress), find in thread, and `?message=<id>` links
 * that scroll to and highlight one message (loading pages until it is found).
 */
import { useVirtualizer } from "@tanstack/react-virtual";
import { ArrowDownToLineIcon, ArrowUpToLineIcon } from "lucide-react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import type { Message } from "@/lib/model/conversation";
import { searchNeedles } from "@/lib/text/search-folding";
import { formatCount } from "./format";
import { MessageItem } from "./message-item";
import { MessageLoaderRow } from "./message-loader-row";
import { ThreadFindBar } from "./thread-find-bar";
import { messageLink } from "./thread-links";
import { useFindInThread } from "./use-find-in-thread";
import type { ThreadMessages } from "./use-thread-messages";

export interface MessagesPaneProps {
  /** The loaded messages and paging (`useThreadMessages`, owned by the thread). */
  data: ThreadMessages;
  connectionId: string;
  conversationId: string;
  /** The message a `?message=` link asks for, or null. */
  linkedMessageId: string | null;
  /** The list's search (`q`) that led to the linked message: its words are marked there. */
  searchQuery?: string;
}

/** Start loading the next page when this close to the end of what is loaded. */
const PREFETCH_DISTANCE = 15;

async function copyMessageLink(link: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(link);
    toast.success("Link to the message copied", { description: link });
  } catch {
    toast("Copy this link to the message", { description: link, duration: 15_000 });
  }
}

export function MessagesPane({
  data,
  connectionId,
  conversationId,
  linkedMessageId,
  searchQuery = "",
}: MessagesPaneProps) {
  const { messages, hasMore, total, loadMore, setKeepLoading } = data;
  const needles = useMemo(() => (searchQuery.trim() ? searchNeedles(searchQuery) : []), [searchQuery]);
  const find = useFindInThread(messages);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [jumpingToEnd, setJumpingToEnd] = useState(false);
  const [linkState, setLinkState] = useState<"pending" | "found" | "missing">("pending");

  const virtualizer = useVirtualizer({
    count: messages.length + (hasMore ? 1 : 0),
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 110,
    overscan: 6,
    getItemKey: (index) => messages[index]?.id ?? "load-more",
  });
  const virtualItems = virtualizer.getVirtualItems();
  const lastVisibleIndex = virtualItems.at(-1)?.index ?? 0;

  // Stream the next page in as the user nears the end of the loaded messages.
  useEffect(() => {
    if (hasMore && lastVisibleIndex >= messages.length - PREFETCH_DISTANCE) loadMore();
  }, [hasMore, lastVisibleIndex, messages.length, loadMore]);

  // Jump to last: once every page is in, scroll to the very last message.
  useEffect(() => {
    if (!jumpingToEnd || hasMore || messages.length === 0) return;
    virtualizer.scrollToIndex(messages.length - 1, { align: "end" });
    setJumpingToEnd(false);
    setKeepLoading(false);
  }, [jumpingToEnd, hasMore, messages.length, virtualizer, setKeepLoading]);

  // A link to one message: load pages until it appears, then scroll to it.
  const linkedIndex = linkedMessageId ? messages.findIndex((message) => message.id === linkedMessageId) : -1;
  useEffect(() => {
    if (!linkedMessageId || linkState !== "pending") return;
    if (linkedIndex >= 0) {
      setKeepLoading(false);
      setLinkState("found");
      virtualizer.scrollToIndex(linkedIndex, { align: "center" });
    } else if (hasMore) setKeepLoading(true);
    else setLinkState("missing");
  }, [linkedMessageId, linkState, linkedIndex, hasMore, setKeepLoading, virtualizer]);

  // Find in thread: bring the current match into view.
  const { currentMessageIndex } = find;
  useEffect(() => {
    if (currentMessageIndex !== undefined)
      virtualizer.scrollToIndex(currentMessageIndex, { align: "center" });
  }, [currentMessageIndex, virtualizer]);

  const jumpToFirst = useCallback(() => {
    setJumpingToEnd(false);
    setKeepLoading(false);
    virtualizer.scrollToIndex(0, { align: "start" });
  }, [virtualizer, setKeepLoading]);

  const jumpToLast = useCallback(() => {
    if (hasMore) {
      setJumpingToEnd(true);
      setKeepLoading(true);
    } else if (messages.length > 0) virtualizer.scrollToIndex(messages.length - 1, { align: "end" });
  }, [hasMore, messages.length, virtualizer, setKeepLoading]);

  const cancelJump = useCallback(() => {
    setJumpingToEnd(false);
    setKeepLoading(false);
  }, [setKeepLoading]);

  const onCopyLink = useCallback(
    (message: Message) =>
      void copyMessageLink(messageLink(window.location.origin, connectionId, conversationId, message.id)),
    [connectionId, conversationId],
  );

  const loadedText = `${formatCount(messages.length)}${total !== null ? ` of ${formatCount(total)}` : hasMore ? "+" : ""} messages${hasMore ? " loaded" : ""}`;
  const loadingForLink = linkedMessageId !== null && linkState === "pending" && linkedIndex < 0;

  return (
    <div className="flex min-h-0 min-w-0 flex-1 flex-col">
      <div className="flex flex-wrap items-center gap-2 border-b px-3 py-2">
        <ThreadFindBar
          query={find.query}
          onQueryChange={find.setQuery}
          matchCount={find.matches.length}
          current={find.current}
          onNext={find.next}
          onPrevious={find.previous}
          partial={hasMore}
        />
        <div className="flex items-center gap-1">
          <Button variant="outline" size="sm" onClick={jumpToFirst}>
            <ArrowUpToLineIcon aria-hidden /> Jump to first
          </Button>
          <Button variant="outline" size="sm" onClick={jumpToLast} disabled={jumpingToEnd}>
            <ArrowDownToLineIcon aria-hidden /> Jump to last
          </Button>
        </div>
      </div>
      <div
        className="text-muted-foreground flex min-h-7 flex-wrap items-center gap-2 px-3 py-1 text-xs"
        aria-live="polite"
      >
        <span>{loadedText}</span>
        {jumpingToEnd || loadingForLink ? (
          <>
            <progress
              aria-label={
                jumpingToEnd
                  ? "Loading every message before jumping to the last"
                  : "Looking for the linked message"
              }
              className="h-1.5 w-32"
              max={total ?? undefined}
              value={total !== null ? messages.length : undefined}
            />
            <span>{jumpingToEnd ? "Loading every message…" : "Looking for the linked message…"}</span>
            <Button variant="ghost" size="sm" className="h-6 px-2 text-xs" onClick={cancelJump}>
              Stop loading
            </Button>
          </>
        ) : null}
        {linkState === "missing" ? <span role="alert">The linked message is not in this thread.</span> : null}
      </div>
      <div
        ref={scrollRef}
        role="region"
        aria-label="Messages"
        tabIndex={0}
        data-testid="thread-messages"
        className="min-h-0 flex-1 overflow-y-auto outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50 focus-visible:ring-inset"
      >
        {messages.length === 0 && !hasMore ? (
          <p className="text-muted-foreground p-6 text-center text-sm">This conversation has no messages.</p>
        ) : (
          <div role="list" className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
            {virtualItems.map((item) => {
              const message = messages[item.index];
              return (
                <div
                  key={item.key}
                  role="listitem"
                  aria-setsize={total ?? -1}
                  aria-posinset={item.index + 1}
                  data-index={item.index}
                  ref={virtualizer.measureElement}
                  className="absolute top-0 left-0 w-full px-3 py-1.5"
                  style={{ transform: `translateY(${item.start}px)` }}
                >
                  {message ? (
                    <MessageItem
                      message={message}
                      position={item.index + 1}
                      highlight={find.needle}
                      isCurrentMatch={item.index === currentMessageIndex}
                      isLinked={item.index === linkedIndex}
                      searchNeedles={item.index === linkedIndex ? needles : undefined}
                      onCopyLink={onCopyLink}
                    />
                  ) : (
                    <MessageLoaderRow
                      loading={data.isLoadingMore}
                      error={data.error}
                      onLoadMore={data.loadMore}
                      onRetry={data.retry}
                    />
                  )}
                </div>
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}
