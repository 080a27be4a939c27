import * as React from "react";

import { cn } from "@/lib/utils";

/**
 * Field styles shared by {@link Input} and the textarea: a border that reaches 3:1 against the
 * page, a solid ring-coloured border plus a soft halo on keyboard focus, and a red border when
 * `aria-invalid` is set.
 */
export const fieldClassName =
  "w-full min-w-0 rounded-md border border-input bg-transparent text-base shadow-xs transition-[color,box-shadow] outline-none placeholder:text-muted-foreground selection:bg-primary selection:text-primary-foreground disabled:cursor-not-allowed disabled:opacity-50 md:text-sm dark:bg-input/10 focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/50 aria-invalid:border-destructive aria-invalid:ring-destructive/20 dark:aria-invalid:ring-destructive/40";

/**
 * A single-line text field. Label it with `<Label htmlFor>` or `aria-label`; a placeholder is not a
 * label. Dates use `type="date"` (the native picker follows the theme through `color-scheme`).
 */
export function Input({ className, type, ...props }: React.ComponentProps<"input">) {
  return (
    <input
      type={type}
      data-slot="input"
      className={cn(
        fieldClassName,
        "h-9 px-3 py-1 file:inline-flex file:h-7 file:border-0 file:bg-transparent file:text-sm file:font-medium file:text-foreground",
        className,
      )}
      {...props}
    />
  );
}
