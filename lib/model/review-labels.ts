/**
 * Assignment and review's zod-free half, for client components (which must not load zod): the
 * review states and their labels, the score modes and how a score is stored and shown.
 * `review.ts` adds the API schemas.
 */
export const reviewStates = ["unreviewed", "in_review", "reviewed"] as const;
export type ReviewState = (typeof reviewStates)[number];

export const reviewStateLabels: Record<ReviewState, string> = {
  unreviewed: "Unreviewed",
  in_review: "In review",
  reviewed: "Reviewed",
};

/** `five`: a score from 1 to 5; `pass_fail`: pass or fail. */
export const scoreModes = ["five", "pass_fail"] as const;
export type ScoreMode = (typeof scoreModes)[number];

/** A score as the API speaks it: 1–5 in the `five` mode, `pass`/`fail` in the `pass_fail` mode. */
export type Score = number | "pass" | "fail";

/** The `assignee` filter's values besides user ids. */
export const ASSIGNEE_ME = "me";
export const ASSIGNEE_NONE = "none";

/** Whether a score fits the mode: an integer 1–5, or pass/fail. */
export function scoreFits(score: Score, mode: ScoreMode): boolean {
  if (mode === "pass_fail") return score === "pass" || score === "fail";
  return typeof score === "number" && Number.isInteger(score) && score >= 1 && score <= 5;
}

/** A score as stored (an integer; pass 1, fail 0) and back. */
export function storedScore(score: Score): number {
  if (score === "pass") return 1;
  if (score === "fail") return 0;
  return score;
}
export function scoreFromStored(value: number | null, mode: string | null): Score | null {
  if (value === null) return null;
  if (mode === "pass_fail") return value === 1 ? "pass" : "fail";
  return value;
}

/** A score for people: "4/5", "Pass", "Fail". */
export function scoreLabel(score: Score | null): string {
  if (score === null) return "No score";
  if (score === "pass") return "Pass";
  if (score === "fail") return "Fail";
  return `${score}/5`;
}

/** A query's `assignee=me` as the caller's id (the routes know who asks; the index does not). */
export function resolveAssigneeMe<T extends { assignee: string[] }>(query: T, userId: string): T {
  if (!query.assignee.includes(ASSIGNEE_ME)) return query;
  const assignee = query.assignee.map((value) => (value === ASSIGNEE_ME ? userId : value));
  return { ...query, assignee: [...new Set(assignee)] };
}
