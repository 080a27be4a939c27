"use client";
/**
 * What the API says about connections in this result, above the table: left out (the connection
 * cannot apply a filter or sort), scanned (a filter applied by Parley on a bounded scan), partial,
 * and failed (with Retry). Each notice names its connection; nothing is dropped silently.
 */
import { UntrustedText, untrustedLabel } from "@/components/ui/untrusted-text";
import { CircleAlertIcon, InfoIcon, RotateCwIcon, TriangleAlertIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import type { Notice } from "@/lib/model/conversation";
import { cn } from "@/lib/utils";

const kindLabels: Record<Notice["kind"], string> = {
  failed: "Failed",
  left_out: "Left out",
  scanned: "Scanned",
  partial: "Partial",
};

const order: Notice["kind"][] = ["failed", "left_out", "partial", "scanned"];

export function ListNotices({
  notices,
  onRetry,
  retrying,
}: {
  notices: Notice[];
  onRetry: () => void;
  retrying: boolean;
}) {
  if (notices.length === 0) return null;
  const sorted = [...notices].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
  return (
    <section aria-label="Notices about connections">
      <ul className="flex flex-col gap-1">
        {sorted.map((notice, index) => {
          const Icon =
            notice.kind === "failed"
              ? CircleAlertIcon
              : notice.kind === "left_out"
                ? TriangleAlertIcon
                : InfoIcon;
          return (
            <li
              key={`${notice.connectionId}-${notice.kind}-${index}`}
              data-notice-kind={notice.kind}
              className={cn(
                "flex items-start gap-2 rounded-md border px-3 py-1.5 text-sm",
                notice.kind === "failed" && "border-destructive/30 bg-destructive/10",
                notice.kind === "left_out" && "border-warning/30 bg-warning/12",
                (notice.kind === "scanned" || notice.kind === "partial") && "bg-muted/50",
              )}
            >
              <Icon
                aria-hidden="true"
                className={cn(
                  "mt-0.5 size-4 shrink-0",
                  notice.kind === "failed" && "text-destructive",
                  notice.kind === "left_out" && "text-warning",
                  notice.kind !== "failed" && notice.kind !== "left_out" && "text-muted-foreground",
                )}
              />
              <p className="min-w-0 flex-1">
                <UntrustedText text={notice.connectionName} className="font-medium" />
                <span className="text-muted-foreground"> · {kindLabels[notice.kind]}: </span>
                {notice.message}
                {notice.code ? <span className="text-muted-foreground"> ({notice.code})</span> : null}
              </p>
              {notice.kind === "failed" ? (
                <Button
                  variant="outline"
                  size="sm"
                  className="h-7"
                  onClick={onRetry}
                  disabled={retrying}
                  aria-label={`Retry ${untrustedLabel(notice.connectionName)}`}
                >
                  <RotateCwIcon aria-hidden="true" className={cn(retrying && "animate-spin")} />
                  Retry
                </Button>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
