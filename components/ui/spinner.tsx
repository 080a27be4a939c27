import * as React from "react";
import { Loader2Icon } from "lucide-react";

import { cn } from "@/lib/utils";

/** Props of {@link Spinner}. */
export type SpinnerProps = React.ComponentProps<"svg"> & {
  /** What is loading, announced politely to screen readers (`role="status"`). */
  label?: string;
};

/** A spinning loading indicator; it stops spinning for people who ask for reduced motion. */
export function Spinner({ className, label = "Loading", ...props }: SpinnerProps) {
  return (
    <Loader2Icon
      data-slot="spinner"
      role="status"
      aria-label={label}
      className={cn("size-4 animate-spin", className)}
      {...props}
    />
  );
}
