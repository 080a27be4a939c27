"use client";

import * as React from "react";
import { Dialog as SheetPrimitive } from "radix-ui";
import { cva, type VariantProps } from "class-variance-authority";
import { XIcon } from "lucide-react";

import { DialogOverlay } from "@/components/ui/dialog";
import { useFocusReturn } from "@/components/ui/focus-return";
import { cn } from "@/lib/utils";

/** A modal panel that slides in from an edge of the screen (built on Radix Dialog). */
export function Sheet(props: React.ComponentProps<typeof SheetPrimitive.Root>) {
  return <SheetPrimitive.Root data-slot="sheet" {...props} />;
}

/** The element that opens the sheet; use `asChild` to wrap a {@link Button}. */
export function SheetTrigger(props: React.ComponentProps<typeof SheetPrimitive.Trigger>) {
  return <SheetPrimitive.Trigger data-slot="sheet-trigger" {...props} />;
}

/** Closes the sheet when activated. */
export function SheetClose(props: React.ComponentProps<typeof SheetPrimitive.Close>) {
  return <SheetPrimitive.Close data-slot="sheet-close" {...props} />;
}

const sheetVariants = cva(
  "fixed z-50 flex flex-col gap-4 bg-background shadow-lg transition ease-in-out data-[state=closed]:animate-out data-[state=closed]:duration-300 data-[state=open]:animate-in data-[state=open]:duration-500",
  {
    variants: {
      side: {
        right:
          "inset-y-0 right-0 h-full w-3/4 border-l data-[state=closed]:slide-out-to-right data-[state=open]:slide-in-from-right sm:max-w-sm",
        left: "inset-y-0 left-0 h-full w-3/4 border-r data-[state=closed]:slide-out-to-left data-[state=open]:slide-in-from-left sm:max-w-sm",
        top: "inset-x-0 top-0 h-auto border-b data-[state=closed]:slide-out-to-top data-[state=open]:slide-in-from-top",
        bottom:
          "inset-x-0 bottom-0 h-auto border-t data-[state=closed]:slide-out-to-bottom data-[state=open]:slide-in-from-bottom",
      },
    },
    defaultVariants: { side: "right" },
  },
);

/** Props of {@link SheetContent}. */
export type SheetContentProps = Omit<React.ComponentProps<typeof SheetPrimitive.Content>, "title"> &
  VariantProps<typeof sheetVariants> & {
    /** The sheet's title, rendered as its `DialogTitle`: every sheet has an accessible name. */
    title: React.ReactNode;
    /** Optional text under the title, announced with it. */
    description?: React.ReactNode;
    /** Keeps the title and description for assistive technology but hides them on screen. */
    hideHeader?: boolean;
    /** Actions pinned under the scrolling body (they stay visible however long the content is). */
    footer?: React.ReactNode;
    /** Leaves out the corner close button, for content that has its own (Escape still closes). */
    hideClose?: boolean;
  };

/**
 * The sliding panel: a header with the title (and description), then `children` (scrolling when
 * long), the `footer` if any, and a close button labelled "Close" (unless `hideClose`). Focus is trapped inside while open
 * and returns to where it was on close.
 */
export function SheetContent({
  className,
  children,
  side = "right",
  title,
  description,
  hideHeader = false,
  footer,
  hideClose = false,
  onOpenAutoFocus,
  onCloseAutoFocus,
  ...props
}: SheetContentProps) {
  const focusReturn = useFocusReturn({ onOpenAutoFocus, onCloseAutoFocus });
  return (
    <SheetPrimitive.Portal data-slot="sheet-portal">
      <DialogOverlay data-slot="sheet-overlay" />
      <SheetPrimitive.Content
        data-slot="sheet-content"
        className={cn(sheetVariants({ side }), className)}
        {...props}
        {...focusReturn}
      >
        <SheetHeader className={cn(hideHeader && "sr-only")}>
          <SheetPrimitive.Title data-slot="sheet-title" className="pr-8 font-semibold text-foreground">
            {title}
          </SheetPrimitive.Title>
          {description === undefined ? null : (
            <SheetPrimitive.Description
              data-slot="sheet-description"
              className="text-sm text-muted-foreground"
            >
              {description}
            </SheetPrimitive.Description>
          )}
        </SheetHeader>
        <div data-slot="sheet-body" className="flex min-h-0 flex-1 flex-col gap-4 overflow-y-auto px-4 pb-4">
          {children}
        </div>
        {footer === undefined ? null : (
          <div
            data-slot="sheet-footer"
            className="flex flex-col gap-2 border-t p-4 sm:flex-row sm:justify-end"
          >
            {footer}
          </div>
        )}
        {hideClose ? null : (
          <SheetPrimitive.Close
            data-slot="sheet-close"
            aria-label="Close"
            className="absolute top-3 right-3 inline-flex size-7 items-center justify-center rounded-sm text-muted-foreground transition-colors outline-none hover:bg-accent hover:text-accent-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50 focus-visible:outline-1 focus-visible:outline-solid disabled:pointer-events-none [&_svg]:pointer-events-none [&_svg]:shrink-0 [&_svg:not([class*='size-'])]:size-4"
          >
            <XIcon aria-hidden="true" />
          </SheetPrimitive.Close>
        )}
      </SheetPrimitive.Content>
    </SheetPrimitive.Portal>
  );
}

/** Stacks the title and description; {@link SheetContent} renders one for you. */
function SheetHeader({ className, ...props }: React.ComponentProps<"div">) {
  return (
    <div data-slot="sheet-header" className={cn("flex flex-col gap-1.5 p-4 pb-0", className)} {...props} />
  );
}
