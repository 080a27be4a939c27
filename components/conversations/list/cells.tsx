"use client";
/**
 * The cells of a conversation row. Provider content (titles, previews, names) is untrusted and is
 * only ever rendered as React text, never as HTML.
 */
import { filterValueLabel } from "@/lib/model/filter-labels";
import { ArchiveIcon, BanIcon, StarIcon, Trash2Icon } from "lucide-react";
import type { ReactNode } from "react";
import { ProviderIcon } from "@/components/shell/provider-icon";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import { providerLabels } from "@/lib/model/constants";
import type { Conversation, FlagHome } from "@/lib/model/conversation";
import { cn } from "@/lib/utils";
import { formatCost, formatExactTime, formatRelativeTime, formatTokens } from "./format";

const muted = <span className="text-muted-foreground">—</span>;

/** Where a flag lives, in words: "in Chatling" (at the provider) or "in Parley" (the overlay). */
export function flagHomeLabel(home: FlagHome, conversation: Pick<Conversation, "provider">): string {
  return home === "provider" ? `in ${providerLabels[conversation.provider]}` : "in Parley";
}

/** The connection (provider icon and name) and, under it, the channel type and name when known. */
export function ConnectionCell({ conversation }: { conversation: Conversation }) {
  const channel = conversation.channel;
  const channelText = [channel?.type ? filterValueLabel("channelType", channel.type) : null, channel?.name]
    .filter(Boolean)
    .join(" · ");
  return (
    <span className="flex max-w-36 min-w-0 flex-col">
      <span className="flex min-w-0 items-center gap-1.5">
        <ProviderIcon provider={conversation.provider} />
        <span className="truncate">{conversation.connectionName}</span>
      </span>
      {channelText ? (
        <span className="text-muted-foreground truncate text-xs" title={channelText}>
          <span className="sr-only">Channel: </span>
          {channelText}
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
      <span className="truncate">{responder?.name ?? "Unknown responder"}</span>
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
      <span className="truncate">{owner.name ?? owner.identifier}</span>
      {owner.name && owner.identifier && owner.identifier !== owner.name ? (
        <span className="text-muted-foreground truncate text-xs">{owner.identifier}</span>
      ) : null}
    </span>
  );
}

export function StatusCell({ conversation }: { conversation: Conversation }) {
  if (!conversation.status) return muted;
  return (
    <span className="bg-muted rounded px-1.5 py-0.5 text-xs">
      {filterValueLabel("status", conversation.status)}
    </span>
  );
}

export function LastActivityCell({ conversation, now }: { conversation: Conversation; now: number }) {
  const iso = conversation.lastActivityAt ?? conversation.createdAt;
  if (!iso) return muted;
  return (
    <Tooltip>
      <TooltipTrigger asChild>
        <time dateTime={iso} className="text-muted-foreground whitespace-nowrap">
          {formatRelativeTime(iso, now)}
        </time>
      </TooltipTrigger>
      <TooltipContent>{formatExactTime(iso)}</TooltipContent>
    </Tooltip>
  );
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
  return (
    <span className="flex items-center gap-1">
      <Tooltip>
        <TooltipTrigger asChild>
          <button
            type="button"
            tabIndex={tabbable ? 0 : -1}
            aria-pressed={flags.important}
            aria-label={`Important, ${importantHome}`}
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
