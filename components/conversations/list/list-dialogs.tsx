"use client";
/**
 * The list's keyboard dialogs: the command palette and the shortcuts dialog. Both load on first
 * use (they are not needed to show the list, and cmdk is not small), then stay mounted so closing
 * animates and hands focus back where it was.
 */
import dynamic from "next/dynamic";
import { useState } from "react";
import type { CommandPaletteProps, PaletteAction } from "@/components/conversations/keyboard/command-palette";
import type { View } from "@/lib/conversations/api-schemas";

const CommandPalette = dynamic(
  () => import("@/components/conversations/keyboard/command-palette").then((module) => module.CommandPalette),
  { ssr: false },
);
const ShortcutsDialog = dynamic(
  () =>
    import("@/components/conversations/keyboard/shortcuts-dialog").then((module) => module.ShortcutsDialog),
  { ssr: false },
);

export type PaletteRequest = "palette" | "shortcuts" | null;

/**
 * Runs `callback` once no dialog is left in the page, i.e. after a closing dialog has returned
 * focus. Palette actions that move focus themselves (rename, open) must not have it taken back.
 */
export function afterOverlaysClose(callback: () => void): void {
  const started = performance.now();
  const check = () => {
    const open = document.querySelector('[role="dialog"], [role="alertdialog"]') !== null;
    if (open && performance.now() - started < 1_000) requestAnimationFrame(check);
    else callback();
  };
  requestAnimationFrame(check);
}

export interface ListDialogsProps extends Omit<CommandPaletteProps, "open" | "onOpenChange" | "onAction"> {
  dialog: PaletteRequest;
  onDialogChange: (dialog: PaletteRequest) => void;
  onAction: (action: PaletteAction) => void;
  view: View;
}

export function ListDialogs({ dialog, onDialogChange, onAction, ...palette }: ListDialogsProps) {
  const [used, setUsed] = useState({ palette: false, shortcuts: false });
  if (dialog === "palette" && !used.palette) setUsed({ ...used, palette: true });
  if (dialog === "shortcuts" && !used.shortcuts) setUsed({ ...used, shortcuts: true });
  return (
    <>
      {used.palette ? (
        <CommandPalette
          {...palette}
          open={dialog === "palette"}
          onOpenChange={(open) => onDialogChange(open ? "palette" : null)}
          onAction={(action) => afterOverlaysClose(() => onAction(action))}
          onView={(view) => afterOverlaysClose(() => palette.onView(view))}
          onConnection={(connection) => afterOverlaysClose(() => palette.onConnection(connection))}
          onOpenConversation={(conversation) =>
            afterOverlaysClose(() => palette.onOpenConversation(conversation))
          }
        />
      ) : null}
      {used.shortcuts ? (
        <ShortcutsDialog
          open={dialog === "shortcuts"}
          onOpenChange={(open) => onDialogChange(open ? "shortcuts" : null)}
        />
      ) : null}
    </>
  );
}
