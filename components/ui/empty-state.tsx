import * as React from "react";

import { cn } from "@/lib/utils";

/** Props of {@link EmptyState}. */
export type EmptyStateProps = Omit<React.ComponentProps<"div">, "title"> & {
  /** A decorative icon, e.g. `<InboxIcon />`; hidden from assistive technology. */
  icon?: React.ReactNode;
  /** What is empty, e.g. "No conversations match these filters". */
  title: React.ReactNode;
  /** Why, and what the user can do about it. */
  description?: React.ReactNode;
  /** A button or link that resolves the empty state ("Clear filters", "Connect a provider"). */
  action?: React.ReactNode;
  /** The heading element of the title, to fit the page's outline. Defaults to `h2`. */
  titleAs?: "h2" | "h3" | "h4" | "p";
};

/** A centred message for a list, search or panel with nothing to show. Extra `children` go under the action. */
export function EmptyState({
  icon,
  title,
  description,
  action,
  titleAs: Title = "h2",
  className,
  children,
  ...props
}: EmptyStateProps) {
  return (
    <div
      data-slot="empty-state"
      className={cn(
        "flex min-w-0 flex-1 flex-col items-center justify-center gap-4 rounded-lg p-6 text-center text-balance md:p-12",
        className,
      )}
      {...props}
    >
      {icon === undefined ? null : (
        <div
          data-slot="empty-state-icon"
          aria-hidden="true"
          className="flex size-10 shrink-0 items-center justify-center rounded-lg bg-muted text-foreground [&_svg:not([class*='size-'])]:size-6"
        >
          {icon}
        </div>
      )}
      <div className="flex max-w-sm flex-col items-center gap-2">
        <Title data-slot="empty-state-title" className="text-lg font-medium tracking-tight">
          {title}
        </Title>
        {description === undefined ? null : (
          <div data-slot="empty-state-description" className="text-sm/relaxed text-muted-foreground">
            {description}
          </div>
        )}
      </div>
      {action === undefined ? null : (
        <div data-slot="empty-state-action" className="flex flex-wrap items-center justify-center gap-2">
          {action}
        </div>
      )}
      {children}
    </div>
  );
}
