/**
 * Assignment and review through the API: assign and take (only active users), review state with
 * who and when, a score that must fit the Parley-wide mode, a reason label, one audit row per
 * field; the `assignee` (`me`, `none`, an id) and `reviewState` filters and facets from the index;
 * concurrent edits (a stale `reviewVersion` gets 409 and nothing is written; different fields are
 * all kept); the admin's progress per reviewer and per responder.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConversationPage, Facets } from "@/lib/model/conversation";
import type { Label } from "@/lib/model/labels";
import type { Review, ReviewOptions, ReviewStats } from "@/lib/model/review";
import { startHarness, type Harness } from "./harness";

let harness: Harness;
let options: ReviewOptions;
let adminId: string;
let staffId: string;
let zaia: string;
let ids: string[];

beforeAll(async () => {
  harness = await startHarness();
  options = (await harness.json<ReviewOptions>("GET", "/api/review/options", { cookie: harness.staffCookie }))
    .body;
  const { getDatabase } = await import("@/lib/db/client");
  const { user } = await import("@/lib/db/schema");
  const db = await getDatabase();
  const users = await db.select({ id: user.id, email: user.email }).from(user);
  adminId = users.find((row) => row.email === "admin@parley.local")?.id ?? "";
  staffId = users.find((row) => row.email === "staff@parley.local")?.id ?? "";
  zaia = harness.connectionIds.zaia;
  ids = (await rows(`view=all&connection=${zaia}&limit=6`)).items.map((item) => item.id);
}, 600_000);
afterAll(async () => harness?.close());

async function rows(query: string, cookie = harness.staffCookie): Promise<ConversationPage> {
  const { status, body } = await harness.json<ConversationPage>("GET", `/api/conversations?${query}`, {
    cookie,
  });
  expect(status).toBe(200);
  return body;
}

const path = (id: string) => `/api/conversations/${zaia}/${encodeURIComponent(id)}`;

async function patch(id: string, body: unknown, cookie = harness.staffCookie) {
  return harness.json<{ review: Review; error?: { code: string; message: string } }>("PATCH", path(id), {
    cookie,
    body,
  });
}

async function review(id: string): Promise<Review> {
  const { status, body } = await harness.json<Review>("GET", `${path(id)}/review`, {
    cookie: harness.staffCookie,
  });
  expect(status).toBe(200);
  return body;
}

async function audit(action: string) {
  const { body } = await harness.json<{
    items: {
      action: string;
      outcome: string;
      conversationId: string | null;
      before: unknown;
      after: unknown;
      error: string | null;
    }[];
  }>("GET", `/api/audit?action=${action}&limit=50`, { cookie: harness.adminCookie });
  return body.items;
}

const id = (index: number) => ids[index] as string;

describe("assignment and review", () => {
  it("lists the active users and the score mode; a conversation never touched is unassigned and unreviewed", async () => {
    expect(options.scoreMode).toBe("five");
    expect(options.assignees.map((person) => person.id).sort()).toEqual([adminId, staffId].sort());
    expect(ids).toHaveLength(6);
    expect(await review(id(0))).toEqual({
      assignee: null,
      reviewState: "unreviewed",
      reviewedBy: null,
      reviewedAt: null,
      score: null,
      reviewReason: null,
      version: 0,
    });
    expect((await harness.call("GET", "/api/review/options")).status).toBe(401);
    expect(
      (
        await harness.json("GET", `/api/conversations/${zaia}/no-such-chat/review`, {
          cookie: harness.staffCookie,
        })
      ).status,
    ).toBe(404);
  });

  it("assigns to active users only, with one audit row per change; `assignee=me|none` and the facet come from the index", async () => {
    const assigned = await patch(id(0), { assignee: staffId }, harness.adminCookie);
    expect(assigned.status).toBe(200);
    expect(assigned.body.review).toMatchObject({ assignee: { id: staffId }, version: 1 });
    expect((await patch(id(1), { assignee: staffId })).status).toBe(200);
    expect((await patch(id(2), { assignee: adminId })).status).toBe(200);

    const unknown = await patch(id(3), { assignee: "no-such-user" });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error?.message).toMatch(/assignee/);
    const { getDatabase } = await import("@/lib/db/client");
    const { user } = await import("@/lib/db/schema");
    const deactivatedId = randomUUID();
    await (await getDatabase()).insert(user).values({
      id: deactivatedId,
      name: "Gone Person",
      email: `gone-${deactivatedId}@parley.local`,
      role: "staff",
      banned: true,
    });
    const deactivated = await patch(id(3), { assignee: deactivatedId });
    expect(deactivated.status).toBe(400);
    expect(deactivated.body.error?.message).toMatch(/deactivated/);
    expect(await review(id(3))).toMatchObject({ assignee: null, version: 0 });
    const assigns = await audit("conversation.assign");
    expect(assigns.filter((row) => row.outcome === "success")).toHaveLength(3);
    expect(assigns.find((row) => row.conversationId === id(0))).toMatchObject({
      before: { assignee: null },
      after: { assignee: staffId },
    });
    expect((await audit("conversation.review")).filter((row) => row.outcome === "failure")).toHaveLength(2);

    const mine = await rows(`view=all&assignee=me&limit=100`);
    expect(mine.items.map((item) => item.id).sort()).toEqual([id(0), id(1)].sort());
    const adminMine = await rows(`view=all&assignee=me&limit=100`, harness.adminCookie);
    expect(adminMine.items.map((item) => item.id)).toEqual([id(2)]);
    const nobody = await rows(`view=all&connection=${zaia}&assignee=none&limit=100`);
    expect(nobody.items.map((item) => item.id)).not.toContain(id(0));
    expect(nobody.items.map((item) => item.id)).toContain(id(3));

    const facets = (
      await harness.json<Facets>("GET", `/api/facets?connection=${zaia}`, { cookie: harness.staffCookie })
    ).body;
    expect(facets.options.assignee.find((option) => option.value === staffId)).toMatchObject({ count: 2 });
    expect(facets.options.assignee.find((option) => option.value === adminId)).toMatchObject({ count: 1 });
    const total = facets.options.reviewState.reduce((sum, option) => sum + option.count, 0);
    expect(facets.options.assignee.find((option) => option.value === "none")?.count).toBe(total - 3);
    expect(facets.options.assignee.find((option) => option.value === "none")?.label).toBe("Nobody");
  });

  it("records who reviewed and when; scores must fit the mode an admin chose; old scores keep their mode", async () => {
    const badScore = await patch(id(0), { score: 7 });
    expect(badScore.status).toBe(400);
    expect(badScore.body.error?.message).toMatch(/1 to 5/);
    expect((await patch(id(0), { score: "pass" })).status).toBe(400);
    const scored = await patch(id(0), { score: 4, reviewState: "reviewed" });
    expect(scored.status).toBe(200);
    expect(scored.body.review).toMatchObject({
      score: 4,
      reviewState: "reviewed",
      reviewedBy: { id: staffId },
      assignee: { id: staffId },
    });
    expect(Date.parse(scored.body.review.reviewedAt ?? "")).toBeGreaterThan(Date.now() - 60_000);
    expect((await audit("conversation.score"))[0]).toMatchObject({
      before: { score: null },
      after: { score: 4 },
    });
    expect((await audit("conversation.review_state"))[0]).toMatchObject({
      before: { reviewState: "unreviewed" },
      after: { reviewState: "reviewed" },
    });

    expect(
      (
        await harness.json("PATCH", "/api/settings", {
          cookie: harness.staffCookie,
          body: { scoreMode: "pass_fail" },
        })
      ).status,
    ).toBe(403);
    const mode = await harness.json("PATCH", "/api/settings", {
      cookie: harness.adminCookie,
      body: { scoreMode: "pass_fail" },
    });
    expect(mode.status).toBe(200);
    try {
      expect((await patch(id(1), { score: 4 })).status).toBe(400);
      const passed = await patch(id(1), { score: "pass", reviewState: "reviewed" });
      expect(passed.body.review).toMatchObject({ score: "pass", reviewState: "reviewed" });
      expect(
        (await patch(id(2), { score: "fail", reviewState: "reviewed" }, harness.adminCookie)).status,
      ).toBe(200);
      expect((await review(id(0))).score).toBe(4);
    } finally {
      await harness.json("PATCH", "/api/settings", {
        cookie: harness.adminCookie,
        body: { scoreMode: "five" },
      });
    }
    // Back to in review: who and when are cleared.
    const back = await patch(id(1), { reviewState: "in_review" });
    expect(back.body.review).toMatchObject({ reviewState: "in_review", reviewedBy: null, reviewedAt: null });
    expect((await patch(id(1), { reviewState: "reviewed" })).status).toBe(200);
  });

  it("takes a reason label; an unknown one is refused; deleting the label clears it", async () => {
    const label = (
      await harness.json<Label>("POST", "/api/labels", {
        cookie: harness.adminCookie,
        body: { name: "Wrong answer", colour: "orange" },
      })
    ).body;
    expect((await patch(id(0), { reviewReason: "no-such-label" })).status).toBe(400);
    expect((await patch(id(0), { reviewReason: label.id })).body.review.reviewReason).toBe(label.id);
    expect(
      (await harness.json("DELETE", `/api/labels/${label.id}`, { cookie: harness.adminCookie })).status,
    ).toBe(200);
    expect((await review(id(0))).reviewReason).toBeNull();
  });

  it("filters by review state (a conversation never touched is unreviewed) and refuses unknown states", async () => {
    const reviewed = await rows(`view=all&reviewState=reviewed&limit=100`);
    expect(reviewed.items.map((item) => item.id).sort()).toEqual([id(0), id(1), id(2)].sort());
    const unreviewed = await rows(`view=all&connection=${zaia}&reviewState=unreviewed&limit=100`);
    expect(unreviewed.items.map((item) => item.id)).toContain(id(3));
    expect(unreviewed.items.map((item) => item.id)).not.toContain(id(0));
    const mineToReview = await rows(`view=all&assignee=me&reviewState=unreviewed,in_review`);
    expect(mineToReview.items).toEqual([]);
    expect(
      (await harness.json("GET", "/api/conversations?reviewState=done", { cookie: harness.staffCookie }))
        .status,
    ).toBe(400);
  });

  it("a combined request with a bad review field changes nothing, not even the moderation", async () => {
    const refused = await patch(id(4), { important: true, score: 9 });
    expect(refused.status).toBe(400);
    const list = await rows(`view=all&connection=${zaia}&limit=100`);
    expect(list.items.find((item) => item.id === id(4))?.flags.important).toBe(false);
    const both = await harness.json<{ state: { important: boolean }; review: Review }>("PATCH", path(id(4)), {
      cookie: harness.staffCookie,
      body: { important: true, assignee: staffId },
    });
    expect(both.status).toBe(200);
    expect(both.body.state.important).toBe(true);
    expect(both.body.review.assignee?.id).toBe(staffId);
    await patch(id(4), { important: false });
  });

  it("concurrent edits: a stale version gets 409 and nothing of it is written; different fields are all kept", async () => {
    const target = id(5);
    const { version } = await review(target);
    const [first, second] = await Promise.all([
      patch(target, { assignee: staffId, score: 2, reviewVersion: version }, harness.staffCookie),
      patch(target, { assignee: adminId, score: 5, reviewVersion: version }, harness.adminCookie),
    ]);
    const statuses = [first.status, second.status].sort();
    expect(statuses).toEqual([200, 409]);
    const loser = first.status === 409 ? first : second;
    const winner = first.status === 200 ? first : second;
    expect(loser.body.error?.code).toBe("conflict");
    expect(loser.body.error?.message).toMatch(
      /changed this conversation's review meanwhile; nothing was saved/,
    );
    const after = await review(target);
    // The winner's change is whole, the loser's absent.
    expect({ assignee: after.assignee?.id, score: after.score }).toEqual({
      assignee: winner.body.review.assignee?.id,
      score: winner.body.review.score,
    });
    expect(after.version).toBe(version + 1);

    // Without a version, changes of different fields made at once are all kept.
    await Promise.all([
      patch(target, { reviewState: "in_review" }, harness.adminCookie),
      patch(target, { score: 3 }, harness.staffCookie),
      patch(target, { assignee: null }, harness.adminCookie),
    ]);
    expect(await review(target)).toMatchObject({
      reviewState: "in_review",
      score: 3,
      assignee: null,
      version: version + 4,
    });
  });

  it("admins see progress per reviewer and per responder, with the list's filters; staff cannot", async () => {
    expect((await harness.json("GET", "/api/analytics/review", { cookie: harness.staffCookie })).status).toBe(
      403,
    );
    const { status, body } = await harness.json<ReviewStats>(
      "GET",
      `/api/analytics/review?connection=${zaia}`,
      {
        cookie: harness.adminCookie,
      },
    );
    expect(status).toBe(200);
    expect(body.totals).toMatchObject({
      reviewed: 3,
      inReview: 1,
      fiveScored: 1,
      averageScore: 4,
      passFailScored: 2,
      passRate: 0.5,
    });
    expect(body.totals.unreviewed).toBe(body.totals.conversations - 4);
    const staff = body.byReviewer.find((row) => row.reviewer.id === staffId);
    expect(staff).toMatchObject({
      reviewed: 2,
      passFailScored: 1,
      passRate: 1,
      fiveScored: 1,
      averageScore: 4,
    });
    expect(body.byReviewer.find((row) => row.reviewer.id === adminId)).toMatchObject({
      reviewed: 1,
      passRate: 0,
    });
    expect(body.byResponder.reduce((sum, row) => sum + row.reviewed, 0)).toBe(3);
    expect(body.byResponder.reduce((sum, row) => sum + row.conversations, 0)).toBe(body.totals.conversations);
    const onlyMine = await harness.json<ReviewStats>("GET", `/api/analytics/review?assignee=me&view=all`, {
      cookie: harness.adminCookie,
    });
    expect(onlyMine.body.totals.conversations).toBe(1);
    const sigmamind = await harness.json<ReviewStats>(
      "GET",
      `/api/analytics/review?connection=${harness.connectionIds.sigmamind}`,
      { cookie: harness.adminCookie },
    );
    expect(sigmamind.body.totals.reviewed).toBe(0);
  });
});
