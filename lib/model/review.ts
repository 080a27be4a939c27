/**
 * Assignment and review: Parley's own data on a conversation (never sent to providers). A
 * conversation has an assignee (a user, or none), a review state, who reviewed it and when, a
 * score in the Parley-wide score mode (1–5 or pass/fail, chosen by an admin) and a reason label.
 * Pure (zod and `lib/model`), so the service, the API, the OpenAPI document and the browser share it.
 */
import { z } from "zod";
import { viewSchema } from "./list-query";
import { filterApiShape, listValueSchema } from "./filters";

import { reviewStates, scoreModes } from "./review-labels";

export * from "./review-labels";

export const reviewStateSchema = z.enum(reviewStates);
export const scoreModeSchema = z.enum(scoreModes);
export const scoreSchema = z.union([z.number().int(), z.enum(["pass", "fail"])]);

const id = z.string().trim().min(1).max(200);

/** The review fields `PATCH /api/conversations/:connectionId/:conversationId` accepts. */
export const reviewFields = {
  /** A user id, or null for nobody. */
  assignee: id.nullable().optional(),
  reviewState: reviewStateSchema.optional(),
  /** In the Parley-wide score mode; null clears it. */
  score: scoreSchema.nullable().optional(),
  /** A label id, or null. */
  reviewReason: id.nullable().optional(),
  /**
   * The review's `version` the caller last saw: when someone changed the review since, the change
   * is refused with 409 and nothing is written. Without it, changes are applied field by field.
   */
  reviewVersion: z.number().int().min(0).optional(),
};
export const reviewFieldKeys = ["assignee", "reviewState", "score", "reviewReason"] as const;
export type ReviewField = (typeof reviewFieldKeys)[number];

export const reviewChangeSchema = z.object(reviewFields).strict();
export type ReviewChange = z.infer<typeof reviewChangeSchema>;

const person = z.object({ id: z.string(), name: z.string() });
export type Person = z.infer<typeof person>;

/** A conversation's review, as the API answers it (a conversation never touched is unreviewed, version 0). */
export const reviewSchema = z.object({
  assignee: person.nullable(),
  reviewState: reviewStateSchema,
  reviewedBy: person.nullable(),
  reviewedAt: z.string().nullable(),
  score: scoreSchema.nullable(),
  reviewReason: z.string().nullable(),
  version: z.number().int(),
});
export type Review = z.infer<typeof reviewSchema>;

/** What the review controls need: the score mode and the people a conversation may be assigned to. */
export const reviewOptionsSchema = z.object({
  scoreMode: scoreModeSchema,
  assignees: z.array(person),
});
export type ReviewOptions = z.infer<typeof reviewOptionsSchema>;

/** `GET /api/analytics/review`: the list's connections, view and filters. */
export const reviewStatsQuerySchema = z
  .object({ connection: listValueSchema, view: viewSchema.default("inbox"), ...filterApiShape })
  .strict()
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    message: "`from` must not be after `to`",
    path: ["from"],
  });
export type ReviewStatsQuery = z.infer<typeof reviewStatsQuerySchema>;

const statsFields = {
  /** Conversations reviewed (state `reviewed`). */
  reviewed: z.number().int(),
  /** Reviewed with a pass/fail score, and how many passed; `passRate` is null without any. */
  passFailScored: z.number().int(),
  passRate: z.number().nullable(),
  /** Reviewed with a 1–5 score, and their average; null without any. */
  fiveScored: z.number().int(),
  averageScore: z.number().nullable(),
};

export const reviewStatsSchema = z.object({
  totals: z.object({
    conversations: z.number().int(),
    unreviewed: z.number().int(),
    inReview: z.number().int(),
    ...statsFields,
  }),
  byReviewer: z.array(z.object({ reviewer: person, ...statsFields })),
  byResponder: z.array(
    z.object({
      responderId: z.string().nullable(),
      responderName: z.string(),
      conversations: z.number().int(),
      ...statsFields,
    }),
  ),
});
export type ReviewStats = z.infer<typeof reviewStatsSchema>;
