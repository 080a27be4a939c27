"use client";
/**
 * The thread's keys (see `thread-shortcuts.ts`). On the full page every key works; beside the
 * list (`scope: "navigation"`) only Escape and `[` / `]` do, because the list owns the row keys
 * (s, e, #, z, j, k) for the selected row, which is the open conversation: binding them twice
 * would apply each change twice.
 */
import { useHotkeys, type HotkeyMap } from "@/lib/hooks/use-hotkeys";
import type { ModerationCommand } from "./moderation-toolbar";
import { threadShortcuts } from "./thread-shortcuts";

export interface ThreadHotkeyOptions {
  scope: "all" | "navigation";
  enabled: boolean;
  onCommand: (command: ModerationCommand) => void;
  onUndo: () => void;
  onLeave: () => void;
  onPrevious: () => void;
  onNext: () => void;
}

export function useThreadHotkeys({
  scope,
  enabled,
  onCommand,
  onUndo,
  onLeave,
  onPrevious,
  onNext,
}: ThreadHotkeyOptions): void {
  const navigation: HotkeyMap = {
    [threadShortcuts.close.key]: onLeave,
    [threadShortcuts.previous.key]: onPrevious,
    [threadShortcuts.next.key]: onNext,
  };
  const map: HotkeyMap =
    scope === "navigation"
      ? navigation
      : {
          ...navigation,
          [threadShortcuts.previous.alternative]: onPrevious,
          [threadShortcuts.next.alternative]: onNext,
          [threadShortcuts.important.key]: () => onCommand("important"),
          [threadShortcuts.archive.key]: () => onCommand("archive"),
          [threadShortcuts.rename.key]: () => onCommand("rename"),
          [threadShortcuts.trash.key]: () => onCommand("trash"),
          [threadShortcuts.undo.key]: onUndo,
        };
  useHotkeys(map, { enabled });
}
