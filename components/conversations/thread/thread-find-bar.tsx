"use client";
/**
 * Find in thread: a search field whose matches are counted over the messages loaded so far,
 * with Previous/Next buttons; Enter goes to the next match, Shift+Enter to the previous one and
 * Escape clears the field (without leaving the page).
 */
import { ChevronDownIcon, ChevronUpIcon, SearchIcon } from "lucide-react";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { formatCount } from "./format";

export interface ThreadFindBarProps {
  query: string;
  onQueryChange: (query: string) => void;
  matchCount: number;
  /** Index of the current match, or -1. */
  current: number;
  onNext: () => void;
  onPrevious: () => void;
  /** Not every message is loaded yet: counts cover the loaded ones only. */
  partial: boolean;
}

export function ThreadFindBar({
  query,
  onQueryChange,
  matchCount,
  current,
  onNext,
  onPrevious,
  partial,
}: ThreadFindBarProps) {
  const statusId = useId();
  const active = query.trim().length > 0;
  const status = !active
    ? ""
    : matchCount === 0
      ? `No matches${partial ? " in loaded messages" : ""}`
      : `Match ${formatCount(current + 1)} of ${formatCount(matchCount)}${partial ? " in loaded messages" : ""}`;
  return (
    // A row of its own on narrow screens (the jump buttons wrap below it); the status text gives
    // way before the field or the ▲/▼ buttons do, so nothing overlaps at 390 px.
    <div
      role="search"
      aria-label="Find in thread"
      className="flex w-full min-w-0 items-center gap-1 sm:w-auto sm:flex-1"
    >
      <div className="relative min-w-24 flex-1 basis-40">
        <SearchIcon
          className="text-muted-foreground pointer-events-none absolute top-1/2 left-2 size-4 -translate-y-1/2"
          aria-hidden
        />
        <Input
          type="search"
          value={query}
          onChange={(event) => onQueryChange(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter") {
              event.preventDefault();
              if (event.shiftKey) onPrevious();
              else onNext();
            } else if (event.key === "Escape" && query) {
              event.preventDefault();
              onQueryChange("");
            }
          }}
          aria-label="Find in thread"
          aria-describedby={statusId}
          placeholder="Find in thread…"
          className="h-8 pl-8"
        />
      </div>
      <span
        id={statusId}
        role="status"
        title={status || undefined}
        className="text-muted-foreground min-w-0 shrink truncate text-xs tabular-nums"
      >
        {status}
      </span>
      <Button
        variant="ghost"
        size="icon-sm"
        className="shrink-0"
        aria-label="Previous match"
        disabled={matchCount === 0}
        onClick={onPrevious}
      >
        <ChevronUpIcon aria-hidden />
      </Button>
      <Button
        variant="ghost"
        size="icon-sm"
        className="shrink-0"
        aria-label="Next match"
        disabled={matchCount === 0}
        onClick={onNext}
      >
        <ChevronDownIcon aria-hidden />
      </Button>
    </div>
  );
}
