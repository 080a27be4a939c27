import * as React from "react";

import { cn } from "@/lib/utils";

/**
 * A keyboard key chip, e.g. `<Kbd>J</Kbd>` or `<Kbd>⌘</Kbd><Kbd>K</Kbd>` in a {@link KbdGroup}. Screen
 * readers read the text, so use words or symbols they can say (give "⌘" a `title="Command"`).
 */
export function Kbd({ className, ...props }: React.ComponentProps<"kbd">) {
  return (
    <kbd
      data-slot="kbd"
      className={cn(
        "pointer-events-none inline-flex h-5 w-fit min-w-5 items-center justify-center gap-1 rounded-sm border bg-muted px-1 font-sans text-xs font-medium text-muted-foreground select-none [&_svg:not([class*='size-'])]:size-3 in-data-[slot=tooltip-content]:border-background/30 in-data-[slot=tooltip-content]:bg-background/20 in-data-[slot=tooltip-content]:text-background",
        className,
      )}
      {...props}
    />
  );
}

/** Keys pressed together or in sequence, set side by side. */
export function KbdGroup({ className, ...props }: React.ComponentProps<"kbd">) {
  return <kbd data-slot="kbd-group" className={cn("inline-flex items-center gap-1", className)} {...props} />;
}
