"use client";
/**
 * One message of a thread: who said it (role-aware, the provider's own word for unknown roles),
 * when (relative, the exact time in `<time>` and its tooltip) or its position when the provider
 * gives no time, the text as sanitized markdown, tool calls, sources, rating and cost, and a
 * "Copy link" button for sharing this exact message. Parley's internal notes about the message
 * show under it, and "Add note about this message" starts one in the side panel.
 */
import {
  BotIcon,
  CogIcon,
  HeadsetIcon,
  LinkIcon,
  NotebookPenIcon,
  UserIcon,
  WrenchIcon,
  type LucideIcon,
} from "lucide-react";
import { memo } from "react";
import { MessageNotes } from "@/components/notes/message-notes";
import { useNotesThread } from "@/components/notes/notes-context";
import { Button } from "@/components/ui/button";
import type { Message, MessageRole } from "@/lib/model/conversation";
import { cn } from "@/lib/utils";
import { TimeAgo } from "@/components/ui/time-ago";
import { roleLabel } from "./format";
import { costText, RatingNote, SourceList, ToolCallBlock, ToolResultBlock } from "./message-parts";
import { SafeMarkdown } from "./safe-markdown";

const roleIcons: Record<MessageRole, LucideIcon> = {
  user: UserIcon,
  assistant: BotIcon,
  system: CogIcon,
  developer: CogIcon,
  tool: WrenchIcon,
  human_agent: HeadsetIcon,
  unknown: CogIcon,
};

const roleStyles: Record<MessageRole, string> = {
  user: "bg-muted/60",
  assistant: "bg-card",
  human_agent: "bg-card border-l-4 border-l-primary",
  system: "border-dashed text-muted-foreground",
  developer: "border-dashed text-muted-foreground",
  tool: "border-dashed",
  unknown: "border-dashed",
};

export interface MessageItemProps {
  message: Message;
  /** 1-based position in the whole thread. */
  position: number;
  /** Text to mark (find in thread), or "". */
  highlight: string;
  isCurrentMatch: boolean;
  /** The message a `?message=` link points at. */
  isLinked: boolean;
  /** Words of the list search that led here (`searchNeedles`), marked in the linked message. */
  searchNeedles?: readonly string[];
  onCopyLink: (message: Message) => void;
}

export const MessageItem = memo(function MessageItem({
  message,
  position,
  highlight,
  isCurrentMatch,
  isLinked,
  searchNeedles,
  onCopyLink,
}: MessageItemProps) {
  const Icon = roleIcons[message.role];
  const label = roleLabel(message);
  const isTool = message.role === "tool";
  const notes = useNotesThread();
  return (
    <article
      aria-label={`${label}, message ${position}`}
      data-message-id={message.id}
      data-current-match={isCurrentMatch ? "" : undefined}
      data-linked={isLinked ? "" : undefined}
      className={cn(
        "min-w-0 rounded-lg border px-3 py-2",
        roleStyles[message.role],
        isLinked && "ring-primary ring-2",
        isCurrentMatch && "ring-2 ring-amber-500",
      )}
    >
      <header className="text-muted-foreground flex min-w-0 flex-wrap items-center gap-x-2 text-xs">
        <Icon className="size-3.5" aria-hidden />
        <span className="text-foreground font-medium">{label}</span>
        {message.createdAt && !Number.isNaN(Date.parse(message.createdAt)) ? (
          <TimeAgo iso={message.createdAt} />
        ) : (
          <span title="The provider gives no time for this message">#{position}</span>
        )}
        {message.cost ? <span>{costText(message.cost)}</span> : null}
        {notes ? (
          <Button
            variant="ghost"
            size="icon-sm"
            className="ml-auto size-6"
            aria-label={`Add note about message ${position}`}
            title="Add note about this message"
            onClick={() => notes.noteAbout(message.id)}
          >
            <NotebookPenIcon className="size-3.5" aria-hidden />
          </Button>
        ) : null}
        <Button
          variant="ghost"
          size="icon-sm"
          className={cn("size-6", !notes && "ml-auto")}
          aria-label={`Copy link to message ${position}`}
          title="Copy link"
          onClick={() => onCopyLink(message)}
        >
          <LinkIcon className="size-3.5" aria-hidden />
        </Button>
      </header>
      {isTool ? (
        <ToolResultBlock text={message.text} toolCallId={message.toolCallId} />
      ) : message.text ? (
        <SafeMarkdown text={message.text} highlight={highlight || undefined} searchNeedles={searchNeedles} />
      ) : null}
      {message.toolCalls.map((call, index) => (
        <ToolCallBlock key={call.id ?? index} call={call} />
      ))}
      {message.sources.length > 0 ? <SourceList sources={message.sources} /> : null}
      {message.rating !== null ? <RatingNote rating={message.rating} /> : null}
      {notes ? <MessageNotes notes={notes.notes} messageId={message.id} /> : null}
    </article>
  );
});
