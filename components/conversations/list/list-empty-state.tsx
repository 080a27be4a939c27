"use client";
/**
 * Why the list is empty, in words, with the way out: the request failed (Retry, or First page for
 * a stale cursor), every connection failed (Retry), the filters match nothing (Reset filters), or
 * the view itself is empty.
 */
import { CircleAlertIcon, FilterXIcon, InboxIcon, RotateCwIcon, UnplugIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import type { View } from "@/lib/conversations/api-schemas";
import { emptyViewText } from "./views";

export type EmptyReason =
  | { kind: "request-failed"; message: string; staleCursor: boolean }
  | { kind: "all-failed"; connections: string[] }
  | { kind: "no-connections" }
  | { kind: "no-matches" }
  | { kind: "empty-view"; view: View };

export function ListEmptyState({
  reason,
  onRetry,
  onResetFilters,
  onFirstPage,
}: {
  reason: EmptyReason;
  onRetry: () => void;
  onResetFilters: () => void;
  onFirstPage: () => void;
}) {
  switch (reason.kind) {
    case "request-failed":
      return (
        <EmptyState
          role="alert"
          icon={<CircleAlertIcon />}
          title="The list could not be loaded"
          description={reason.message}
          action={
            <>
              <Button onClick={onRetry}>
                <RotateCwIcon aria-hidden="true" />
                Retry
              </Button>
              {reason.staleCursor ? (
                <Button variant="outline" onClick={onFirstPage}>
                  Go to the first page
                </Button>
              ) : null}
            </>
          }
        />
      );
    case "all-failed":
      return (
        <EmptyState
          role="alert"
          icon={<UnplugIcon />}
          title="Every connection failed"
          description={`${reason.connections.join(", ")} did not answer. The notices above say why.`}
          action={
            <Button onClick={onRetry}>
              <RotateCwIcon aria-hidden="true" />
              Retry
            </Button>
          }
        />
      );
    case "no-connections":
      return (
        <EmptyState
          icon={<UnplugIcon />}
          title="No connections"
          description="Ask an admin to connect a provider account; its conversations will show here."
        />
      );
    case "no-matches":
      return (
        <EmptyState
          icon={<FilterXIcon />}
          title="No conversations match these filters"
          description="Try fewer filters, another date range or different search words."
          action={<Button onClick={onResetFilters}>Reset filters</Button>}
        />
      );
    case "empty-view":
      return (
        <EmptyState
          icon={<InboxIcon />}
          title={emptyViewText[reason.view].title}
          description={emptyViewText[reason.view].description}
        />
      );
  }
}
