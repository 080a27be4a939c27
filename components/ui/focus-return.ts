"use client";

import { useRef } from "react";

/** The two auto-focus handlers Radix dialog-like contents accept. */
export interface FocusReturnHandlers {
  onOpenAutoFocus: (event: Event) => void;
  onCloseAutoFocus: (event: Event) => void;
}

/**
 * Returns focus, when a dialog closes, to the element that had it when the dialog opened.
 *
 * Radix dialogs return focus to their `Trigger`, and to nothing when there is none, which is the case
 * for a dialog opened from a keyboard shortcut or a menu item: focus would fall to `<body>` and the
 * user would lose their place in the list. This remembers the focused element at open time and
 * focuses it again at close time if it is still in the document; otherwise Radix's own behaviour
 * (focus the trigger) applies. The caller's handlers run first and may `preventDefault()` to opt out.
 */
export function useFocusReturn(handlers: Partial<FocusReturnHandlers>): FocusReturnHandlers {
  const previouslyFocused = useRef<HTMLElement | null>(null);
  const { onOpenAutoFocus, onCloseAutoFocus } = handlers;
  return {
    onOpenAutoFocus(event) {
      const active = typeof document === "undefined" ? null : document.activeElement;
      previouslyFocused.current = active instanceof HTMLElement && active !== document.body ? active : null;
      onOpenAutoFocus?.(event);
    },
    onCloseAutoFocus(event) {
      onCloseAutoFocus?.(event);
      if (event.defaultPrevented) return;
      const target = previouslyFocused.current;
      previouslyFocused.current = null;
      if (target?.isConnected) {
        event.preventDefault();
        target.focus({ preventScroll: true });
      }
    },
  };
}
