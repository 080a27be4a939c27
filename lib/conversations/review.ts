/**
 * Assignment and review of one conversation: Parley's own data (never sent to providers). A change
 * is checked first (the assignee must be an active user, the score must fit the Parley-wide mode,
 * the reason must be an existing label), then written in one transaction with the row locked,
 * together with one audit row per field it sets; a refused change writes nothing but one failure
 * row. With `reviewVersion`, a change made on a stale review (someone changed it since) is refused
 * with 409; without it, concurrent changes of different fields are all kept.
 */
import "server-only";
import { and, asc, eq, ne, or, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { recordAudit } from "@/lib/audit/audit-log";
import { requireIndexedConversation } from "@/lib/index/read/indexed-conversation";
import type { Actor } from "@/lib/auth/actor";
import type { Database } from "@/lib/db/client";
import { conversationReviews, labels, user } from "@/lib/db/schema";
import { conflict, invalid, isDomainError, notFound } from "@/lib/model/errors";
import {
  reviewFieldKeys,
  scoreFits,
  scoreFromStored,
  storedScore,
  type Review,
  type ReviewChange,
  type ReviewField,
  type ReviewOptions,
  type ScoreMode,
} from "@/lib/model/review";
import { readSettings } from "./settings";

type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
type Reader = Database | Transaction;
type ReviewRow = typeof conversationReviews.$inferSelect;

const where = (connectionId: string, conversationId: string) =>
  and(
    eq(conversationReviews.connectionId, connectionId),
    eq(conversationReviews.conversationId, conversationId),
  );

const assigneeUser = alias(user, "assignee_user");
const reviewerUser = alias(user, "reviewer_user");

/** A conversation's review with the people's names; one never touched is unreviewed, version 0. */
async function readReviewWith(db: Reader, connectionId: string, conversationId: string): Promise<Review> {
  const [row] = await db
    .select({
      review: conversationReviews,
      assigneeName: assigneeUser.name,
      reviewerName: reviewerUser.name,
    })
    .from(conversationReviews)
    .leftJoin(assigneeUser, eq(assigneeUser.id, conversationReviews.assigneeId))
    .leftJoin(reviewerUser, eq(reviewerUser.id, conversationReviews.reviewedBy))
    .where(where(connectionId, conversationId));
  if (!row) return emptyReview();
  const review = row.review;
  return {
    assignee: review.assigneeId ? { id: review.assigneeId, name: row.assigneeName ?? "" } : null,
    reviewState: review.reviewState as Review["reviewState"],
    reviewedBy: review.reviewedBy ? { id: review.reviewedBy, name: row.reviewerName ?? "" } : null,
    reviewedAt: review.reviewedAt?.toISOString() ?? null,
    score: scoreFromStored(review.score, review.scoreMode),
    reviewReason: review.reasonLabelId,
    version: review.version,
  };
}

export function emptyReview(): Review {
  return {
    assignee: null,
    reviewState: "unreviewed",
    reviewedBy: null,
    reviewedAt: null,
    score: null,
    reviewReason: null,
    version: 0,
  };
}

export async function readReview(
  db: Database,
  connectionId: string,
  conversationId: string,
): Promise<Review> {
  await requireIndexedConversation(db, connectionId, conversationId);
  return readReviewWith(db, connectionId, conversationId);
}

/** Active users (not deactivated), by name: who a conversation may be assigned to. */
async function activeUsers(db: Database): Promise<{ id: string; name: string }[]> {
  return db
    .select({ id: user.id, name: user.name })
    .from(user)
    .where(or(isNull(user.banned), ne(user.banned, true)))
    .orderBy(asc(user.name), asc(user.id));
}

export async function reviewOptions(db: Database): Promise<ReviewOptions> {
  const [settings, assignees] = await Promise.all([readSettings(db), activeUsers(db)]);
  return { scoreMode: settings.scoreMode, assignees };
}

/** Refuses what cannot be stored, before anything is written. */
async function checkChange(db: Database, change: ReviewChange, mode: ScoreMode): Promise<void> {
  if (change.assignee) {
    const [found] = await db
      .select({ id: user.id, banned: user.banned })
      .from(user)
      .where(eq(user.id, change.assignee));
    if (!found) throw invalid("assignee: no user has this id.");
    if (found.banned === true) throw invalid("assignee: this user is deactivated; pick an active user.");
  }
  if (change.score !== undefined && change.score !== null && !scoreFits(change.score, mode))
    throw invalid(
      mode === "five"
        ? "score: this Parley scores from 1 to 5 (an administrator chose it); send a whole number 1–5."
        : 'score: this Parley scores pass or fail (an administrator chose it); send "pass" or "fail".',
    );
  if (change.reviewReason) {
    const [found] = await db.select({ id: labels.id }).from(labels).where(eq(labels.id, change.reviewReason));
    if (!found) throw invalid("reviewReason: this label does not exist (it may have been deleted).");
  }
}

const auditActions: Record<ReviewField, string> = {
  assignee: "conversation.assign",
  reviewState: "conversation.review_state",
  score: "conversation.score",
  reviewReason: "conversation.review_reason",
};

/** The review's row after the change, and each field's value before and after (for the audit). */
function applyChange(
  row: ReviewRow,
  change: ReviewChange,
  actor: Actor,
  mode: ScoreMode,
  now: Date,
): { set: Partial<ReviewRow>; fields: { field: ReviewField; before: unknown; after: unknown }[] } {
  const set: Partial<ReviewRow> = {};
  const fields: { field: ReviewField; before: unknown; after: unknown }[] = [];
  const fieldsOf = (field: ReviewField, before: unknown, after: unknown) =>
    fields.push({ field, before, after });
  if (change.assignee !== undefined) {
    set.assigneeId = change.assignee;
    fieldsOf("assignee", row.assigneeId, change.assignee);
  }
  if (change.reviewState !== undefined) {
    set.reviewState = change.reviewState;
    const stillReviewed = change.reviewState === "reviewed" && row.reviewState === "reviewed";
    if (!stillReviewed) {
      set.reviewedBy = change.reviewState === "reviewed" ? actor.id : null;
      set.reviewedAt = change.reviewState === "reviewed" ? now : null;
    }
    fieldsOf("reviewState", row.reviewState, change.reviewState);
  }
  if (change.score !== undefined) {
    set.score = change.score === null ? null : storedScore(change.score);
    set.scoreMode = change.score === null ? null : mode;
    fieldsOf("score", scoreFromStored(row.score, row.scoreMode), change.score);
  }
  if (change.reviewReason !== undefined) {
    set.reasonLabelId = change.reviewReason;
    fieldsOf("reviewReason", row.reasonLabelId, change.reviewReason);
  }
  return { set, fields };
}

/** Checks a change without writing (a request that also moderates checks before the provider is called). */
export async function checkReviewChange(db: Database, change: ReviewChange): Promise<void> {
  const { scoreMode } = await readSettings(db);
  await checkChange(db, change, scoreMode);
}

export const hasReviewFields = (change: ReviewChange) =>
  reviewFieldKeys.some((key) => change[key] !== undefined);

/**
 * Applies a review change (assignee, state, score, reason) in one transaction with its audit rows.
 * A refused change (unknown user, a score outside the mode, a stale `reviewVersion`) writes
 * nothing but one failure row.
 */
export async function updateReview(
  db: Database,
  actor: Actor,
  connectionId: string,
  conversationId: string,
  change: ReviewChange,
): Promise<Review> {
  const entry = { actor: { id: actor.id, email: actor.email }, connectionId, conversationId };
  let connectionName: string | null = null;
  try {
    if (!hasReviewFields(change))
      throw invalid("send at least one of assignee, reviewState, score, reviewReason");
    connectionName = (await requireIndexedConversation(db, connectionId, conversationId)).name;
    const { scoreMode } = await readSettings(db);
    await checkChange(db, change, scoreMode);
    return await db.transaction(async (tx) => {
      await tx.insert(conversationReviews).values({ connectionId, conversationId }).onConflictDoNothing();
      const [row] = await tx
        .select()
        .from(conversationReviews)
        .where(where(connectionId, conversationId))
        .for("update");
      if (!row) throw notFound("This conversation's review could not be read.");
      if (change.reviewVersion !== undefined && change.reviewVersion !== row.version)
        throw conflict(await staleMessage(tx, row));
      const now = new Date();
      const { set, fields } = applyChange(row, change, actor, scoreMode, now);
      await tx
        .update(conversationReviews)
        .set({
          ...set,
          version: sql`${conversationReviews.version} + 1`,
          updatedBy: actor.id,
          updatedAt: now,
        })
        .where(where(connectionId, conversationId));
      for (const { field, before, after } of fields)
        await recordAudit(tx as unknown as Database, {
          ...entry,
          connectionName,
          action: auditActions[field],
          before: { [field]: before },
          after: { [field]: after },
          outcome: "success",
        });
      return readReviewWith(tx, connectionId, conversationId);
    });
  } catch (error) {
    await recordAudit(db, {
      ...entry,
      connectionName,
      action: "conversation.review",
      after: Object.fromEntries(
        reviewFieldKeys.flatMap((key) => (key in change ? [[key, change[key]]] : [])),
      ),
      outcome: "failure",
      error: isDomainError(error) ? error.message : "unexpected error",
    });
    throw error;
  }
}

async function staleMessage(tx: Transaction, row: ReviewRow): Promise<string> {
  const [who] = row.updatedBy
    ? await tx.select({ name: user.name }).from(user).where(eq(user.id, row.updatedBy))
    : [];
  const by = who ? `${who.name} changed` : "Someone changed";
  return `${by} this conversation's review meanwhile; nothing was saved. Reload to see their change, then try again.`;
}
