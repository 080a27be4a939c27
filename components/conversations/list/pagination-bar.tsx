"use client";
/**
 * Server-side paging by cursor: Previous / Next, "Page N" (and "of M" when the API gives a total,
 * else "more than N"), and the page size. Previous needs the cursor of the page before, which the
 * page memory knows for pages reached in this tab; otherwise "First page" takes its place.
 */
import { ChevronLeftIcon, ChevronRightIcon, ChevronsLeftIcon } from "lucide-react";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { pageSizes } from "@/lib/conversations/search-params";
import type { PagePosition } from "./page-memory";

type PageSize = (typeof pageSizes)[number];

export interface PaginationBarProps {
  position: PagePosition | null;
  /** The first page of this query has not arrived yet. */
  loading: boolean;
  hasCursor: boolean;
  rowCount: number;
  limit: PageSize;
  total: number | null;
  hasNext: boolean;
  disabled: boolean;
  onNext: () => void;
  onPrevious: (cursor: string | null) => void;
  onLimitChange: (limit: PageSize) => void;
  onPrefetchNext: () => void;
}

export function describeRange(
  position: PagePosition | null,
  rowCount: number,
  limit: number,
  total: number | null,
  hasNext: boolean,
): string {
  if (!position) return `${rowCount} ${rowCount === 1 ? "conversation" : "conversations"} on this page`;
  if (rowCount === 0) return total === null ? "No conversations" : `0 of ${total}`;
  const start = (position.page - 1) * limit + 1;
  const end = start + rowCount - 1;
  if (total !== null) return `${start}–${end} of ${total}`;
  return hasNext ? `${start}–${end} of more than ${end}` : `${start}–${end} of ${end}`;
}

export function PaginationBar({
  position,
  loading,
  hasCursor,
  rowCount,
  limit,
  total,
  hasNext,
  disabled,
  onNext,
  onPrevious,
  onLimitChange,
  onPrefetchNext,
}: PaginationBarProps) {
  const sizeId = useId();
  const pages = total !== null ? Math.max(1, Math.ceil(total / limit)) : null;
  const pageText = position
    ? `Page ${position.page}${pages !== null ? ` of ${pages}` : hasNext ? "" : ` of ${position.page}`}`
    : "Page number unknown";
  return (
    <nav aria-label="Pagination" className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
      <p className="text-muted-foreground" aria-live="polite" aria-atomic="true">
        {loading ? (
          "Loading conversations…"
        ) : (
          <>
            <span className="text-foreground font-medium">{pageText}</span>
            <span aria-hidden="true"> · </span>
            <span>{describeRange(position, rowCount, limit, total, hasNext)}</span>
          </>
        )}
      </p>
      <div className="ml-auto flex items-center gap-2">
        <label htmlFor={sizeId} className="text-muted-foreground">
          Rows per page
        </label>
        <Select
          value={String(limit)}
          onValueChange={(value) => {
            const size = pageSizes.find((candidate) => String(candidate) === value);
            if (size !== undefined) onLimitChange(size);
          }}
        >
          <SelectTrigger id={sizeId} size="sm" className="w-20">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            {pageSizes.map((size) => (
              <SelectItem key={size} value={String(size)}>
                {size}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
        {hasCursor && !position ? (
          <Button variant="outline" size="sm" disabled={disabled} onClick={() => onPrevious(null)}>
            <ChevronsLeftIcon aria-hidden="true" />
            First page
          </Button>
        ) : (
          <Button
            variant="outline"
            size="sm"
            disabled={disabled || !position || position.page === 1}
            onClick={() => onPrevious(position?.previous ?? null)}
          >
            <ChevronLeftIcon aria-hidden="true" />
            Previous
          </Button>
        )}
        <Button
          variant="outline"
          size="sm"
          disabled={disabled || !hasNext}
          onClick={onNext}
          onPointerEnter={onPrefetchNext}
          onFocus={onPrefetchNext}
        >
          Next
          <ChevronRightIcon aria-hidden="true" />
        </Button>
      </div>
    </nav>
  );
}
