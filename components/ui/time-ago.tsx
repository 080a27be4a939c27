"use client";
/**
 * A time as Parley writes it everywhere: relative ("12 d ago"), with the exact local time in a
 * tooltip that opens on hover and on keyboard focus, and in the accessible text. `focusable`
 * puts it in the tab order; lists that move focus row by row pass whether its row is current.
 */
import { formatExactTime, formatRelativeTime } from "@/lib/text/time-format";
import { cn } from "@/lib/utils";
import { Tooltip, TooltipContent, TooltipTrigger } from "./tooltip";

export interface TimeAgoProps {
  iso: string;
  /** The instant to count from (a list re-renders once a minute with a new one). */
  now?: number;
  focusable?: boolean;
  className?: string;
}

export function TimeAgo({ iso, now, focusable = true, className }: TimeAgoProps) {
  const relative = formatRelativeTime(iso, now);
  const exact = formatExactTime(iso);
  if (!relative || !exact) return <span className={className}>unknown</span>;
  return (
    <Tooltip>
      <TooltipTrigger asChild>
        <time
          dateTime={iso}
          tabIndex={focusable ? 0 : -1}
          className={cn(
            "focus-visible:ring-ring/50 rounded-sm whitespace-nowrap outline-none focus-visible:ring-[3px]",
            className,
          )}
        >
          {relative}
          <span className="sr-only">, {exact}</span>
        </time>
      </TooltipTrigger>
      <TooltipContent>{exact}</TooltipContent>
    </Tooltip>
  );
}
