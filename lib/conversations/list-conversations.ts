/**
 * The conversation list across connections: asks every selected connection (and every scope of a
 * scoped provider) in parallel, merges by last activity, and returns a cursor that resumes each
 * source where it stopped. A failing connection becomes a notice; the page still answers.
 */
import "server-only";
import type { Database } from "@/lib/db/client";
import { isProviderError } from "@/lib/model/errors";
import type { ListQuery } from "./api-schemas";
import type { ConnectionHandle } from "@/lib/connections/connection-handle";
import { decodeCursor, encodeCursor, hashQuery, sourceKey, type ListCursor } from "./cursor";
import type { Conversation, ConversationPage, Notice } from "@/lib/model/conversation";
import { providerLabels } from "@/lib/model/conversation";
import { filterLabels, planSources, type SourcePlan } from "./query-plan";
import { cachedScopes } from "./scope-cache";
import {
  initialPageSize,
  pageBudgetFor,
  readOverlaySource,
  readProviderSource,
  type Position,
  type SourceMatch,
} from "./source-reader";

interface SourceTask {
  key: string;
  plan: SourcePlan;
  scope: string | null;
}

function notice(
  handle: ConnectionHandle,
  kind: Notice["kind"],
  message: string,
  code: string | null = null,
): Notice {
  return {
    kind,
    connectionId: handle.id,
    connectionName: handle.name,
    provider: handle.provider,
    message,
    code,
  };
}

function failureNotice(handle: ConnectionHandle, error: unknown): Notice {
  if (isProviderError(error)) return notice(handle, "failed", error.message, error.code);
  console.error(
    `[conversations] ${handle.provider} connection ${handle.id} failed:`,
    error instanceof Error ? error.message : error,
  );
  return notice(
    handle,
    "failed",
    `${providerLabels[handle.provider]} failed unexpectedly; the error has been logged.`,
    "internal",
  );
}

function compareBy(sort: "recent" | "oldest") {
  const time = (conversation: Conversation) => {
    const value = conversation.lastActivityAt ?? conversation.createdAt;
    return value ? Date.parse(value) : Number.NEGATIVE_INFINITY;
  };
  return (left: Conversation, right: Conversation) => {
    const difference = sort === "recent" ? time(right) - time(left) : time(left) - time(right);
    if (difference !== 0 && !Number.isNaN(difference)) return difference;
    return `${left.connectionId}/${left.id}`.localeCompare(`${right.connectionId}/${right.id}`);
  };
}

/** The part of a query that shapes the list; a cursor is valid only for the same shape. */
export function queryShape(query: ListQuery, connectionIds: readonly string[]) {
  const { cursor: _cursor, limit: _limit, ...shape } = query;
  return hashQuery({ ...shape, connection: [...connectionIds].sort() });
}

export async function listConversations(
  db: Database,
  query: ListQuery,
  handles: readonly ConnectionHandle[],
): Promise<ConversationPage> {
  const queryHash = queryShape(
    query,
    handles.map((handle) => handle.id),
  );
  const cursor: ListCursor | null = query.cursor ? decodeCursor(query.cursor, queryHash) : null;
  const { plans, exclusions } = planSources(query, handles);
  const notices: Notice[] = exclusions.map((exclusion) =>
    notice(exclusion.handle, "left_out", exclusion.reason),
  );

  const tasks: SourceTask[] = [];
  await Promise.all(
    plans.map(async (plan) => {
      if (plan.mode === "overlay" || !plan.handle.adapter.capabilities.scoped) {
        tasks.push({ key: sourceKey(plan.handle.id, null), plan, scope: null });
        return;
      }
      try {
        const scopes = await cachedScopes(plan.handle, plan.nativeFilters);
        for (const scope of scopes) tasks.push({ key: sourceKey(plan.handle.id, scope), plan, scope });
      } catch (error) {
        notices.push(failureNotice(plan.handle, error));
      }
    }),
  );

  // A lazy k-way merge: every live source keeps at least one buffered match, the newest head is
  // taken next, and a source is read again only when its buffer runs dry. Each source's cursor
  // position is the one right after its last match taken.
  const failedConnections = new Set<string>();
  const compare = compareBy(query.sort);
  const states = tasks.map((task) => {
    const saved = cursor?.s[task.key];
    const start: Position =
      saved ?? (cursor ? "done" : { t: null, i: 0, z: initialPageSize(task.plan, query.limit) });
    return {
      task,
      start,
      position: start,
      buffer: [] as SourceMatch[],
      lastTaken: null as SourceMatch | null,
      pagesRead: 0,
      rowsScanned: 0,
      budgetExhausted: false,
      failed: false,
      total: null as number | null,
    };
  });
  type SourceState = (typeof states)[number];

  async function refill(state: SourceState): Promise<void> {
    if (state.position === "done" || state.failed || state.budgetExhausted) return;
    const { plan, scope } = state.task;
    try {
      if (plan.mode === "overlay") {
        const read = await readOverlaySource(db, plan, state.position, query.limit, query.sort);
        state.buffer.push(...read.matches);
        state.position = read.end;
        state.rowsScanned += read.rowsScanned;
        state.total = read.total;
        state.budgetExhausted = state.position !== "done";
        return;
      }
      const budget = pageBudgetFor(plan, state.position.z, query.limit) - state.pagesRead;
      const firstRead = state.pagesRead === 0;
      const read = await readProviderSource(db, plan, scope, state.position, 1, query.sort, budget);
      state.buffer.push(...read.matches);
      state.position = read.end;
      state.pagesRead += read.pagesRead;
      state.rowsScanned += read.rowsScanned;
      state.budgetExhausted = read.budgetExhausted;
      if (firstRead) state.total = read.total;
    } catch (error) {
      state.failed = true;
      if (!failedConnections.has(plan.handle.id)) {
        failedConnections.add(plan.handle.id);
        notices.push(failureNotice(plan.handle, error));
      }
    }
  }

  const page: SourceMatch[] = [];
  await Promise.all(states.map(refill));
  while (page.length < query.limit) {
    const dry = states.filter(
      (state) =>
        state.buffer.length === 0 && state.position !== "done" && !state.failed && !state.budgetExhausted,
    );
    if (dry.length > 0) {
      await Promise.all(dry.map(refill));
      continue;
    }
    let best: SourceState | null = null;
    for (const state of states) {
      const head = state.buffer[0];
      if (!head) continue;
      const bestHead = best?.buffer[0];
      if (!bestHead || compare(head.conversation, bestHead.conversation) < 0) best = state;
    }
    if (!best) break;
    const taken = best.buffer.shift();
    if (!taken) break;
    best.lastTaken = taken;
    page.push(taken);
  }

  const positions: ListCursor["s"] = {};
  let anyRemaining = false;
  for (const state of states) {
    let position: Position;
    if (state.failed)
      position = state.start; // retried from the same place next time
    else if (state.buffer.length > 0) position = state.lastTaken ? state.lastTaken.after : state.start;
    else position = state.position;
    positions[state.task.key] = position;
    if (position !== "done") anyRemaining = true;
  }
  const reads = states.map((state) => ({
    task: state.task,
    read: state.failed
      ? null
      : { rowsScanned: state.rowsScanned, budgetExhausted: state.budgetExhausted, total: state.total },
  }));

  const scanNotices = new Map<string, Notice>();
  for (const { task, read } of reads) {
    if (!read) continue;
    const handle = task.plan.handle;
    const scanned = task.plan.scannedFilters.map((key) => filterLabels[key]);
    if (scanned.length === 0 && !read.budgetExhausted) continue;
    const what =
      scanned.length > 0 ? `${scanned.join(", ")} applied by Parley` : "view flags checked by Parley";
    const more = read.budgetExhausted
      ? "; more may match further back — load the next page to keep scanning"
      : "";
    const previous = scanNotices.get(handle.id);
    const rows = (previous ? Number(previous.code ?? 0) : 0) + read.rowsScanned;
    scanNotices.set(
      handle.id,
      notice(
        handle,
        "scanned",
        `${providerLabels[handle.provider]}: ${what} on a bounded scan of ${rows} conversations${more}.`,
        String(rows),
      ),
    );
  }
  for (const scanNotice of scanNotices.values()) notices.push({ ...scanNotice, code: null });

  const exactTotal =
    exclusions.length === 0 &&
    failedConnections.size === 0 &&
    plans.every((plan) => plan.scannedFilters.length === 0) &&
    reads.every(({ read }) => read !== null && read.total !== null) &&
    !cursor;
  const total = exactTotal ? reads.reduce((sum, { read }) => sum + (read?.total ?? 0), 0) : null;

  return {
    items: page.map((match) => match.conversation),
    nextCursor: anyRemaining ? encodeCursor({ v: 1, q: queryHash, s: positions }) : null,
    total,
    notices,
  };
}
