/**
 * Saved views: personal ones (seen and changed by their owner only) and shared ones (seen by
 * everyone, created and changed by admins only). A view stores the list's canonical query string
 * (`lib/model/list-query-string.ts`), validated with the list's own schema, so its link opens the
 * same list for whoever follows it. Every change is one audit row.
 */
import "server-only";
import { randomUUID } from "node:crypto";
import { asc, count, eq, isNull, or, type SQL } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/audit-log";
import type { Actor } from "@/lib/auth/actor";
import type { Database } from "@/lib/db/client";
import { savedViews, type SavedViewRow } from "@/lib/db/schema";
import { countViews } from "@/lib/index/queries";
import { views, type View } from "@/lib/model/constants";
import { conflict, forbidden, invalid, notFound } from "@/lib/model/errors";
import { listQuerySchema, type ListQuery } from "@/lib/model/list-query";
import { resolveAssigneeMe } from "@/lib/model/review";
import { canonicalListQuery, listHref } from "@/lib/model/list-query-string";
import {
  SAVED_VIEWS_MAX,
  type CreateSavedView,
  type SavedView,
  type SavedViewList,
  type UpdateSavedView,
  type ViewCount,
  type ViewCounts,
} from "@/lib/model/saved-views";

type Who = Pick<Actor, "id" | "email" | "role">;

/** The list query of a canonical string (parsed like `GET /api/conversations`). */
export function listQueryOf(query: string): ListQuery {
  const params = new URLSearchParams(query);
  const raw: Record<string, string> = {};
  for (const [key, value] of params) raw[key] = value;
  return listQuerySchema.parse(raw);
}

/** A query string as a view stores it: canonical, and valid as a list query. */
export function normaliseViewQuery(query: string): string {
  const canonical = canonicalListQuery(query);
  const parsed = listQuerySchema.safeParse(Object.fromEntries(new URLSearchParams(canonical)));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalid(`query: ${issue?.path.map(String).join(".") ?? ""} ${issue?.message ?? "is not valid"}`);
  }
  return canonical;
}

const groupOf = (row: Pick<SavedViewRow, "ownerId">): SQL =>
  row.ownerId === null ? isNull(savedViews.ownerId) : eq(savedViews.ownerId, row.ownerId);

function editable(row: SavedViewRow, who: Who): boolean {
  return row.ownerId === null ? who.role === "admin" : row.ownerId === who.id;
}

function toSavedView(row: SavedViewRow, who: Who): SavedView {
  return {
    id: row.id,
    name: row.name,
    query: row.query,
    href: listHref(row.query),
    shared: row.ownerId === null,
    position: row.position,
    editable: editable(row, who),
  };
}

async function visibleRows(db: Database, who: Who): Promise<SavedViewRow[]> {
  return db
    .select()
    .from(savedViews)
    .where(or(isNull(savedViews.ownerId), eq(savedViews.ownerId, who.id)))
    .orderBy(asc(savedViews.position), asc(savedViews.createdAt));
}

export async function listSavedViews(db: Database, who: Who): Promise<SavedViewList> {
  const views = (await visibleRows(db, who)).map((row) => toSavedView(row, who));
  return {
    personal: views.filter((view) => !view.shared),
    shared: views.filter((view) => view.shared),
  };
}

/**
 * The sidebar's counts: every built-in view's and every saved view's the user sees, from the
 * index in one statement. A saved view whose query no longer parses, or names a removed
 * connection, counts as unknown (null).
 */
export async function countAllViews(db: Database, who: Who): Promise<ViewCounts> {
  const rows = await visibleRows(db, who);
  const savedQueries = rows.map((row) => {
    try {
      return resolveAssigneeMe(listQueryOf(row.query), who.id);
    } catch {
      return null;
    }
  });
  const queries: ListQuery[] = [
    ...views.map((view) => listQuerySchema.parse({ view })),
    ...savedQueries.flatMap((query) => (query ? [query] : [])),
  ];
  const counts = await countViews(db, queries);
  const answer = (count: { count: number; isEstimate: boolean } | null | undefined): ViewCount =>
    count ? { count: count.count, isEstimate: count.isEstimate } : { count: null, isEstimate: false };
  let next = views.length;
  return {
    views: Object.fromEntries(views.map((view, index) => [view, answer(counts[index])])) as Record<
      View,
      ViewCount
    >,
    saved: Object.fromEntries(
      rows.map((row, index) => [row.id, savedQueries[index] ? answer(counts[next++]) : answer(null)]),
    ),
  };
}

/** The view if the user may see it; someone else's personal view is "not found", never "forbidden". */
async function visibleView(db: Database, id: string, who: Who): Promise<SavedViewRow> {
  const [row] = await db.select().from(savedViews).where(eq(savedViews.id, id));
  if (!row || (row.ownerId !== null && row.ownerId !== who.id)) throw notFound("No such saved view.");
  return row;
}

function assertEditable(row: SavedViewRow, who: Who): void {
  if (!editable(row, who)) throw forbidden("Only administrators can change shared views.");
}

const snapshot = (row: Pick<SavedViewRow, "name" | "query" | "position" | "ownerId">) => ({
  name: row.name,
  query: row.query,
  position: row.position,
  shared: row.ownerId === null,
});

export async function createSavedView(db: Database, who: Who, body: CreateSavedView): Promise<SavedView> {
  if (body.shared && who.role !== "admin") throw forbidden("Only administrators can create shared views.");
  const query = normaliseViewQuery(body.query);
  const ownerId = body.shared ? null : who.id;
  const group = groupOf({ ownerId });
  const [existing] = await db.select({ value: count() }).from(savedViews).where(group);
  const taken = Number(existing?.value ?? 0);
  if (taken >= SAVED_VIEWS_MAX) throw conflict(`At most ${SAVED_VIEWS_MAX} views here: delete one first.`);
  const [row] = await db
    .insert(savedViews)
    .values({ id: randomUUID(), ownerId, name: body.name, query, position: taken, createdBy: who.id })
    .returning();
  if (!row) throw new Error("the view was not stored");
  await recordAudit(db, {
    actor: who,
    action: "view.create",
    targetId: row.id,
    after: snapshot(row),
    outcome: "success",
  });
  return toSavedView(row, who);
}

/**
 * Numbers a group's views from 0, with `row` moved to `position` (or left out once deleted), so
 * positions stay dense whatever was asked.
 */
async function renumber(db: Database, row: SavedViewRow, position: number | null): Promise<void> {
  const group = await db
    .select({ id: savedViews.id })
    .from(savedViews)
    .where(groupOf(row))
    .orderBy(asc(savedViews.position), asc(savedViews.createdAt));
  const ids = group.map((item) => item.id).filter((id) => id !== row.id);
  if (position !== null) ids.splice(Math.min(position, ids.length), 0, row.id);
  for (const [index, id] of ids.entries())
    await db.update(savedViews).set({ position: index }).where(eq(savedViews.id, id));
}

export async function updateSavedView(
  db: Database,
  who: Who,
  id: string,
  body: UpdateSavedView,
): Promise<SavedView> {
  const row = await visibleView(db, id, who);
  assertEditable(row, who);
  const query = body.query === undefined ? undefined : normaliseViewQuery(body.query);
  await db
    .update(savedViews)
    .set({ name: body.name ?? row.name, query: query ?? row.query, updatedAt: new Date() })
    .where(eq(savedViews.id, id));
  if (body.position !== undefined) await renumber(db, row, body.position);
  const updated = await visibleView(db, id, who);
  await recordAudit(db, {
    actor: who,
    action: "view.update",
    targetId: id,
    before: snapshot(row),
    after: snapshot(updated),
    outcome: "success",
  });
  return toSavedView(updated, who);
}

export async function deleteSavedView(db: Database, who: Who, id: string): Promise<void> {
  const row = await visibleView(db, id, who);
  assertEditable(row, who);
  await db.delete(savedViews).where(eq(savedViews.id, id));
  await renumber(db, row, null);
  await recordAudit(db, {
    actor: who,
    action: "view.delete",
    targetId: id,
    before: snapshot(row),
    outcome: "success",
  });
}
