"use client";
/**
 * The command palette (Ctrl/⌘+K): switch view, filter to one connection, find a conversation of
 * the list by its title, act on the current conversation (important, archive, rename, trash,
 * open) and toggle the theme. Each item shows its shortcut when it has one, from `shortcuts.ts`.
 * Ranking (`palette-ranking.ts`) puts navigation above actions, and actions that change a
 * conversation last, for a partial match.
 */
import {
  ArchiveIcon,
  BookmarkIcon,
  ExternalLinkIcon,
  MessageSquareTextIcon,
  InboxIcon,
  LayersIcon,
  MoonIcon,
  PencilIcon,
  PlugIcon,
  StarIcon,
  SunIcon,
  Trash2Icon,
  UndoIcon,
} from "lucide-react";
import { useTheme } from "next-themes";
import { useState, type ReactNode } from "react";
import {
  CommandDialog,
  CommandEmpty,
  CommandGroup,
  CommandInput,
  CommandItem,
  CommandList,
  CommandShortcut,
} from "@/components/ui/command";
import { views, type View } from "@/lib/model/constants";
import type { Conversation } from "@/lib/model/conversation";
import { viewLabels } from "@/components/conversations/list/views";
import { untrustedLabel } from "@/components/ui/untrusted-text";
import { kindKeyword, paletteFilter } from "./palette-ranking";
import { shortcutById, type Shortcut } from "./shortcuts";

export type PaletteAction = "important" | "archive" | "rename" | "trash" | "open";

export interface PaletteConnection {
  id: string;
  name: string;
}

const viewIcons: Record<View, typeof InboxIcon> = {
  inbox: InboxIcon,
  important: StarIcon,
  archived: ArchiveIcon,
  trash: Trash2Icon,
  all: LayersIcon,
};

export interface CommandPaletteProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  view: View;
  onView: (view: View) => void;
  connections: PaletteConnection[];
  onConnection: (connectionId: string | null) => void;
  /** The conversation under the list's cursor; its actions are offered when set. */
  current: { conversation: Conversation; name: string } | null;
  onAction: (action: PaletteAction) => void;
  /** The list's conversations, found by title once something is typed. */
  conversations: { key: string; name: string; conversation: Conversation }[];
  onOpenConversation: (conversation: Conversation) => void;
  /** Saved views (personal, then shared), opened by their link. */
  savedViews?: { id: string; name: string; href: string; shared: boolean }[];
  onSavedView?: (href: string) => void;
}

/** Characters typed before conversations are offered (an empty search lists commands only). */
const CONVERSATION_SEARCH_MIN = 2;

/**
 * cmdk tells items apart by their value, so two conversations with one title get "(2)", "(3)"
 * after it; ids stay out of the value, where they would match searches by accident.
 */
function distinctNames(conversations: CommandPaletteProps["conversations"]) {
  const seen = new Map<string, number>();
  return conversations.map((item) => {
    const count = (seen.get(item.name) ?? 0) + 1;
    seen.set(item.name, count);
    return { ...item, value: count === 1 ? item.name : `${item.name} (${count})` };
  });
}

function ShortcutHint({ id }: { id: Shortcut["id"] }) {
  return <CommandShortcut>{shortcutById(id).display.join(" ")}</CommandShortcut>;
}

export function CommandPalette({
  open,
  onOpenChange,
  view,
  onView,
  connections,
  onConnection,
  current,
  onAction,
  conversations,
  onOpenConversation,
  savedViews = [],
  onSavedView,
}: CommandPaletteProps) {
  const { resolvedTheme, setTheme } = useTheme();
  const [search, setSearch] = useState("");
  const run = (action: () => void) => {
    onOpenChange(false);
    action();
  };
  const flags = current?.conversation.flags;
  const currentActions: {
    action: PaletteAction;
    value: string;
    keywords: string[];
    icon: ReactNode;
  }[] = flags
    ? [
        {
          action: "open",
          value: "Open conversation",
          keywords: ["action", "view", "read", kindKeyword("action")],
          icon: <ExternalLinkIcon aria-hidden="true" />,
        },
        {
          action: "important",
          value: flags.important ? "Remove important" : "Mark important",
          keywords: ["action", "star", "flag", kindKeyword("action")],
          icon: <StarIcon aria-hidden="true" />,
        },
        ...(view !== "trash"
          ? [
              {
                action: "archive" as const,
                value: flags.archived ? "Move back to inbox" : "Archive",
                keywords: ["action", "unarchive", "done", kindKeyword("destructive")],
                icon: <ArchiveIcon aria-hidden="true" />,
              },
            ]
          : []),
        {
          action: "rename",
          value: "Rename",
          keywords: ["action", "title", kindKeyword("action")],
          icon: <PencilIcon aria-hidden="true" />,
        },
        {
          action: "trash",
          value: flags.trashed ? "Restore from trash" : "Move to trash",
          keywords: ["action", "delete", "trash", "restore", kindKeyword("destructive")],
          icon: flags.trashed ? <UndoIcon aria-hidden="true" /> : <Trash2Icon aria-hidden="true" />,
        },
      ]
    : [];
  // cmdk sorts items inside a group but (in 1.1.1) not the groups themselves, so the group of
  // actions on the current conversation goes first only while nothing is typed or one of its
  // items outranks every view; otherwise it goes last and Enter runs the best navigation.
  const best = (items: readonly { value: string; keywords: string[] }[]) =>
    Math.max(0, ...items.map((item) => paletteFilter(item.value, search, item.keywords)));
  const viewItems = views.map((candidate) => ({
    value: `Go to ${viewLabels[candidate]}`,
    keywords: ["view", viewLabels[candidate], kindKeyword("navigation")],
  }));
  const currentFirst = search.trim() === "" || best(currentActions) >= best(viewItems);
  const currentGroup =
    current && currentActions.length > 0 ? (
      <CommandGroup heading={`Current: ${current.name}`}>
        {currentActions.map((item) => (
          <CommandItem
            key={item.action}
            value={item.value}
            keywords={item.keywords}
            onSelect={() => run(() => onAction(item.action))}
          >
            {item.icon}
            {item.value}
            <ShortcutHint id={item.action} />
          </CommandItem>
        ))}
      </CommandGroup>
    ) : null;
  return (
    <CommandDialog
      open={open}
      onOpenChange={onOpenChange}
      description="Switch view, filter, find a conversation by title, act on the current conversation."
      commandProps={{ filter: paletteFilter }}
    >
      <CommandInput
        placeholder="Type a command, a view or a title…"
        value={search}
        onValueChange={setSearch}
      />
      <CommandList>
        <CommandEmpty>No command matches.</CommandEmpty>
        {currentFirst ? currentGroup : null}
        <CommandGroup heading="Views">
          {views.map((candidate) => {
            const Icon = viewIcons[candidate];
            return (
              <CommandItem
                key={candidate}
                value={`Go to ${viewLabels[candidate]}`}
                keywords={viewItems[views.indexOf(candidate)]?.keywords}
                onSelect={() => run(() => onView(candidate))}
                data-current={candidate === view || undefined}
              >
                <Icon aria-hidden="true" />
                Go to {viewLabels[candidate]}
                {candidate === view ? (
                  <span className="text-muted-foreground ml-auto text-xs">current</span>
                ) : null}
              </CommandItem>
            );
          })}
        </CommandGroup>
        {savedViews.length > 0 && onSavedView ? (
          <CommandGroup heading="Saved views">
            {savedViews.map((saved) => (
              <CommandItem
                key={saved.id}
                value={`Open view ${untrustedLabel(saved.name)} ${saved.id}`}
                keywords={["view", "saved", saved.shared ? "shared" : "personal", kindKeyword("navigation")]}
                onSelect={() => run(() => onSavedView(saved.href))}
              >
                <BookmarkIcon aria-hidden="true" />
                Open view <bdi className="min-w-0 truncate">{untrustedLabel(saved.name)}</bdi>
                {saved.shared ? <span className="text-muted-foreground ml-auto text-xs">shared</span> : null}
              </CommandItem>
            ))}
          </CommandGroup>
        ) : null}
        <CommandGroup heading="Connections">
          <CommandItem
            value="All connections"
            keywords={["connection", "filter", "reset", kindKeyword("navigation")]}
            onSelect={() => run(() => onConnection(null))}
          >
            <PlugIcon aria-hidden="true" />
            All connections
          </CommandItem>
          {connections.map((connection) => (
            <CommandItem
              key={connection.id}
              value={`Only ${untrustedLabel(connection.name)} ${connection.id}`}
              keywords={["connection", "filter", connection.id, kindKeyword("navigation")]}
              onSelect={() => run(() => onConnection(connection.id))}
            >
              <PlugIcon aria-hidden="true" />
              Only <bdi>{untrustedLabel(connection.name)}</bdi>
            </CommandItem>
          ))}
        </CommandGroup>
        {search.trim().length >= CONVERSATION_SEARCH_MIN && conversations.length > 0 ? (
          <CommandGroup heading="Conversations">
            {distinctNames(conversations).map(({ key, name, value, conversation }) => (
              <CommandItem
                key={key}
                value={value}
                keywords={["conversation", "open", kindKeyword("conversation")]}
                onSelect={() => run(() => onOpenConversation(conversation))}
              >
                <MessageSquareTextIcon aria-hidden="true" />
                <bdi className="min-w-0 truncate">{name}</bdi>
                <span className="text-muted-foreground ml-auto shrink-0 text-xs">
                  <bdi>{untrustedLabel(conversation.connectionName)}</bdi>
                </span>
              </CommandItem>
            ))}
          </CommandGroup>
        ) : null}
        <CommandGroup heading="Appearance">
          <CommandItem
            value="Toggle theme"
            keywords={["dark", "light", "mode", "appearance", kindKeyword("setting")]}
            onSelect={() => run(() => setTheme(resolvedTheme === "dark" ? "light" : "dark"))}
          >
            {resolvedTheme === "dark" ? <SunIcon aria-hidden="true" /> : <MoonIcon aria-hidden="true" />}
            Toggle theme ({resolvedTheme === "dark" ? "switch to light" : "switch to dark"})
          </CommandItem>
        </CommandGroup>
        {currentFirst ? null : currentGroup}
      </CommandList>
    </CommandDialog>
  );
}
