"use client";
/**
 * The command palette (Ctrl/⌘+K): switch view, filter to one connection, act on the current
 * conversation (important, archive, rename, trash, open) and toggle the theme. Each item shows
 * its shortcut when it has one, from `shortcuts.ts`.
 */
import {
  ArchiveIcon,
  ExternalLinkIcon,
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
}: CommandPaletteProps) {
  const { resolvedTheme, setTheme } = useTheme();
  const run = (action: () => void) => {
    onOpenChange(false);
    action();
  };
  const flags = current?.conversation.flags;
  return (
    <CommandDialog
      open={open}
      onOpenChange={onOpenChange}
      description="Switch view, filter, act on the current conversation."
    >
      <CommandInput placeholder="Type a command or a view…" />
      <CommandList>
        <CommandEmpty>No command matches.</CommandEmpty>
        {current && flags ? (
          <CommandGroup heading={`Current: ${current.name}`}>
            <CommandItem
              value="Open conversation"
              keywords={["action", "view", "read"]}
              onSelect={() => run(() => onAction("open"))}
            >
              <ExternalLinkIcon aria-hidden="true" />
              Open conversation
              <ShortcutHint id="open" />
            </CommandItem>
            <CommandItem
              value={flags.important ? "Remove important" : "Mark important"}
              keywords={["action", "star", "flag"]}
              onSelect={() => run(() => onAction("important"))}
            >
              <StarIcon aria-hidden="true" />
              {flags.important ? "Remove important" : "Mark important"}
              <ShortcutHint id="important" />
            </CommandItem>
            {view !== "trash" ? (
              <CommandItem
                value={flags.archived ? "Move back to inbox" : "Archive"}
                keywords={["action", "unarchive", "done"]}
                onSelect={() => run(() => onAction("archive"))}
              >
                <ArchiveIcon aria-hidden="true" />
                {flags.archived ? "Move back to inbox" : "Archive"}
                <ShortcutHint id="archive" />
              </CommandItem>
            ) : null}
            <CommandItem
              value="Rename"
              keywords={["action", "title"]}
              onSelect={() => run(() => onAction("rename"))}
            >
              <PencilIcon aria-hidden="true" />
              Rename
              <ShortcutHint id="rename" />
            </CommandItem>
            <CommandItem
              value={flags.trashed ? "Restore from trash" : "Move to trash"}
              keywords={["action", "delete", "trash", "restore"]}
              onSelect={() => run(() => onAction("trash"))}
            >
              {flags.trashed ? <UndoIcon aria-hidden="true" /> : <Trash2Icon aria-hidden="true" />}
              {flags.trashed ? "Restore from trash" : "Move to trash"}
              <ShortcutHint id="trash" />
            </CommandItem>
          </CommandGroup>
        ) : null}
        <CommandGroup heading="Views">
          {views.map((candidate) => {
            const Icon = viewIcons[candidate];
            return (
              <CommandItem
                key={candidate}
                value={`Go to ${viewLabels[candidate]}`}
                keywords={["view", viewLabels[candidate]]}
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
        <CommandGroup heading="Connections">
          <CommandItem
            value="All connections"
            keywords={["connection", "filter", "reset"]}
            onSelect={() => run(() => onConnection(null))}
          >
            <PlugIcon aria-hidden="true" />
            All connections
          </CommandItem>
          {connections.map((connection) => (
            <CommandItem
              key={connection.id}
              value={`Only ${connection.name} ${connection.id}`}
              keywords={["connection", "filter", connection.id]}
              onSelect={() => run(() => onConnection(connection.id))}
            >
              <PlugIcon aria-hidden="true" />
              Only {connection.name}
            </CommandItem>
          ))}
        </CommandGroup>
        <CommandGroup heading="Appearance">
          <CommandItem
            value="Toggle theme"
            keywords={["dark", "light", "mode", "appearance"]}
            onSelect={() => run(() => setTheme(resolvedTheme === "dark" ? "light" : "dark"))}
          >
            {resolvedTheme === "dark" ? <SunIcon aria-hidden="true" /> : <MoonIcon aria-hidden="true" />}
            Toggle theme ({resolvedTheme === "dark" ? "switch to light" : "switch to dark"})
          </CommandItem>
        </CommandGroup>
      </CommandList>
    </CommandDialog>
  );
}
