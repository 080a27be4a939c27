"use client";
/**
 * Newest first / oldest first. Some providers can only list newest first: when none of the
 * selected connections can sort oldest first, that choice is `aria-disabled` with the reason; when
 * only some can, the reason names the connections that will be left out.
 */
import { ArrowDownWideNarrowIcon, ArrowUpNarrowWideIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import type { ConnectionFacets } from "@/lib/model/conversation";
import { cn } from "@/lib/utils";

type Sort = "recent" | "oldest";

export function sortOldestAvailability(connections: ConnectionFacets[]): {
  disabled: boolean;
  message: string | null;
} {
  const lacking = connections
    .filter((connection) => !connection.sortOldest)
    .map((connection) => connection.connectionName);
  if (connections.length > 0 && lacking.length === connections.length) {
    return { disabled: true, message: `${lacking.join(", ")} can only list newest first.` };
  }
  if (lacking.length > 0) {
    return {
      disabled: false,
      message: `${lacking.join(", ")} can only list newest first and will be left out.`,
    };
  }
  return { disabled: false, message: null };
}

export function SortToggle({
  sort,
  onChange,
  connections,
}: {
  sort: Sort;
  onChange: (sort: Sort) => void;
  connections: ConnectionFacets[];
}) {
  const oldest = sortOldestAvailability(connections);
  const oldestDisabled = oldest.disabled && sort !== "oldest";
  return (
    <div
      role="group"
      aria-label="Sort by last activity"
      className="bg-muted/40 inline-flex rounded-md border p-0.5"
    >
      <Button
        variant="ghost"
        size="sm"
        aria-pressed={sort === "recent"}
        className={cn("h-7", sort === "recent" && "bg-background shadow-xs")}
        onClick={() => onChange("recent")}
      >
        <ArrowDownWideNarrowIcon aria-hidden="true" />
        Newest
      </Button>
      <Tooltip>
        <TooltipTrigger asChild>
          <Button
            variant="ghost"
            size="sm"
            aria-pressed={sort === "oldest"}
            aria-disabled={oldestDisabled || undefined}
            aria-describedby={oldest.message ? "sort-oldest-description" : undefined}
            className={cn(
              "h-7",
              sort === "oldest" && "bg-background shadow-xs",
              oldestDisabled && "cursor-not-allowed opacity-60",
            )}
            onClick={() => {
              if (!oldestDisabled) onChange("oldest");
            }}
          >
            <ArrowUpNarrowWideIcon aria-hidden="true" />
            Oldest
          </Button>
        </TooltipTrigger>
        {oldest.message ? <TooltipContent>{oldest.message}</TooltipContent> : null}
      </Tooltip>
      {oldest.message ? (
        <span id="sort-oldest-description" className="sr-only">
          {oldest.message}
        </span>
      ) : null}
    </div>
  );
}
