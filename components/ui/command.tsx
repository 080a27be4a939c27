"use client";

import * as React from "react";
import { Command as CommandPrimitive } from "cmdk";
import { SearchIcon } from "lucide-react";

import { assignRef, keepActiveDescendantInSync } from "@/components/ui/command-active-descendant";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { cn } from "@/lib/utils";

/** Props of {@link Command}. */
export type CommandProps = Omit<React.ComponentProps<typeof CommandPrimitive>, "label"> & {
  /** Accessible name of the menu and its search field (not shown). Required: cmdk labels the input with it. */
  label: string;
};

/**
 * A filterable list of commands (cmdk): type to filter, arrow keys to move, Enter to run. Use it inline
 * (inside a popover, say) or through {@link CommandDialog} for a palette. The search field's
 * `aria-activedescendant` always names the highlighted item (see `keepActiveDescendantInSync`).
 */
export function Command({ className, ref, ...props }: CommandProps) {
  const rootRef = React.useCallback(
    (root: HTMLDivElement | null) => {
      assignRef(ref, root);
      if (root === null) return;
      const stop = keepActiveDescendantInSync(root);
      return () => {
        stop();
        assignRef(ref, null);
      };
    },
    [ref],
  );
  return (
    <CommandPrimitive
      ref={rootRef}
      data-slot="command"
      className={cn(
        "flex h-full w-full flex-col overflow-hidden rounded-md bg-popover text-popover-foreground",
        className,
      )}
      {...props}
    />
  );
}

/** Props of {@link CommandDialog}. */
export type CommandDialogProps = React.ComponentProps<typeof Dialog> & {
  /** The dialog's title and the menu's accessible name; visually hidden. */
  title?: string;
  /** Announced with the title; visually hidden. */
  description?: string;
  className?: string;
  /** Props for the inner {@link Command} (filtering, `value`, `loop`...). */
  commandProps?: Omit<CommandProps, "label" | "children">;
};

/**
 * A command palette: a {@link Command} in a modal dialog (focus trapped, Escape closes, focus
 * returns on close), anchored near the top so it does not jump as results filter. Open it from
 * `mod+k` with `useHotkeys`; the caller owns `open`/`onOpenChange`.
 */
export function CommandDialog({
  title = "Command palette",
  description = "Search for a conversation or a command to run.",
  children,
  className,
  commandProps,
  ...props
}: CommandDialogProps) {
  return (
    <Dialog {...props}>
      <DialogContent
        title={title}
        description={description}
        hideHeader
        className={cn("top-[15dvh] translate-y-0 gap-0 overflow-hidden p-0 sm:max-w-xl", className)}
      >
        <Command
          label={title}
          {...commandProps}
          className={cn(
            "**:data-[slot=command-input-wrapper]:h-12 **:data-[slot=command-input-wrapper]:pr-12 [&_[cmdk-group-heading]]:px-2 [&_[cmdk-group]]:px-2 [&_[cmdk-group]:not([hidden])_~[cmdk-group]]:pt-0 [&_[cmdk-input]]:h-12 [&_[cmdk-item]]:px-2 [&_[cmdk-item]]:py-3",
            commandProps?.className,
          )}
        >
          {children}
        </Command>
      </DialogContent>
    </Dialog>
  );
}

/** The search field, with a search icon; it filters the list as the user types. */
export function CommandInput({ className, ...props }: React.ComponentProps<typeof CommandPrimitive.Input>) {
  return (
    <div data-slot="command-input-wrapper" className="flex h-9 items-center gap-2 border-b px-3">
      <SearchIcon aria-hidden="true" className="size-4 shrink-0 opacity-60" />
      <CommandPrimitive.Input
        data-slot="command-input"
        className={cn(
          "flex h-10 w-full rounded-md bg-transparent py-3 text-sm outline-hidden placeholder:text-muted-foreground disabled:cursor-not-allowed disabled:opacity-50",
          className,
        )}
        {...props}
      />
    </div>
  );
}

/** The scrolling list of results (`role="listbox"`). */
export function CommandList({ className, ...props }: React.ComponentProps<typeof CommandPrimitive.List>) {
  return (
    <CommandPrimitive.List
      data-slot="command-list"
      className={cn("max-h-[min(60dvh,360px)] scroll-py-1 overflow-x-hidden overflow-y-auto", className)}
      {...props}
    />
  );
}

/** Shown when nothing matches the search. */
export function CommandEmpty({ className, ...props }: React.ComponentProps<typeof CommandPrimitive.Empty>) {
  return (
    <CommandPrimitive.Empty
      data-slot="command-empty"
      className={cn("py-6 text-center text-sm text-muted-foreground", className)}
      {...props}
    />
  );
}

/** Shown while results load (`role="progressbar"`); give it a `label`. */
export function CommandLoading({
  className,
  ...props
}: React.ComponentProps<typeof CommandPrimitive.Loading>) {
  return (
    <CommandPrimitive.Loading
      data-slot="command-loading"
      className={cn("py-6 text-center text-sm text-muted-foreground", className)}
      {...props}
    />
  );
}

/** A group of items under a `heading`. */
export function CommandGroup({ className, ...props }: React.ComponentProps<typeof CommandPrimitive.Group>) {
  return (
    <CommandPrimitive.Group
      data-slot="command-group"
      className={cn(
        "overflow-hidden p-1 text-foreground [&_[cmdk-group-heading]]:px-2 [&_[cmdk-group-heading]]:py-1.5 [&_[cmdk-group-heading]]:text-xs [&_[cmdk-group-heading]]:font-medium [&_[cmdk-group-heading]]:text-muted-foreground",
        className,
      )}
      {...props}
    />
  );
}

/** A rule between groups. */
export function CommandSeparator({
  className,
  ...props
}: React.ComponentProps<typeof CommandPrimitive.Separator>) {
  return (
    <CommandPrimitive.Separator
      data-slot="command-separator"
      className={cn("-mx-1 h-px bg-border", className)}
      {...props}
    />
  );
}

/** One command (`role="option"`); `onSelect` runs on Enter or click. Give `value` when its text is not unique. */
export function CommandItem({ className, ...props }: React.ComponentProps<typeof CommandPrimitive.Item>) {
  return (
    <CommandPrimitive.Item
      data-slot="command-item"
      className={cn(
        "relative flex cursor-default items-center gap-2 rounded-sm px-2 py-1.5 text-sm outline-hidden select-none data-[disabled=true]:pointer-events-none data-[disabled=true]:opacity-50 data-[selected=true]:bg-accent data-[selected=true]:text-accent-foreground [&_svg]:pointer-events-none [&_svg]:shrink-0 [&_svg:not([class*='size-'])]:size-4 [&_svg:not([class*='text-'])]:text-muted-foreground",
        className,
      )}
      {...props}
    />
  );
}

/** The keyboard shortcut of an item, shown at its right edge (hidden from assistive technology). */
export function CommandShortcut({ className, ...props }: React.ComponentProps<"span">) {
  return (
    <span
      data-slot="command-shortcut"
      aria-hidden="true"
      className={cn("ml-auto text-xs tracking-widest text-muted-foreground", className)}
      {...props}
    />
  );
}
