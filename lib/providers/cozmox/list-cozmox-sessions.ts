/**
 * Lists Cozmox sessions for Parley's inbox.
 *
 * Cozmox filters sessions by one `assistantId` only (`assistantIdAny` is Vapi-only until seen on
 * Cozmox, providers.md §6.3). With zero or one responder the list is the provider's own page
 * numbering. With several, each assistant's list is read and the lists are merged by last
 * activity, paging by keyset: the next page asks each assistant for sessions at or before (or
 * after, oldest first) the last `updatedAt` shown, skipping the ids already shown at that instant.
 *
 * Page tokens are opaque to callers: base64url JSON, validated with zod when they come back.
 */
import { z } from "zod";
import type { CozmoxSession } from "./wire-schemas";
import { ProviderError } from "@/lib/providers/errors";
import type { ListRequest, ProviderContext } from "@/lib/providers/contract";
import { COZMOX_MAX_LIMIT, listSessions, type CozmoxSessionQuery } from "./client";

const pageTokenSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("page"), page: z.number().int().min(1) }),
  z.object({
    kind: z.literal("merge"),
    /** `updatedAt` of the last session shown, exactly as Cozmox wrote it. */
    boundary: z.string(),
    /** Ids already shown whose `updatedAt` equals the boundary. */
    shownAtBoundary: z.array(z.string()).max(COZMOX_MAX_LIMIT),
    total: z.number().nullable(),
  }),
]);
type PageToken = z.infer<typeof pageTokenSchema>;

export function encodePageToken(token: PageToken): string {
  return Buffer.from(JSON.stringify(token), "utf8").toString("base64url");
}

export function decodePageToken(raw: string | null): PageToken | null {
  if (raw === null) return null;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    decoded = undefined;
  }
  const parsed = pageTokenSchema.safeParse(decoded);
  if (!parsed.success)
    throw new ProviderError("invalid_request", "cozmox", "The Cozmox page token is not valid");
  return parsed.data;
}

export interface SessionListPage {
  sessions: CozmoxSession[];
  nextPageToken: string | null;
  total: number | null;
}

const clampLimit = (size: number): number => Math.max(1, Math.min(COZMOX_MAX_LIMIT, Math.floor(size) || 1));

function wrongKind(): never {
  throw new ProviderError("invalid_request", "cozmox", "The Cozmox page token does not fit these filters");
}

/** Lists one page of sessions for the request's native filters (responder, date range) and sort. */
export async function listCozmoxSessions(
  context: ProviderContext,
  request: ListRequest,
): Promise<SessionListPage> {
  const token = decodePageToken(request.pageToken);
  const responders = [...new Set(request.filters.responderIds ?? [])];
  const sortOrder = request.sort === "oldest" ? "ASC" : "DESC";
  const base: CozmoxSessionQuery = {
    sortOrder,
    updatedAtGe: request.filters.from,
    updatedAtLe: request.filters.to,
  };
  if (responders.length <= 1) {
    if (token && token.kind !== "page") wrongKind();
    return listByPage(context, { ...base, assistantId: responders[0] }, clampLimit(request.pageSize), token);
  }
  if (token && token.kind !== "merge") wrongKind();
  return listMerged(context, base, responders, clampLimit(request.pageSize), token);
}

async function listByPage(
  context: ProviderContext,
  query: CozmoxSessionQuery,
  limit: number,
  token: Extract<PageToken, { kind: "page" }> | null,
): Promise<SessionListPage> {
  const page = token?.page ?? 1;
  const { results, metadata } = await listSessions(context, { ...query, page, limit });
  const hasMore = metadata.hasNextPage ?? page * limit < metadata.totalItems;
  const total = metadata.totalItems;
  return {
    sessions: results,
    nextPageToken: hasMore && results.length > 0 ? encodePageToken({ kind: "page", page: page + 1 }) : null,
    total,
  };
}

const timeOf = (session: CozmoxSession): number => Date.parse(session.updatedAt);

/** The tighter of two ISO bounds (`pick` chooses between their times); either may be absent. */
function tighter(
  left: string | undefined,
  right: string | undefined,
  pick: (a: number, b: number) => number,
) {
  if (left === undefined) return right;
  if (right === undefined) return left;
  return pick(Date.parse(left), Date.parse(right)) === Date.parse(left) ? left : right;
}

async function listMerged(
  context: ProviderContext,
  base: CozmoxSessionQuery,
  responders: readonly string[],
  limit: number,
  token: Extract<PageToken, { kind: "merge" }> | null,
): Promise<SessionListPage> {
  const newestFirst = base.sortOrder === "DESC";
  const shown = new Set(token?.shownAtBoundary ?? []);
  const query: CozmoxSessionQuery = { ...base, limit: Math.min(COZMOX_MAX_LIMIT, limit + shown.size) };
  if (token) {
    if (newestFirst) query.updatedAtLe = tighter(base.updatedAtLe, token.boundary, Math.min);
    else query.updatedAtGe = tighter(base.updatedAtGe, token.boundary, Math.max);
  }
  const pages = await Promise.all(
    responders.map((assistantId) => listSessions(context, { ...query, assistantId, page: 1 })),
  );

  const byId = new Map<string, CozmoxSession>();
  for (const page of pages)
    for (const session of page.results) if (!shown.has(session.id)) byId.set(session.id, session);
  const direction = newestFirst ? -1 : 1;
  const pool = [...byId.values()].sort(
    (left, right) =>
      direction * (timeOf(left) - timeOf(right)) || (left.id < right.id ? -1 : left.id > right.id ? 1 : 0),
  );
  const sessions = pool.slice(0, limit);
  const last = sessions[sessions.length - 1];
  const providerHasMore = pages.some((page) => page.metadata.totalItems > page.results.length);
  const total = token ? token.total : pages.reduce((sum, page) => sum + page.metadata.totalItems, 0);
  if (!last || !(pool.length > limit || providerHasMore)) return { sessions, nextPageToken: null, total };

  const boundaryTime = timeOf(last);
  const atBoundary = sessions
    .filter((session) => timeOf(session) === boundaryTime)
    .map((session) => session.id);
  const carried = token && Date.parse(token.boundary) === boundaryTime ? token.shownAtBoundary : [];
  return {
    sessions,
    nextPageToken: encodePageToken({
      kind: "merge",
      boundary: last.updatedAt,
      shownAtBoundary: [...new Set([...carried, ...atBoundary])].slice(-COZMOX_MAX_LIMIT),
      total,
    }),
    total,
  };
}
