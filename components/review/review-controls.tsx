"use client";
/**
 * A conversation's assignment and review in the thread: the assignee (with "Take it", key I), the
 * review state (key M marks reviewed), the score (1–5 keys, or P/F, in the mode an admin chose)
 * and a reason label. Parley's own data, never sent to the provider; every change shows at once,
 * can be undone, and is refused with a clear message when a colleague changed the review meanwhile.
 */
import { CheckCircle2Icon, HandIcon } from "lucide-react";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { useActor } from "@/components/shell/actor-context";
import { useLabels } from "@/lib/client/labels";
import {
  useConversationReview,
  useReviewChange,
  useReviewOptions,
  type ReviewEdit,
} from "@/lib/client/review";
import { reviewStateLabels, reviewStates, scoreLabel, type Score } from "@/lib/model/review-labels";
import { cn } from "@/lib/utils";
import { useReviewHotkeys } from "./use-review-hotkeys";

const NOBODY = "__nobody__";
const NO_REASON = "__none__";

export function ReviewControls({
  connectionId,
  conversationId,
  hotkeysEnabled,
  onNextUnreviewed,
}: {
  connectionId: string;
  conversationId: string;
  hotkeysEnabled: boolean;
  onNextUnreviewed: () => void;
}) {
  const actor = useActor();
  const options = useReviewOptions();
  const labels = useLabels();
  const review = useConversationReview(connectionId, conversationId);
  const { change } = useReviewChange(connectionId, conversationId, { id: actor.id, name: actor.name });
  const id = useId();
  const current = review.data;
  const mode = options.data?.scoreMode ?? "five";
  const ready = Boolean(current && options.data);

  const edit = (next: ReviewEdit) => {
    if (ready) void change(next);
  };
  const mine = current?.assignee?.id === actor.id;
  const take = () => edit({ assignee: mine ? null : actor.id });
  const score = (value: Score) => edit({ score: current?.score === value ? null : value });
  const markReviewed = () =>
    edit({ reviewState: current?.reviewState === "reviewed" ? "unreviewed" : "reviewed" });

  useReviewHotkeys({
    enabled: hotkeysEnabled && ready,
    mode,
    onTake: take,
    onScore: score,
    onReviewed: markReviewed,
    onNext: onNextUnreviewed,
  });

  const scores: Score[] = mode === "five" ? [1, 2, 3, 4, 5] : ["pass", "fail"];
  return (
    <div
      role="group"
      aria-label="Review"
      data-review-controls
      className="flex flex-wrap items-center gap-2 text-sm"
    >
      <label htmlFor={`${id}-assignee`} className="sr-only">
        Assignee
      </label>
      <Select
        value={current?.assignee?.id ?? NOBODY}
        disabled={!ready}
        onValueChange={(value) => edit({ assignee: value === NOBODY ? null : value })}
      >
        <SelectTrigger id={`${id}-assignee`} size="sm" className="w-40" aria-label="Assignee">
          <SelectValue placeholder="Assignee" />
        </SelectTrigger>
        <SelectContent>
          <SelectItem value={NOBODY}>Nobody</SelectItem>
          {(options.data?.assignees ?? []).map((person) => (
            <SelectItem key={person.id} value={person.id}>
              {person.id === actor.id ? `${person.name} (me)` : person.name}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
      <Button variant="outline" size="sm" disabled={!ready} onClick={take} aria-keyshortcuts="i">
        <HandIcon aria-hidden /> {mine ? "Give back" : "Take it"}
      </Button>
      <Select
        value={current?.reviewState ?? "unreviewed"}
        disabled={!ready}
        onValueChange={(value) => edit({ reviewState: value as (typeof reviewStates)[number] })}
      >
        <SelectTrigger size="sm" className="w-32" aria-label="Review state">
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          {reviewStates.map((state) => (
            <SelectItem key={state} value={state}>
              {reviewStateLabels[state]}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
      <div role="group" aria-label="Score" className="flex items-center gap-0.5">
        {scores.map((value) => (
          <Button
            key={String(value)}
            variant={current?.score === value ? "default" : "outline"}
            size="sm"
            className={cn("h-7 px-2", mode === "five" && "w-7")}
            disabled={!ready}
            aria-pressed={current?.score === value}
            aria-label={`Score ${scoreLabel(value)}`}
            onClick={() => score(value)}
          >
            {mode === "five" ? value : scoreLabel(value)}
          </Button>
        ))}
      </div>
      <Select
        value={current?.reviewReason ?? NO_REASON}
        disabled={!ready}
        onValueChange={(value) => edit({ reviewReason: value === NO_REASON ? null : value })}
      >
        <SelectTrigger size="sm" className="w-36" aria-label="Reason label">
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          <SelectItem value={NO_REASON}>No reason</SelectItem>
          {(labels.data ?? []).map((label) => (
            <SelectItem key={label.id} value={label.id}>
              {label.name}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
      <Button
        variant={current?.reviewState === "reviewed" ? "secondary" : "default"}
        size="sm"
        disabled={!ready}
        onClick={markReviewed}
        aria-keyshortcuts="m"
      >
        <CheckCircle2Icon aria-hidden /> {current?.reviewState === "reviewed" ? "Reviewed" : "Mark reviewed"}
      </Button>
      {current?.reviewState === "reviewed" && current.reviewedBy ? (
        <span className="text-muted-foreground text-xs" aria-live="polite">
          by {current.reviewedBy.name}
        </span>
      ) : null}
    </div>
  );
}
