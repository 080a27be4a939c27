"use client";
/**
 * Assignment and review from the browser: the options (score mode, assignable users), one
 * conversation's review, and changes that show at once (optimistic), roll back with the server's
 * reason, and can be undone (toast and the tab's one undo log, the `z` key). Changes of one
 * conversation run one after the other and carry the review version they were made on, so a
 * colleague's change made meanwhile is never overwritten silently (the server answers 409).
 */
import "client-only";
import { useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { toast } from "sonner";
import { apiFetch } from "@/lib/client/api-client";
import { conversationKeys, listApiUrl, type ListParams } from "@/lib/client/conversation-queries";
import type { ConversationPage } from "@/lib/model/conversation";
import type { Review, ReviewField, ReviewOptions, ReviewStats } from "@/lib/model/review";
import { reviewStateLabels, scoreLabel, type Score } from "@/lib/model/review-labels";
import { recordUndo, undoEntry } from "./undo-log";

export type { Review, ReviewOptions, ReviewStats, Score };

/** What the controls change: user ids and label ids as the API takes them. */
export type ReviewEdit = Partial<{
  assignee: string | null;
  reviewState: Review["reviewState"];
  score: Score | null;
  reviewReason: string | null;
}>;

export const reviewKeys = {
  options: () => ["review", "options"] as const,
  of: (connectionId: string, conversationId: string) =>
    [...conversationKeys.thread(connectionId, conversationId), "review"] as const,
  stats: (query: string) => ["review", "stats", query] as const,
  /** The sidebar's counts of what is left. */
  counts: () => ["review", "counts"] as const,
};

const conversationPath = (connectionId: string, conversationId: string) =>
  `/api/conversations/${encodeURIComponent(connectionId)}/${encodeURIComponent(conversationId)}`;

export function useReviewOptions() {
  return useQuery({
    queryKey: reviewKeys.options(),
    queryFn: ({ signal }) => apiFetch<ReviewOptions>("/api/review/options", { signal }),
    staleTime: 60_000,
  });
}

export function useConversationReview(connectionId: string, conversationId: string) {
  return useQuery({
    queryKey: reviewKeys.of(connectionId, conversationId),
    queryFn: ({ signal }) =>
      apiFetch<Review>(`${conversationPath(connectionId, conversationId)}/review`, { signal }),
  });
}

export function useReviewStats(query: string) {
  return useQuery({
    queryKey: reviewKeys.stats(query),
    queryFn: ({ signal }) => apiFetch<ReviewStats>(`/api/analytics/review?${query}`, { signal }),
    placeholderData: (previous) => previous,
  });
}

/** How many conversations a list query string matches, for the sidebar's counts. */
export function useListCount(query: string) {
  return useQuery({
    queryKey: [...reviewKeys.counts(), query],
    queryFn: ({ signal }) => {
      const search = new URLSearchParams(query);
      search.set("limit", "1");
      return apiFetch<ConversationPage>(`/api/conversations?${search.toString()}`, { signal });
    },
    select: (page) => ({ total: page.total, isEstimate: page.totalIsEstimate }),
    staleTime: 10_000,
  });
}

/** A change in words, for toasts: "Assigned to Ada", "Scored 4/5", "Marked reviewed". */
export function describeReviewEdit(edit: ReviewEdit, options?: ReviewOptions): string {
  const parts: string[] = [];
  if (edit.assignee !== undefined) {
    const name = options?.assignees.find((person) => person.id === edit.assignee)?.name;
    parts.push(edit.assignee === null ? "Unassigned" : `Assigned to ${name ?? "someone"}`);
  }
  if (edit.score !== undefined)
    parts.push(edit.score === null ? "Score cleared" : `Scored ${scoreLabel(edit.score)}`);
  if (edit.reviewState !== undefined)
    parts.push(`Marked ${reviewStateLabels[edit.reviewState].toLowerCase()}`);
  if (edit.reviewReason !== undefined)
    parts.push(edit.reviewReason === null ? "Reason cleared" : "Reason set");
  const sentence = parts.map((part, index) => (index ? part.charAt(0).toLowerCase() + part.slice(1) : part));
  return sentence.join(", ") || "Updated";
}

/** The edit that puts the review back as it was before `edit`. */
export function inverseReviewEdit(before: Review, edit: ReviewEdit): ReviewEdit {
  const inverse: ReviewEdit = {};
  const fields = Object.keys(edit) as ReviewField[];
  for (const field of fields) {
    if (field === "assignee") inverse.assignee = before.assignee?.id ?? null;
    else if (field === "reviewState") inverse.reviewState = before.reviewState;
    else if (field === "score") inverse.score = before.score;
    else inverse.reviewReason = before.reviewReason;
  }
  return inverse;
}

/** The review as it will be after `edit` (shown before the server answers). */
export function applyReviewEdit(
  review: Review,
  edit: ReviewEdit,
  options: ReviewOptions | undefined,
  me: { id: string; name: string },
): Review {
  const next: Review = { ...review, version: review.version + 1 };
  if (edit.assignee !== undefined)
    next.assignee =
      edit.assignee === null
        ? null
        : { id: edit.assignee, name: options?.assignees.find((p) => p.id === edit.assignee)?.name ?? "" };
  if (edit.reviewState !== undefined) {
    next.reviewState = edit.reviewState;
    if (edit.reviewState !== "reviewed") {
      next.reviewedBy = null;
      next.reviewedAt = null;
    } else if (review.reviewState !== "reviewed") {
      next.reviewedBy = me;
      next.reviewedAt = new Date().toISOString();
    }
  }
  if (edit.score !== undefined) next.score = edit.score;
  if (edit.reviewReason !== undefined) next.reviewReason = edit.reviewReason;
  return next;
}

function invalidateLists(client: QueryClient) {
  return Promise.all([
    client.invalidateQueries({ queryKey: conversationKeys.lists() }),
    client.invalidateQueries({ queryKey: ["facets"] }),
    client.invalidateQueries({ queryKey: ["review"] }),
    client.invalidateQueries({ queryKey: conversationKeys.viewCounts() }),
  ]);
}

interface Variables {
  edit: ReviewEdit;
  version: number | undefined;
}

/** Changes one conversation's review; `change` resolves true when the server accepted it. */
export function useReviewChange(
  connectionId: string,
  conversationId: string,
  me: { id: string; name: string },
) {
  const client = useQueryClient();
  const key = reviewKeys.of(connectionId, conversationId);
  const options = useReviewOptions();
  const mutation = useMutation({
    // One conversation's changes run in order, so each carries the version the previous one made.
    scope: { id: `review:${connectionId}:${conversationId}` },
    mutationFn: ({ edit, version }: Variables) =>
      apiFetch<{ review: Review }>(conversationPath(connectionId, conversationId), {
        method: "PATCH",
        json: { ...edit, ...(version === undefined ? {} : { reviewVersion: version }) },
      }).then((answer) => answer.review),
    onMutate: async ({ edit }) => {
      await client.cancelQueries({ queryKey: key, exact: true });
      const before = client.getQueryData<Review>(key);
      if (before) client.setQueryData<Review>(key, applyReviewEdit(before, edit, options.data, me));
      return { before };
    },
    onError: (_error, _variables, context) => {
      if (context?.before) client.setQueryData(key, context.before);
      void client.invalidateQueries({ queryKey: key, exact: true });
    },
    onSuccess: (review) => client.setQueryData(key, review),
    onSettled: () => void invalidateLists(client),
  });
  const { mutateAsync } = mutation;

  const change = useCallback(
    async (edit: ReviewEdit, opts: { quiet?: boolean } = {}): Promise<boolean> => {
      const before = client.getQueryData<Review>(key);
      const label = describeReviewEdit(edit, options.data);
      let after: Review;
      try {
        after = await mutateAsync({ edit, version: before?.version });
      } catch (error) {
        toast.error(`${label} failed`, {
          description: error instanceof Error ? error.message : "The server refused the change.",
        });
        return false;
      }
      if (before) {
        const inverse = inverseReviewEdit(before, edit);
        const entry = recordUndo({
          label,
          run: () => mutateAsync({ edit: inverse, version: after.version }),
        });
        if (!opts.quiet)
          toast.success(label, {
            duration: 6_000,
            action: {
              label: "Undo",
              onClick: () =>
                void undoEntry(entry).then(
                  (ran) => ran && toast(`Undone: ${label.toLowerCase()}`),
                  (error: unknown) =>
                    toast.error("Undo failed", {
                      description: error instanceof Error ? error.message : undefined,
                    }),
                ),
            },
          });
      }
      return true;
    },
    [client, key, mutateAsync, options.data],
  );

  return { change, isPending: mutation.isPending };
}

/** Conversations the keyboard review pass has opened in this tab (a skipped one comes last). */
const visited = new Set<string>();
const pairKey = (connectionId: string, conversationId: string) => `${connectionId}\u0000${conversationId}`;

/**
 * The next unreviewed conversation of the current list (its filters, with `reviewState=unreviewed`):
 * the first one this pass has not opened yet, else the first other than the current one.
 */
export async function findNextUnreviewed(
  params: ListParams,
  current: { connectionId: string; conversationId: string } | null,
): Promise<{ connectionId: string; conversationId: string } | null> {
  if (current) visited.add(pairKey(current.connectionId, current.conversationId));
  const page = await apiFetch<ConversationPage>(
    listApiUrl({ ...params, reviewState: ["unreviewed"], cursor: null, limit: 100 }),
  );
  const others = page.items.filter(
    (item) => !current || item.connectionId !== current.connectionId || item.id !== current.conversationId,
  );
  const next = others.find((item) => !visited.has(pairKey(item.connectionId, item.id))) ?? others[0];
  if (!next) return null;
  visited.add(pairKey(next.connectionId, next.id));
  return { connectionId: next.connectionId, conversationId: next.id };
}
