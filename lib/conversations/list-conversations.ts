/**
 * The conversation list across connections: asks every selected connection (and every scope of a
 * scoped provider) in parallel, merges by last activity, and returns a cursor that resumes each
 * source where it stopped. A failing connection becomes a notice; the page still answers.
 */
import "server-only";
import type { Database } from "@/lib/db/client";
import { isProviderError } from "@/lib/providers/errors";
import type { ListQuery } from "./api-schemas";
import type { ConnectionHandle } from "./connection-handle";
import { decodeCursor, encodeCursor, hashQuery, sourceKey, type ListCursor } from "./cursor";
import type { Conversation, ConversationPage, Notice } from "./model";
import { providerLabels } from "./model";
import { filterLabels, planSources, type SourcePlan } from "./query-plan";
import { cachedScopes } from "./scope-cache";
import { initialPageSize, readOverlaySource, readProviderSource, type Position, type SourceRead } from "./source-reader";

interface SourceTask {
  key: string;
  plan: SourcePlan;
  scope: string | null;
}

function notice(handle: ConnectionHandle, kind: Notice["kind"], message: string, code: string | null = null): Notice {
  return { kind, connectionId: handle.id, connectionName: handle.name, provider: handle.provider, message, code };
}

function failureNotice(handle: ConnectionHandle, error: unknown): Notice {
  if (isProviderError(error)) return notice(handle, "failed", error.message, error.code);
  console.error(`[conversations] ${handle.provider} connection ${handle.id} failed:`, error instanceof Error ? error.message : error);
  return notice(handle, "failed", `${providerLabels[handle.provider]} failed unexpectedly; the error has been logged.`, "internal");
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
  const queryHash = queryShape(query, handles.map((handle) => handle.id));
  const cursor: ListCursor | null = query.cursor ? decodeCursor(query.cursor, queryHash) : null;
  const { plans, exclusions } = planSources(query, handles);
  const notices: Notice[] = exclusions.map((exclusion) => notice(exclusion.handle, "left_out", exclusion.reason));

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

  const failedConnections = new Set<string>();
  const reads = await Promise.all(
    tasks.map(async (task): Promise<{ task: SourceTask; read: SourceRead | null; start: Position }> => {
      const saved = cursor?.s[task.key];
      const start: Position = saved ?? (cursor ? "done" : { t: null, i: 0, z: initialPageSize(task.plan, query.limit) });
      if (start === "done") return { task, read: null, start };
      try {
        const read =
          task.plan.mode === "overlay"
            ? await readOverlaySource(db, task.plan, start, query.limit, query.sort)
            : await readProviderSource(db, task.plan, task.scope, start, query.limit, query.sort);
        return { task, read, start };
      } catch (error) {
        if (!failedConnections.has(task.plan.handle.id)) {
          failedConnections.add(task.plan.handle.id);
          notices.push(failureNotice(task.plan.handle, error));
        }
        return { task, read: null, start };
      }
    }),
  );

  // Merge every source's matches, take the page, and note where each source now stands.
  const candidates = reads.flatMap(({ task, read }) =>
    (read?.matches ?? []).map((match, index) => ({ key: task.key, index, match })),
  );
  const compare = compareBy(query.sort);
  candidates.sort((left, right) => compare(left.match.conversation, right.match.conversation));
  const page = candidates.slice(0, query.limit);
  const takenPerSource = new Map<string, number>();
  for (const item of page) takenPerSource.set(item.key, Math.max(takenPerSource.get(item.key) ?? 0, item.index + 1));

  const positions: ListCursor["s"] = {};
  let anyRemaining = false;
  for (const { task, read, start } of reads) {
    let position: Position;
    if (!read) position = start; // failed or already done: retry from the same place next time
    else {
      const taken = takenPerSource.get(task.key) ?? 0;
      position = taken >= read.matches.length ? read.end : (read.matches[taken - 1]?.after ?? start);
      if (taken === 0 && read.matches.length > 0) position = start;
    }
    positions[task.key] = position;
    if (position !== "done") anyRemaining = true;
  }

  const scanNotices = new Map<string, Notice>();
  for (const { task, read } of reads) {
    if (!read) continue;
    const handle = task.plan.handle;
    const scanned = task.plan.scannedFilters.map((key) => filterLabels[key]);
    if (scanned.length === 0 && !read.budgetExhausted) continue;
    const what = scanned.length > 0 ? `${scanned.join(", ")} applied by Parley` : "view flags checked by Parley";
    const more = read.budgetExhausted ? "; more may match further back — load the next page to keep scanning" : "";
    const previous = scanNotices.get(handle.id);
    const rows = (previous ? Number(previous.code ?? 0) : 0) + read.rowsScanned;
    scanNotices.set(
      handle.id,
      notice(handle, "scanned", `${providerLabels[handle.provider]}: ${what} on a bounded scan of ${rows} conversations${more}.`, String(rows)),
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
    items: page.map((item) => item.match.conversation),
    nextCursor: anyRemaining ? encodeCursor({ v: 1, q: queryHash, s: positions }) : null,
    total,
    notices,
  };
}
