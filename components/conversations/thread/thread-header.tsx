"use client";
/**
 * The thread's header: the way back (page) or Close / Open full page (panel), Previous / Next
 * conversation, the title (or the preview when there is none) with inline rename, and the
 * provider, connection, status and flags at a glance.
 */
import { ArrowLeftIcon, ChevronLeftIcon, ChevronRightIcon, ExternalLinkIcon, XIcon } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { ConversationLabels } from "@/components/labels/conversation-labels";
import { ProviderIcon } from "@/components/shell/provider-icon";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import type { ConversationDetail } from "@/lib/model/conversation";
import { UntrustedText, untrustedLabel } from "@/components/ui/untrusted-text";
import { flagHomeLabel } from "./flag-homes";
import { humanize } from "./format";
import { Heading, type HeadingLevel } from "./heading";
import { ThreadDownloadMenu } from "./thread-download-menu";
import { threadShortcuts } from "./thread-shortcuts";
import { TitleEditor } from "./title-editor";

/**
 * The title to show: the title, else the start of the preview, else the id; as plain text
 * (markdown marks dropped, invisible controls shown, see `UntrustedText`).
 */
export function displayTitle(conversation: Pick<ConversationDetail, "title" | "preview" | "id">): string {
  const title = untrustedLabel(conversation.title ?? "", { plain: true });
  if (title) return title;
  const preview = untrustedLabel(conversation.preview ?? "", { plain: true });
  if (preview) return preview.length > 90 ? `${preview.slice(0, 89)}…` : preview;
  return `Conversation ${untrustedLabel(conversation.id)}`;
}

function NavButton({
  label,
  keys,
  disabled,
  onClick,
  children,
}: {
  label: string;
  keys: string;
  disabled: boolean;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <Tooltip>
      <TooltipTrigger asChild>
        <Button
          variant="ghost"
          size="icon-sm"
          aria-label={label}
          aria-keyshortcuts={keys}
          disabled={disabled}
          onClick={onClick}
        >
          {children}
        </Button>
      </TooltipTrigger>
      <TooltipContent>
        {label} ({keys.split(" ").join(" or ")})
      </TooltipContent>
    </Tooltip>
  );
}

export interface ThreadHeaderProps {
  conversation: ConversationDetail;
  variant: "page" | "panel";
  headingLevel: HeadingLevel;
  /** Id for the title element, so the view can be labelled by it. */
  titleId: string;
  listHref: string;
  fullPageHref: string;
  onClose?: () => void;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
  renaming: boolean;
  onRenameSave: (title: string) => void;
  onRenameCancel: () => void;
  /** The moderation toolbar and other actions, under the title. */
  children: ReactNode;
}

export function ThreadHeader(props: ThreadHeaderProps) {
  const { conversation, variant, headingLevel, renaming } = props;
  const { flags } = conversation;
  const title = displayTitle(conversation);
  return (
    <header className="space-y-2 border-b px-3 py-2">
      <div className="flex items-center gap-1">
        {variant === "page" ? (
          <Button asChild variant="ghost" size="sm">
            <Link href={props.listHref}>
              <ArrowLeftIcon aria-hidden /> Conversations
            </Link>
          </Button>
        ) : (
          <>
            <Button
              variant="ghost"
              size="icon-sm"
              aria-label="Close conversation"
              aria-keyshortcuts="Escape"
              onClick={props.onClose}
            >
              <XIcon aria-hidden />
            </Button>
            <Button asChild variant="ghost" size="sm">
              <Link href={props.fullPageHref}>
                <ExternalLinkIcon aria-hidden /> Open full page
              </Link>
            </Button>
          </>
        )}
        <div className="ml-auto flex items-center">
          <ThreadDownloadMenu conversation={conversation} />
          <NavButton
            label="Previous conversation"
            keys={`${threadShortcuts.previous.key} ${threadShortcuts.previous.alternative}`}
            disabled={!props.hasPrevious}
            onClick={props.onPrevious}
          >
            <ChevronLeftIcon aria-hidden />
          </NavButton>
          <NavButton
            label="Next conversation"
            keys={`${threadShortcuts.next.key} ${threadShortcuts.next.alternative}`}
            disabled={!props.hasNext}
            onClick={props.onNext}
          >
            <ChevronRightIcon aria-hidden />
          </NavButton>
        </div>
      </div>
      <div className="flex min-w-0 items-start gap-2">
        {renaming ? (
          <TitleEditor
            initialTitle={conversation.title ?? ""}
            description={flagHomeLabel(conversation, "title")}
            onSave={props.onRenameSave}
            onCancel={props.onRenameCancel}
          />
        ) : (
          <Heading
            level={headingLevel}
            id={props.titleId}
            className={`min-w-0 flex-1 text-lg font-semibold [overflow-wrap:anywhere] ${conversation.title ? "" : "text-muted-foreground italic"}`}
          >
            <bdi>{title}</bdi>
          </Heading>
        )}
      </div>
      <div className="text-muted-foreground flex flex-wrap items-center gap-x-3 gap-y-1 text-xs">
        <span className="inline-flex items-center gap-1.5">
          <ProviderIcon provider={conversation.provider} />
          <UntrustedText text={conversation.connectionName} className="text-foreground" />
        </span>
        {conversation.status ? (
          <Badge variant="outline">Status: {humanize(conversation.status)}</Badge>
        ) : null}
        {flags.important ? <Badge variant="warning">Important</Badge> : null}
        {flags.archived ? <Badge variant="secondary">Archived</Badge> : null}
        {flags.trashed ? <Badge variant="destructive-subtle">In trash</Badge> : null}
        {flags.removedAtProvider ? <Badge variant="destructive-subtle">Deleted at provider</Badge> : null}
      </div>
      <ConversationLabels connectionId={conversation.connectionId} conversationId={conversation.id} />
      {props.children}
    </header>
  );
}
