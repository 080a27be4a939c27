/**
 * A table without links that may scroll sideways on a narrow screen: the scroller is a named
 * region in the tab order, so keyboard users can scroll it too.
 */
import type { ReactNode } from "react";

export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      className="focus-visible:ring-ring/50 w-full overflow-x-auto rounded-sm outline-none focus-visible:ring-[3px]"
    >
      {children}
    </div>
  );
}
