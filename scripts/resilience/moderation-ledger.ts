/**
 * The record the load keeps of every moderation request, and what it implies: the state each
 * conversation must be in afterwards (its initial state with every successful change applied in
 * order; a failed change must leave nothing behind) and the audit rows the log must hold (exactly
 * one per request that reached the moderation service, successful or not).
 */
import type { ModerationBody, ModerationState } from "@/lib/conversations/api-schemas";

/** A moderation field. */
export type Field = keyof ModerationState;
/** Every moderation field, in a fixed order. */
export const fields: readonly Field[] = ["important", "archived", "trashed", "title"];

/** One moderation request and its answer. */
export interface ModerationRecord {
  conversationKey: string;
  change: ModerationBody;
  /** HTTP status, or null when no answer came (network error, timeout). */
  status: number | null;
  /** The API error code of a non-2xx answer (`provider_unavailable`, …), else null. */
  errorCode: string | null;
  /** The state the 200 answer reported, else null. */
  answeredState: ModerationState | null;
}

/** Whether a request reached the moderation service, which writes one audit row per request. */
export function isAudited(record: ModerationRecord): boolean {
  if (record.status === null) return false;
  if (record.status >= 200 && record.status < 300) return true;
  return record.errorCode?.startsWith("provider_") ?? false;
}

/** Whether the request was answered 2xx. */
export function isSuccess(record: ModerationRecord): boolean {
  return record.status !== null && record.status >= 200 && record.status < 300;
}

/** The initial state with every successful change applied, in the order the requests were sent. */
export function expectedState(
  initial: ModerationState,
  records: readonly ModerationRecord[],
): ModerationState {
  const state: ModerationState = { ...initial };
  for (const record of records) {
    if (!isSuccess(record)) continue;
    const { change } = record;
    if (change.important !== undefined) state.important = change.important;
    if (change.archived !== undefined) state.archived = change.archived;
    if (change.trashed !== undefined) state.trashed = change.trashed;
    if (change.title !== undefined && change.title !== null) state.title = change.title;
  }
  return state;
}

/** Fields whose read-back value differs from the expected one, as `field: expected → actual`. */
export function stateDifferences(expected: ModerationState, actual: ModerationState): string[] {
  return fields
    .filter((field) => expected[field] !== actual[field])
    .map(
      (field) =>
        `${field}: expected ${JSON.stringify(expected[field])}, read ${JSON.stringify(actual[field])}`,
    );
}

/** A 200 answer must report the state it was asked for. */
export function answerDisagrees(record: ModerationRecord): string | null {
  if (!isSuccess(record) || record.answeredState === null) return null;
  const answered = record.answeredState;
  const wrong = fields.filter((field) => {
    const requested = record.change[field];
    return requested !== null && requested !== undefined && answered[field] !== requested;
  });
  return wrong.length > 0 ? `answered ${JSON.stringify(answered)} to ${JSON.stringify(record.change)}` : null;
}

/** Audit rows expected and found for one conversation. */
export interface AuditComparison {
  expectedRows: number;
  expectedSuccesses: number;
  expectedFailures: number;
  rows: number;
  successes: number;
  failures: number;
  ok: boolean;
}

/** Compares the audit rows of one conversation with the requests sent for it. */
export function compareAudit(
  records: readonly ModerationRecord[],
  rows: readonly { outcome: "success" | "failure" }[],
): AuditComparison {
  const audited = records.filter(isAudited);
  const expectedSuccesses = audited.filter(isSuccess).length;
  const successes = rows.filter((row) => row.outcome === "success").length;
  const comparison = {
    expectedRows: audited.length,
    expectedSuccesses,
    expectedFailures: audited.length - expectedSuccesses,
    rows: rows.length,
    successes,
    failures: rows.length - successes,
  };
  return {
    ...comparison,
    ok:
      comparison.rows === comparison.expectedRows &&
      comparison.successes === comparison.expectedSuccesses &&
      comparison.failures === comparison.expectedFailures,
  };
}

/** The next change a client makes: flip one flag, or a new title. */
export function nextChange(current: ModerationState, field: Field, titleSuffix: string): ModerationBody {
  switch (field) {
    case "important":
      return { important: !current.important };
    case "archived":
      return { archived: !current.archived };
    case "trashed":
      return { trashed: !current.trashed };
    case "title":
      return { title: `Load test ${titleSuffix}` };
    default: {
      const unreachable: never = field;
      return unreachable;
    }
  }
}
