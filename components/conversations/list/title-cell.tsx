"use client";
/**
 * The conversation cell: its name as a link to the full-page thread (a plain click opens it beside
 * the list instead; Ctrl/⌘-click or middle-click still opens the page), the preview under it, and
 * in narrow layouts the connection and last activity that have no column there. While the row is
 * being renamed it holds the inline rename form. A search result shows where it matched (a link to
 * the matching message), and a row of a connection whose sync fails says when it was last confirmed.
 */
import { RowLabels } from "@/components/labels/row-labels";
import { ProviderIcon } from "@/components/shell/provider-icon";
import { TimeAgo } from "@/components/ui/time-ago";
import { UntrustedText } from "@/components/ui/untrusted-text";
import type { Conversation } from "@/lib/model/conversation";
import { formatRelativeTime } from "@/lib/text/time-format";
import { flagHomeLabel } from "./cells";
import type { ConversationTableMeta } from "./table-meta";
import { conversationName, rowKey } from "./format";
import { MatchSnippet, primaryMatch } from "./match-snippet";
import { RenameForm } from "./rename-form";

export function TitleCell({
  conversation,
  meta,
  tabbable,
}: {
  conversation: Conversation;
  meta: ConversationTableMeta;
  tabbable: boolean;
}) {
  const name = conversationName(conversation);
  if (meta.renamingKey === rowKey(conversation)) {
    return (
      <RenameForm
        name={name}
        initialTitle={conversation.title ?? ""}
        home={flagHomeLabel(conversation.flagHomes.title, conversation)}
        onSave={(title) => meta.saveRename(conversation, title)}
        onCancel={meta.cancelRename}
      />
    );
  }
  const activity = conversation.lastActivityAt ?? conversation.createdAt;
  const match = primaryMatch(conversation);
  const matchedMessage = match?.messageId ?? null;
  const stale = meta.failingConnections.has(conversation.connectionId) && conversation.confirmedAt;
  return (
    <div className="flex min-w-0 flex-col gap-0.5">
      <a
        href={meta.fullPageHref(conversation)}
        tabIndex={tabbable ? 0 : -1}
        className={
          conversation.title
            ? "truncate font-medium outline-none hover:underline focus-visible:underline"
            : "text-muted-foreground truncate italic outline-none hover:underline focus-visible:underline"
        }
        onClick={(event) => {
          if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
          event.preventDefault();
          meta.open(conversation);
        }}
      >
        <bdi>{name}</bdi>
      </a>
      <RowLabels labelIds={conversation.labelIds} />
      {match ? (
        <MatchSnippet
          match={match}
          href={matchedMessage ? meta.messageHref(conversation, matchedMessage) : null}
          tabbable={tabbable}
          onOpen={() => {
            if (matchedMessage) meta.openAtMessage(conversation, matchedMessage);
          }}
        />
      ) : conversation.title && conversation.preview ? (
        <UntrustedText plain text={conversation.preview} className="text-muted-foreground truncate text-xs" />
      ) : null}
      {stale ? (
        <span className="text-warning text-xs" data-testid="last-confirmed">
          Last confirmed <TimeAgo iso={stale} now={meta.now} focusable={tabbable} />
        </span>
      ) : null}
      <span className="text-muted-foreground flex min-w-0 items-center gap-1.5 text-xs @2xl:hidden">
        <ProviderIcon provider={conversation.provider} className="size-4 text-[8px]" />
        <UntrustedText text={conversation.connectionName} className="truncate" />
        {activity ? (
          <time dateTime={activity} className="shrink-0 @md:hidden">
            · {formatRelativeTime(activity, meta.now) ?? "unknown"}
          </time>
        ) : null}
      </span>
    </div>
  );
}
