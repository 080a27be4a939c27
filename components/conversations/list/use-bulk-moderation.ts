"use client";
/**
 * Bulk moderation as a server job (`POST /api/bulk`): the picked rows, or every row the list's
 * query matches. While the job runs, ONE toast shows its counts ("Archiving 40 of 100…"); when it
 * ends, the same toast becomes the summary ("97 archived, 3 failed") with Undo (a job too: it
 * goes on if the page is left) and Retry failed, the failed rows are listed by the bar, and the
 * list is read again. Undo is in the tab's undo log as well (`z`).
 */
import { type QueryClient, useQueryClient } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import { toast } from "sonner";
import type { BulkAction, BulkJob, BulkRequest } from "@/lib/conversations/api-schemas";
import {
  conversationKeys,
  conversationQueries,
  followUpBulkRequest,
  startBulkRequest,
  type ListParams,
  listFilterTarget,
} from "@/lib/client/conversation-queries";
import { recordUndo, undoEntry } from "@/lib/client/undo-log";
import type { Conversation } from "@/lib/model/conversation";
import { rowKey } from "@/lib/model/row-key";

export type { BulkAction } from "@/lib/conversations/api-schemas";

/** What each action is called while it runs and once it is done. */
const words: Record<BulkAction, { progress: string; done: string }> = {
  archive: { progress: "Archiving", done: "archived" },
  unarchive: { progress: "Moving to inbox", done: "moved to inbox" },
  important: { progress: "Marking important", done: "marked important" },
  unimportant: { progress: "Removing important", done: "removed from important" },
  trash: { progress: "Moving to trash", done: "moved to trash" },
  restore: { progress: "Restoring", done: "restored" },
};

export interface BulkProgress {
  label: string;
  done: number;
  total: number;
}

export interface BulkFailure {
  key: string;
  name: string;
}

/** The rows a job covers: the picked ones, or every row the list's query matches. */
export type BulkTargetChoice = { rows: Conversation[] } | { filter: ListParams };

const POLL_MS = 500;

function errorText(error: unknown): string | undefined {
  return error instanceof Error ? error.message : undefined;
}

/** "97 archived, 2 already archived, 3 failed". */
export function bulkSummary(job: BulkJob): string {
  const done = words[job.action].done;
  return [
    `${job.succeeded} ${done}`,
    job.skipped > 0 ? `${job.skipped} already ${done}` : null,
    job.failed > 0 ? `${job.failed} failed` : null,
  ]
    .filter(Boolean)
    .join(", ");
}

interface FollowDeps {
  queryClient: QueryClient;
  setProgress: (progress: BulkProgress | null) => void;
  setFailures: (failures: { label: string; items: BulkFailure[] } | null) => void;
}

/** Shows a job's progress in one toast until it ends, then its summary with Undo and Retry failed. */
async function followJob(
  deps: FollowDeps,
  started: BulkJob,
  options: { undoing?: string } = {},
): Promise<BulkJob> {
  const { queryClient, setProgress, setFailures } = deps;
  const label = words[started.action].progress;
  const toastId = toast.loading(`${label} 0 of ${started.total}…`);
  let job = started;
  setProgress({ label, done: job.done, total: job.total });
  try {
    while (job.state !== "done") {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      job = await queryClient.fetchQuery(conversationQueries.bulkJob(job.id));
      toast.loading(`${label} ${job.done} of ${job.total}…`, { id: toastId });
      setProgress({ label, done: job.done, total: job.total });
    }
  } catch (error) {
    toast.error("Lost track of the bulk job", {
      id: toastId,
      description: `It goes on on the server. ${errorText(error) ?? ""}`.trim(),
    });
    throw error;
  } finally {
    setProgress(null);
    void queryClient.invalidateQueries({ queryKey: conversationKeys.lists() });
    void queryClient.invalidateQueries({ queryKey: conversationKeys.threads() });
    void queryClient.invalidateQueries({ queryKey: conversationKeys.viewCounts() });
  }

  setFailures(
    job.failed > 0
      ? {
          label: words[job.action].done,
          items: job.failures.map((failure) => ({
            key: rowKey(failure.connectionId, failure.conversationId),
            name: `${failure.title ?? failure.conversationId} (${failure.reason})`,
          })),
        }
      : null,
  );
  // An undo job is told by what it undid: "Undone: 3 archived".
  const summary = options.undoing
    ? `Undone: ${options.undoing}${job.failed > 0 ? `, ${job.failed} failed` : ""}`
    : bulkSummary(job);
  const finished = job;
  const changed = bulkSummary({ ...finished, skipped: 0, failed: 0 });
  const undo =
    finished.succeeded > 0 && !options.undoing
      ? recordUndo({
          label: changed,
          run: async () =>
            followJob(deps, await followUpBulkRequest(finished.id, "undo"), { undoing: changed }),
        })
      : null;
  (job.failed > 0 ? toast.warning : toast.success)(summary, {
    id: toastId,
    duration: 12_000,
    action: undo
      ? {
          label: "Undo",
          onClick: () =>
            void undoEntry(undo).catch((error: unknown) =>
              toast.error("Undo failed", { description: errorText(error) }),
            ),
        }
      : undefined,
    cancel:
      job.failed > 0
        ? {
            label: "Retry failed",
            onClick: () =>
              void followUpBulkRequest(finished.id, "retry")
                .then((retry) => followJob(deps, retry))
                .catch((error: unknown) => toast.error("Retry failed", { description: errorText(error) })),
          }
        : undefined,
  });
  return job;
}

export function useBulkModeration() {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<BulkProgress | null>(null);
  const [failures, setFailures] = useState<{ label: string; items: BulkFailure[] } | null>(null);

  const follow = useCallback(
    (started: BulkJob) => followJob({ queryClient, setProgress, setFailures }, started),
    [queryClient],
  );

  const run = useCallback(
    async (action: BulkAction, target: BulkTargetChoice): Promise<boolean> => {
      setFailures(null);
      const request: BulkRequest =
        "rows" in target
          ? {
              action,
              target: {
                selection: target.rows.map((row) => ({
                  connectionId: row.connectionId,
                  conversationId: row.id,
                })),
              },
            }
          : { action, target: { filter: listFilterTarget(target.filter) } };
      let started: BulkJob;
      try {
        started = await startBulkRequest(request);
      } catch (error) {
        toast.error(`${words[action].progress} could not start`, { description: errorText(error) });
        return false;
      }
      try {
        return (await follow(started)).failed === 0;
      } catch {
        return false;
      }
    },
    [follow],
  );

  return { run, progress, failures, dismissFailures: () => setFailures(null) };
}
