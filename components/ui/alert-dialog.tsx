"use client";

import * as React from "react";
import { AlertDialog as AlertDialogPrimitive } from "radix-ui";
import { type VariantProps } from "class-variance-authority";

import { buttonVariants } from "@/components/ui/button";
import { DialogFooter, DialogHeader } from "@/components/ui/dialog";
import { useFocusReturn } from "@/components/ui/focus-return";
import { cn } from "@/lib/utils";

/**
 * A confirmation dialog (`role="alertdialog"`) for actions that need a deliberate answer. Unlike a
 * dialog it does not close on outside click; Escape and {@link AlertDialogCancel} cancel it, and
 * focus starts on Cancel so that Enter never confirms by accident.
 */
export function AlertDialog(props: React.ComponentProps<typeof AlertDialogPrimitive.Root>) {
  return <AlertDialogPrimitive.Root data-slot="alert-dialog" {...props} />;
}

/** The element that opens the alert dialog; use `asChild` to wrap a {@link Button}. */
export function AlertDialogTrigger(props: React.ComponentProps<typeof AlertDialogPrimitive.Trigger>) {
  return <AlertDialogPrimitive.Trigger data-slot="alert-dialog-trigger" {...props} />;
}

/** Props of {@link AlertDialogContent}. */
export type AlertDialogContentProps = Omit<
  React.ComponentProps<typeof AlertDialogPrimitive.Content>,
  "title"
> & {
  /** The question or warning, rendered as the dialog's title (its accessible name). */
  title: React.ReactNode;
  /** What will happen, announced with the title; say whether it can be undone. */
  description?: React.ReactNode;
};

/**
 * The alert dialog panel: title, description, then `children` (typically extra fields and an
 * {@link AlertDialogFooter} with Cancel and the action). Focus returns to where it was on close.
 */
export function AlertDialogContent({
  className,
  children,
  title,
  description,
  onOpenAutoFocus,
  onCloseAutoFocus,
  ...props
}: AlertDialogContentProps) {
  const focusReturn = useFocusReturn({ onOpenAutoFocus, onCloseAutoFocus });
  return (
    <AlertDialogPrimitive.Portal data-slot="alert-dialog-portal">
      <AlertDialogPrimitive.Overlay
        data-slot="alert-dialog-overlay"
        className="fixed inset-0 z-50 bg-black/50 data-[state=closed]:animate-out data-[state=closed]:fade-out-0 data-[state=open]:animate-in data-[state=open]:fade-in-0"
      />
      <AlertDialogPrimitive.Content
        data-slot="alert-dialog-content"
        className={cn(
          "fixed top-1/2 left-1/2 z-50 grid max-h-[calc(100dvh-2rem)] w-full max-w-[calc(100%-2rem)] -translate-x-1/2 -translate-y-1/2 gap-4 overflow-y-auto rounded-lg border bg-background p-6 shadow-lg duration-200 data-[state=closed]:animate-out data-[state=closed]:fade-out-0 data-[state=closed]:zoom-out-95 data-[state=open]:animate-in data-[state=open]:fade-in-0 data-[state=open]:zoom-in-95 sm:max-w-lg",
          className,
        )}
        {...props}
        {...focusReturn}
      >
        <DialogHeader data-slot="alert-dialog-header">
          <AlertDialogPrimitive.Title data-slot="alert-dialog-title" className="text-lg font-semibold">
            {title}
          </AlertDialogPrimitive.Title>
          {description === undefined ? null : (
            <AlertDialogPrimitive.Description
              data-slot="alert-dialog-description"
              className="text-sm text-muted-foreground"
            >
              {description}
            </AlertDialogPrimitive.Description>
          )}
        </DialogHeader>
        {children}
      </AlertDialogPrimitive.Content>
    </AlertDialogPrimitive.Portal>
  );
}

/** The row with Cancel and the action; put {@link AlertDialogCancel} first. */
export function AlertDialogFooter(props: React.ComponentProps<typeof DialogFooter>) {
  return <DialogFooter data-slot="alert-dialog-footer" {...props} />;
}

/**
 * Confirms and closes. Use `variant="destructive"` for irreversible actions. To keep the dialog open
 * while the action runs (or when a typed confirmation does not match), call `event.preventDefault()`
 * in `onClick` and close it yourself through `open`/`onOpenChange`.
 */
export function AlertDialogAction({
  className,
  variant,
  size,
  ...props
}: React.ComponentProps<typeof AlertDialogPrimitive.Action> & VariantProps<typeof buttonVariants>) {
  return (
    <AlertDialogPrimitive.Action
      data-slot="alert-dialog-action"
      className={cn(buttonVariants({ variant, size }), className)}
      {...props}
    />
  );
}

/** Cancels and closes; it receives focus when the dialog opens. */
export function AlertDialogCancel({
  className,
  variant = "outline",
  size,
  ...props
}: React.ComponentProps<typeof AlertDialogPrimitive.Cancel> & VariantProps<typeof buttonVariants>) {
  return (
    <AlertDialogPrimitive.Cancel
      data-slot="alert-dialog-cancel"
      className={cn(buttonVariants({ variant, size }), className)}
      {...props}
    />
  );
}
