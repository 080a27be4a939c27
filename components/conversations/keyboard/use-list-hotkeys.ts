"use client";
/**
 * Binds the list's shortcuts (from `shortcuts.ts`) to their handlers. `useHotkeys` already keeps
 * them away from text fields, menus and IME composition; `enabled` turns them off while a dialog,
 * the palette or the narrow-screen sheet owns the keyboard, and `blocked` is asked at key time
 * (for overlays the list does not own, such as a filter popover or a dialog of the thread view).
 */
import { useHotkeys } from "@/lib/hooks/use-hotkeys";
import { shortcuts, type Shortcut } from "./shortcuts";

export type ListShortcutHandlers = Record<Shortcut["id"], () => void>;

export function useListHotkeys(
  handlers: ListShortcutHandlers,
  options: { enabled: boolean; blocked?: () => boolean },
): void {
  const { enabled, blocked } = options;
  const map = Object.fromEntries(
    shortcuts.map((shortcut) => [
      shortcut.key,
      () => {
        if (!blocked?.()) handlers[shortcut.id]();
      },
    ]),
  );
  useHotkeys(map, { enabled });
}
