"use client";
/**
 * The conversation open beside the list (`?open=<connectionId>~<conversationId>`), shown by the
 * thread view (`variant="panel"`), which brings its own Close button, "Open full page" link
 * (with the list's query string, so previous/next keep working there) and Escape. On wide
 * screens it sits next to the list; on narrow ones (768 px) it is a modal sheet over the list,
 * whose Escape and Close give focus back to the row.
 *
 * The thread view is loaded on first open: markdown rendering is not needed to show the list.
 */
import { rowKey } from "@/lib/model/row-key";
import dynamic from "next/dynamic";
import { Sheet, SheetContent } from "@/components/ui/sheet";
import { Skeleton } from "@/components/ui/skeleton";
import type { Conversation } from "@/lib/model/conversation";
import { conversationName } from "./format";

function PanelLoading() {
  return (
    <div className="flex flex-col gap-3 p-4" aria-busy="true">
      <span className="sr-only" role="status">
        Loading the conversation…
      </span>
      <Skeleton className="h-6 w-2/3" />
      <Skeleton className="h-4 w-1/3" />
      <Skeleton className="h-24 w-full" />
      <Skeleton className="h-24 w-5/6" />
    </div>
  );
}

const ThreadView = dynamic(
  () => import("@/components/conversations/thread/thread-view").then((module) => module.ThreadView),
  { ssr: false, loading: PanelLoading },
);

export interface ConversationPanelProps {
  connectionId: string;
  conversationId: string;
  /** The list row, when the open conversation is on this page (names the sheet). */
  conversation: Conversation | null;
  mode: "split" | "sheet";
  onClose: () => void;
}

export function ConversationPanel({
  connectionId,
  conversationId,
  conversation,
  mode,
  onClose,
}: ConversationPanelProps) {
  const thread = (
    <ThreadView
      key={rowKey(connectionId, conversationId)}
      connectionId={connectionId}
      conversationId={conversationId}
      variant="panel"
      onClose={onClose}
    />
  );
  const title = conversation ? conversationName(conversation) : "Conversation";

  if (mode === "sheet") {
    return (
      <Sheet open onOpenChange={(open) => (open ? undefined : onClose())}>
        <SheetContent
          side="right"
          title={title}
          hideHeader
          hideClose
          className="w-full gap-0 p-0 sm:max-w-2xl [&>[data-slot=sheet-body]]:px-0 [&>[data-slot=sheet-body]]:pb-0 [&_header]:pr-12"
        >
          {thread}
        </SheetContent>
      </Sheet>
    );
  }
  return (
    <div data-testid="conversation-panel" className="flex min-h-0 min-w-0 flex-1 flex-col border-l">
      {thread}
    </div>
  );
}
