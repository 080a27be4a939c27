/**
 * Review progress from the index and Parley's review rows: over the conversations a list query
 * selects (the same predicates as the list), how many are unreviewed, in review and reviewed, and
 * per reviewer and per responder how many were reviewed, the pass rate of pass/fail scores and the
 * average of 1–5 scores. Only reviewed conversations' scores count; a score keeps the mode it was
 * given in, so the two kinds are never mixed.
 */
import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import type { ListQuery } from "@/lib/model/list-query";
import type { ReviewStats, ReviewStatsQuery } from "@/lib/model/review";
import { wherePredicates } from "./filter-sql";
import { fromIndexedConversations } from "./list";
import { queryRows } from "./rows";

/** At most this many responders and reviewers are listed (the largest first). */
export const REVIEW_STATS_GROUPS = 200;

interface StatsRow {
  reviewed: string | number;
  pass_fail: string | number;
  passed: string | number;
  five: string | number;
  average: string | number | null;
}

const reviewed = sql`r.review_state = 'reviewed'`;
const statsColumns = sql`
  count(*) filter (where ${reviewed}) as reviewed,
  count(*) filter (where ${reviewed} and r.score_mode = 'pass_fail' and r.score is not null) as pass_fail,
  count(*) filter (where ${reviewed} and r.score_mode = 'pass_fail' and r.score = 1) as passed,
  count(*) filter (where ${reviewed} and r.score_mode = 'five' and r.score is not null) as five,
  avg(r.score) filter (where ${reviewed} and r.score_mode = 'five') as average`;

function statsOf(row: StatsRow) {
  const passFail = Number(row.pass_fail);
  const five = Number(row.five);
  return {
    reviewed: Number(row.reviewed),
    passFailScored: passFail,
    passRate: passFail > 0 ? Number(row.passed) / passFail : null,
    fiveScored: five,
    averageScore: five > 0 && row.average !== null ? Math.round(Number(row.average) * 100) / 100 : null,
  };
}

function asListQuery(query: ReviewStatsQuery): ListQuery {
  return { ...query, sort: "recent", limit: 1 };
}

export async function reviewStatsFromIndex(
  db: Database,
  query: ReviewStatsQuery,
  connectionIds: readonly string[],
): Promise<ReviewStats> {
  const empty = { conversations: 0, unreviewed: 0, inReview: 0 };
  if (connectionIds.length === 0)
    return {
      totals: { ...empty, ...statsOf({ reviewed: 0, pass_fail: 0, passed: 0, five: 0, average: null }) },
      byReviewer: [],
      byResponder: [],
    };
  const from = fromIndexedConversations(connectionIds, wherePredicates(asListQuery(query)));
  const rows: SQL = sql`(select c.connection_id, c.id, c.responder_id, c.responder_name ${from}) f
    left join conversation_reviews r on r.connection_id = f.connection_id and r.conversation_id = f.id`;
  const [totals, reviewers, responders] = await Promise.all([
    queryRows<
      StatsRow & { conversations: string | number; unreviewed: string | number; in_review: string | number }
    >(
      db,
      sql`select count(*) as conversations,
        count(*) filter (where coalesce(r.review_state, 'unreviewed') = 'unreviewed') as unreviewed,
        count(*) filter (where r.review_state = 'in_review') as in_review,
        ${statsColumns} from ${rows}`,
    ),
    queryRows<StatsRow & { reviewer_id: string; reviewer_name: string | null }>(
      db,
      sql`select r.reviewed_by as reviewer_id, max(u.name) as reviewer_name, ${statsColumns}
        from ${rows} left join "user" u on u.id = r.reviewed_by
        where ${reviewed} and r.reviewed_by is not null
        group by r.reviewed_by order by reviewed desc, reviewer_name asc limit ${REVIEW_STATS_GROUPS}`,
    ),
    queryRows<
      StatsRow & {
        responder_id: string | null;
        responder_name: string | null;
        conversations: string | number;
      }
    >(
      db,
      sql`select f.responder_id, max(f.responder_name) as responder_name, count(*) as conversations, ${statsColumns}
        from ${rows} group by f.responder_id
        order by conversations desc, responder_name asc limit ${REVIEW_STATS_GROUPS}`,
    ),
  ]);
  const total = totals[0];
  return {
    totals: {
      conversations: Number(total?.conversations ?? 0),
      unreviewed: Number(total?.unreviewed ?? 0),
      inReview: Number(total?.in_review ?? 0),
      ...statsOf(total ?? { reviewed: 0, pass_fail: 0, passed: 0, five: 0, average: null }),
    },
    byReviewer: reviewers.map((row) => ({
      reviewer: { id: row.reviewer_id, name: row.reviewer_name ?? "(removed user)" },
      ...statsOf(row),
    })),
    byResponder: responders.map((row) => ({
      responderId: row.responder_id,
      responderName: row.responder_name ?? (row.responder_id ? row.responder_id : "No responder"),
      conversations: Number(row.conversations),
      ...statsOf(row),
    })),
  };
}
