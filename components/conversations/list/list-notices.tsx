"use client";
/**
 * What the API says about connections in this result, above the table: failing (the last sync
 * failed; rows are those of the last success), backfilling (the first sync is still running),
 * metadata only (a search did not cover its transcripts) and failed (with Retry). Each notice
 * names its connection; nothing is dropped silently. A failing connection says how old its rows
 * are (the one time format) and offers "Retry <name>", which asks for a sync of that connection
 * (`POST /api/sync`); the list refetches when it is done.
 */
import { UntrustedText, untrustedLabel } from "@/components/ui/untrusted-text";
import { CircleAlertIcon, InfoIcon, RotateCwIcon, TriangleAlertIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { TimeAgo } from "@/components/ui/time-ago";
import type { Notice } from "@/lib/model/conversation";
import { cn } from "@/lib/utils";

const kindLabels: Record<Notice["kind"], string> = {
  failed: "Failed",
  failing: "Sync failing",
  backfilling: "Syncing",
  metadata_only: "Metadata only",
};

const order: Notice["kind"][] = ["failed", "failing", "backfilling", "metadata_only"];

export function ListNotices({
  notices,
  onRetry,
  retrying,
  onSync,
  syncing,
}: {
  notices: Notice[];
  /** Reads the list again (a live read that failed). */
  onRetry: () => void;
  retrying: boolean;
  /** Asks for a sync of one connection (its index is failing). */
  onSync: (connectionId: string) => void;
  /** Connections whose sync asked for here is still running. */
  syncing: ReadonlySet<string>;
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
              : notice.kind === "failing"
                ? TriangleAlertIcon
                : InfoIcon;
          return (
            <li
              key={`${notice.connectionId}-${notice.kind}-${index}`}
              data-notice-kind={notice.kind}
              className={cn(
                "flex items-start gap-2 rounded-md border px-3 py-1.5 text-sm",
                notice.kind === "failed" && "border-destructive/30 bg-destructive/10",
                notice.kind === "failing" && "border-warning/30 bg-warning/12",
                (notice.kind === "backfilling" || notice.kind === "metadata_only") && "bg-muted/50",
              )}
            >
              <Icon
                aria-hidden="true"
                className={cn(
                  "mt-0.5 size-4 shrink-0",
                  notice.kind === "failed" && "text-destructive",
                  notice.kind === "failing" && "text-warning",
                  notice.kind !== "failed" && notice.kind !== "failing" && "text-muted-foreground",
                )}
              />
              <p className="min-w-0 flex-1">
                <UntrustedText text={notice.connectionName} className="font-medium" />
                <span className="text-muted-foreground"> · {kindLabels[notice.kind]}: </span>
                {notice.message}
                {notice.code ? <span className="text-muted-foreground"> ({notice.code})</span> : null}
                {notice.kind === "failing" && notice.syncedAt ? (
                  <span className="text-muted-foreground">
                    {" "}
                    Last confirmed <TimeAgo iso={notice.syncedAt} />.
                  </span>
                ) : null}
              </p>
              {notice.kind === "failing" ? (
                <Button
                  variant="outline"
                  size="sm"
                  className="h-7"
                  onClick={() => onSync(notice.connectionId)}
                  disabled={syncing.has(notice.connectionId)}
                  aria-label={`Retry ${untrustedLabel(notice.connectionName)}`}
                >
                  <RotateCwIcon
                    aria-hidden="true"
                    className={cn(syncing.has(notice.connectionId) && "animate-spin")}
                  />
                  Retry
                </Button>
              ) : null}
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
