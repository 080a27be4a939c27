"use client";
/**
 * The conversation open beside the list (`?open=<connectionId>~<conversationId>`). On wide
 * screens it sits next to the list; on narrow ones (768 px) it is a sheet over the list, whose
 * Close button and Escape close it and give focus back to the row. Either way it offers the
 * full-page view, with the list's query string so previous/next keep working there.
 */
import { ExternalLinkIcon, XIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Kbd } from "@/components/ui/kbd";
import { Sheet, SheetContent } from "@/components/ui/sheet";
import type { Conversation } from "@/lib/conversations/model";
import { conversationName } from "./format";
import { ThreadPlaceholder } from "./thread-placeholder";

export interface ConversationPanelProps {
  connectionId: string;
  conversationId: string;
  /** The list row, when the open conversation is on this page (for the title while loading). */
  conversation: Conversation | null;
  fullPageHref: string;
  mode: "split" | "sheet";
  onClose: () => void;
}

function PanelBar({ fullPageHref, onClose, showClose }: { fullPageHref: string; onClose: () => void; showClose: boolean }) {
  return (
    <div className="flex shrink-0 items-center gap-2 border-b px-3 py-1.5 pr-12 text-sm">
      <a
        href={fullPageHref}
        className="text-primary focus-visible:ring-ring/50 inline-flex items-center gap-1 rounded-sm underline-offset-4 outline-none hover:underline focus-visible:ring-[3px]"
      >
        <ExternalLinkIcon aria-hidden="true" className="size-4" />
        Open full page
      </a>
      {showClose ? (
        <Button variant="ghost" size="sm" className="ml-auto h-7" aria-label="Close conversation" onClick={onClose}>
          <Kbd aria-hidden="true">Esc</Kbd>
          <XIcon aria-hidden="true" />
        </Button>
      ) : null}
    </div>
  );
}

export function ConversationPanel({
  connectionId,
  conversationId,
  conversation,
  fullPageHref,
  mode,
  onClose,
}: ConversationPanelProps) {
  const thread = (
    <ThreadPlaceholder key={`${connectionId}~${conversationId}`} conversation={conversation} />
  );
  const title = conversation ? conversationName(conversation) : "Conversation";

  if (mode === "sheet") {
    return (
      <Sheet open onOpenChange={(open) => (open ? undefined : onClose())}>
        <SheetContent side="right" title={title} hideHeader className="w-full gap-0 p-0 sm:max-w-2xl">
          <PanelBar fullPageHref={fullPageHref} onClose={onClose} showClose={false} />
          <div className="min-h-0 flex-1 overflow-y-auto">{thread}</div>
        </SheetContent>
      </Sheet>
    );
  }
  return (
    <aside aria-label={`Conversation: ${title}`} className="flex min-h-0 min-w-0 flex-1 flex-col border-l">
      <PanelBar fullPageHref={fullPageHref} onClose={onClose} showClose />
      <div className="min-h-0 flex-1 overflow-y-auto">{thread}</div>
    </aside>
  );
}
