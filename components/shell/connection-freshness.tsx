"use client";
/**
 * How fresh one connection's rows are, under its name in the sidebar: "synced 3 min ago" (the one
 * time format, `TimeAgo`), a progress bar with "1,240 of 3,400 transcripts" while the first sync
 * runs, "sync failing" with the last success, and a Refresh button that asks for a sync now (the
 * list refetches once it is done, `lib/client/sync.ts`).
 */
import { RotateCwIcon } from "lucide-react";
import { useEffect, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { TimeAgo } from "@/components/ui/time-ago";
import { untrustedLabel } from "@/components/ui/untrusted-text";
import { ApiRequestError } from "@/lib/client/api-client";
import { useSyncNow } from "@/lib/client/sync";
import type { ConnectionSync } from "@/lib/model/sync-status";
import { cn } from "@/lib/utils";

const count = (value: number) => value.toLocaleString("en-US");

/** The current time, moved on every `everyMs` so relative times stay true while nothing else renders. */
function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** What the first sync has done so far: transcripts when they are kept, else conversations. */
function backfillProgress(sync: ConnectionSync): { done: number; total: number | null; noun: string } {
  if (sync.indexTranscripts && sync.listed)
    return { done: sync.transcripts.indexed, total: sync.transcripts.known, noun: "transcripts" };
  return { done: sync.conversations.indexed, total: sync.conversations.known, noun: "conversations" };
}

export function ConnectionFreshness({
  connectionName,
  connectionId,
  sync,
  refreshing,
}: {
  connectionName: string;
  connectionId: string;
  /** This connection's sync state; undefined until `GET /api/sync` answers. */
  sync: ConnectionSync | undefined;
  /** A sync asked for from this browser is still running. */
  refreshing: boolean;
}) {
  const now = useNow(10_000);
  const { syncNow } = useSyncNow();
  const name = untrustedLabel(connectionName);
  const busy = refreshing || sync?.state === "syncing";

  function refresh() {
    syncNow(connectionId, {
      onError: (error) =>
        toast.error(`Could not refresh ${name}`, {
          description:
            error instanceof ApiRequestError ? error.message : "The server could not be reached; try again.",
        }),
    });
  }

  let status: React.ReactNode = <span>checking…</span>;
  let progress: React.ReactNode = null;
  if (sync?.state === "backfilling") {
    const { done, total, noun } = backfillProgress(sync);
    const shown = total !== null && total > 0 ? Math.min(done, total) : null;
    status = (
      <span>
        first sync: {count(done)}
        {total !== null ? ` of ${count(total)}` : ""} {noun}
      </span>
    );
    progress = (
      <progress
        aria-label={`First sync of ${name}: ${noun} indexed`}
        className="accent-primary block h-1 w-full"
        max={shown === null ? undefined : (total ?? undefined)}
        value={shown ?? undefined}
      />
    );
  } else if (sync) {
    const synced = sync.lastSuccessAt ? (
      <TimeAgo iso={sync.lastSuccessAt} now={now} focusable={false} />
    ) : (
      <span>never</span>
    );
    status =
      sync.state === "failing" ? (
        <span className="text-destructive">sync failing · synced {synced}</span>
      ) : sync.state === "syncing" ? (
        <span>syncing… · synced {synced}</span>
      ) : (
        <span>synced {synced}</span>
      );
  }

  return (
    <div className="flex min-w-0 flex-col gap-1 pr-1 pb-1 pl-8" data-testid="connection-freshness">
      <div className="text-muted-foreground flex min-w-0 items-center gap-1 text-xs">
        {/* Not a live region: the age changes every few seconds on every connection. */}
        <span className="min-w-0 flex-1 truncate">{status}</span>
        <Button
          variant="ghost"
          size="icon-sm"
          className="size-6"
          aria-label={`Refresh ${name}`}
          title={busy ? "Syncing…" : "Sync now"}
          aria-busy={busy || undefined}
          disabled={refreshing}
          onClick={refresh}
        >
          <RotateCwIcon aria-hidden className={cn("size-3.5", busy && "animate-spin")} />
        </Button>
      </div>
      {progress}
    </div>
  );
}
