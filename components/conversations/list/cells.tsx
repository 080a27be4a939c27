"use client";
/**
 * The cells of a conversation row. Provider content (titles, previews, names) is untrusted and is
 * only ever rendered as React text, never as HTML.
 */
import { filterValueLabel } from "@/lib/model/filter-labels";
import { ArchiveIcon, BanIcon, StarIcon, Trash2Icon } from "lucide-react";
import type { ReactNode } from "react";
import { ProviderIcon } from "@/components/shell/provider-icon";
import { TimeAgo } from "@/components/ui/time-ago";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import { UntrustedText, untrustedLabel } from "@/components/ui/untrusted-text";
import { providerLabels } from "@/lib/model/constants";
import type { Conversation, FlagHome } from "@/lib/model/conversation";
import { cn } from "@/lib/utils";
import { conversationName, formatCost, formatTokens } from "./format";

const muted = <span className="text-muted-foreground">—</span>;

/** Where a flag lives, in words: "in Chatling" (at the provider) or "in Parley" (the overlay). */
export function flagHomeLabel(home: FlagHome, conversation: Pick<Conversation, "provider">): string {
  return home === "provider" ? `in ${providerLabels[conversation.provider]}` : "in Parley";
}

/** The connection (provider icon and name) and, under it, the channel type and name when known. */
export function ConnectionCell({ conversation }: { conversation: Conversation }) {
  const channel = conversation.channel;
  const channelText = untrustedLabel(
    [channel?.type ? filterValueLabel("channelType", channel.type) : null, channel?.name]
      .filter(Boolean)
      .join(" · "),
  );
  return (
    <span className="flex max-w-36 min-w-0 flex-col">
      <span className="flex min-w-0 items-center gap-1.5">
        <ProviderIcon provider={conversation.provider} />
        <UntrustedText text={conversation.connectionName} className="truncate" />
      </span>
      {channelText ? (
        <span className="text-muted-foreground truncate text-xs" title={channelText}>
          <span className="sr-only">Channel: </span>
          <bdi>{channelText}</bdi>
        </span>
      ) : null}
    </span>
  );
}

export function ResponderCell({ conversation }: { conversation: Conversation }) {
  const { responder, version } = conversation;
  if (!responder?.name && !version) return muted;
  return (
    <span className="flex max-w-32 min-w-0 flex-col">
      {responder?.name ? (
        <UntrustedText text={responder.name} className="truncate" />
      ) : (
        <span className="truncate">Unknown responder</span>
      )}
      {version?.number != null ? (
        <span className="text-muted-foreground text-xs">Version {version.number}</span>
      ) : null}
    </span>
  );
}

export function OwnerCell({ conversation }: { conversation: Conversation }) {
  const owner = conversation.owner;
  if (!owner?.name && !owner?.identifier) return muted;
  return (
    <span className="flex max-w-36 min-w-0 flex-col">
      <UntrustedText text={owner.name ?? owner.identifier ?? ""} className="truncate" />
      {owner.name && owner.identifier && owner.identifier !== owner.name ? (
        <UntrustedText text={owner.identifier} className="text-muted-foreground truncate text-xs" />
      ) : null}
    </span>
  );
}

export function StatusCell({ conversation }: { conversation: Conversation }) {
  if (!conversation.status) return muted;
  return (
    <UntrustedText
      text={filterValueLabel("status", conversation.status)}
      className="bg-muted rounded px-1.5 py-0.5 text-xs"
    />
  );
}

export function LastActivityCell({
  conversation,
  now,
  tabbable,
}: {
  conversation: Conversation;
  now: number;
  /** Whether the time is in the tab order (only the current row's controls are). */
  tabbable: boolean;
}) {
  const iso = conversation.lastActivityAt ?? conversation.createdAt;
  if (!iso) return muted;
  return <TimeAgo iso={iso} now={now} focusable={tabbable} className="text-muted-foreground" />;
}

export function CostCell({ conversation }: { conversation: Conversation }) {
  const text = formatCost(conversation.cost);
  const tokens = formatTokens(conversation.cost);
  return (
    <span
      className={cn("tabular-nums", text === "unknown" && "text-muted-foreground italic")}
      title={
        text === "unknown"
          ? `${providerLabels[conversation.provider]} reports no costs`
          : (tokens ?? undefined)
      }
    >
      {text}
    </span>
  );
}

export interface FlagsCellProps {
  conversation: Conversation;
  /** Whether the row's controls are in the tab order (only the current row's are). */
  tabbable: boolean;
  onToggleImportant: () => void;
}

export function FlagsCell({ conversation, tabbable, onToggleImportant }: FlagsCellProps) {
  const { flags, flagHomes } = conversation;
  const importantHome = flagHomeLabel(flagHomes.important, conversation);
  const name = conversationName(conversation);
  return (
    <span className="flex items-center gap-1">
      <Tooltip>
        <TooltipTrigger asChild>
          <button
            type="button"
            tabIndex={tabbable ? 0 : -1}
            aria-pressed={flags.important}
            aria-label={`Important: ${name} (${importantHome})`}
            onClick={onToggleImportant}
            className="hover:bg-accent focus-visible:ring-ring/50 inline-flex size-7 items-center justify-center rounded-md outline-none focus-visible:ring-[3px]"
          >
            <StarIcon
              aria-hidden="true"
              className={cn(
                "size-4",
                flags.important
                  ? "fill-amber-400 text-amber-600 dark:text-amber-400"
                  : "text-muted-foreground",
              )}
            />
          </button>
        </TooltipTrigger>
        <TooltipContent>
          {flags.important
            ? `Important (${importantHome}). Press S to remove.`
            : `Mark important (${importantHome}). Press S.`}
        </TooltipContent>
      </Tooltip>
      {flags.archived ? (
        <FlagIcon label={`Archived ${flagHomeLabel(flagHomes.archived, conversation)}`}>
          <ArchiveIcon aria-hidden="true" className="size-4" />
        </FlagIcon>
      ) : null}
      {flags.trashed ? (
        <FlagIcon label="In trash, in Parley">
          <Trash2Icon aria-hidden="true" className="text-destructive size-4" />
        </FlagIcon>
      ) : null}
      {flags.removedAtProvider ? (
        <FlagIcon label={`Removed at ${providerLabels[conversation.provider]}`}>
          <BanIcon aria-hidden="true" className="text-destructive size-4" />
        </FlagIcon>
      ) : null}
    </span>
  );
}

function FlagIcon({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Tooltip>
      <TooltipTrigger asChild>
        <span
          role="img"
          aria-label={label}
          className="text-muted-foreground inline-flex size-7 items-center justify-center"
        >
          {children}
        </span>
      </TooltipTrigger>
      <TooltipContent>{label}</TooltipContent>
    </Tooltip>
  );
}
