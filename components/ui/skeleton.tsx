import * as React from "react";

import { cn } from "@/lib/utils";

/**
 * A pulsing placeholder for content that is loading. It is hidden from assistive technology; announce
 * the loading state once for the region instead (`aria-busy`, or a {@link Spinner} with a label).
 */
export function Skeleton({ className, ...props }: React.ComponentProps<"div">) {
  return (
    <div
      data-slot="skeleton"
      aria-hidden="true"
      className={cn("animate-pulse rounded-md bg-muted", className)}
      {...props}
    />
  );
}
