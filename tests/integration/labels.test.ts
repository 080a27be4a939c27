/**
 * Labels through the API: admins manage the set (staff read it), names are unique regardless of
 * case, staff set a conversation's labels, every change is one audit row, the `label` filter
 * (any of several) and its facet counts come from the index, labels survive a sync, renaming shows
 * everywhere and deleting says how many conversations carried the label.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConversationPage, Facets } from "@/lib/model/conversation";
import type { Label } from "@/lib/model/labels";
import { startHarness, type Harness } from "./harness";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
}, 600_000);
afterAll(async () => harness?.close());

interface AuditPage {
  items: { action: string; outcome: string; targetId: string | null; before: unknown; after: unknown }[];
}

async function audit(action: string) {
  const { body } = await harness.json<AuditPage>("GET", `/api/audit?action=${action}&limit=50`, {
    cookie: harness.adminCookie,
  });
  return body.items;
}

async function create(name: string, colour = "blue") {
  return harness.json<Label & { error?: { code: string; message: string } }>("POST", "/api/labels", {
    cookie: harness.adminCookie,
    body: { name, colour, description: `${name} conversations` },
  });
}

async function rows(query: string): Promise<ConversationPage> {
  const { status, body } = await harness.json<ConversationPage>("GET", `/api/conversations?${query}`, {
    cookie: harness.staffCookie,
  });
  expect(status).toBe(200);
  return body;
}

const labelsPath = (connectionId: string, id: string) =>
  `/api/conversations/${connectionId}/${encodeURIComponent(id)}/labels`;

async function put(connectionId: string, id: string, labelIds: string[], cookie = harness.staffCookie) {
  return harness.json<{ labelIds: string[]; error?: { code: string } }>("PUT", labelsPath(connectionId, id), {
    cookie,
    body: { labelIds },
  });
}

describe("labels", () => {
  it("admins create labels; staff read them but cannot change them; names are unique regardless of case", async () => {
    const created = await create("Refund");
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "Refund", colour: "blue", conversationCount: 0 });
    expect((await create("  refund ")).status).toBe(409);
    expect((await create("", "blue")).status).toBe(400);
    expect((await create("Pink", "pink")).status).toBe(400);
    const refused = await harness.json("POST", "/api/labels", {
      cookie: harness.staffCookie,
      body: { name: "Staff label", colour: "gray" },
    });
    expect(refused.status).toBe(403);
    const listed = await harness.json<{ items: Label[] }>("GET", "/api/labels", {
      cookie: harness.staffCookie,
    });
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((label) => label.name)).toEqual(["Refund"]);
    expect((await harness.call("GET", "/api/labels")).status).toBe(401);
    const rows = await audit("label.create");
    expect(rows.filter((row) => row.outcome === "success")).toHaveLength(1);
    expect(rows.filter((row) => row.outcome === "failure")).toHaveLength(1);
  });

  it("staff set a conversation's labels; the filter (any of several) and facet counts come from the index", async () => {
    const escalate = (await create("Escalate", "orange")).body;
    const refund = (
      await harness.json<{ items: Label[] }>("GET", "/api/labels", { cookie: harness.staffCookie })
    ).body.items.find((label) => label.name === "Refund");
    if (!refund) throw new Error("no Refund label");
    const zaia = harness.connectionIds.zaia;
    const sigmamind = harness.connectionIds.sigmamind;
    const [a, b] = (await rows(`view=all&connection=${zaia}&limit=2`)).items;
    const [c] = (await rows(`view=all&connection=${sigmamind}&limit=1`)).items;
    if (!a || !b || !c) throw new Error("not enough conversations");

    expect((await put(zaia, a.id, [refund.id, escalate.id])).body.labelIds.sort()).toEqual(
      [refund.id, escalate.id].sort(),
    );
    expect((await put(zaia, b.id, [escalate.id])).status).toBe(200);
    expect((await put(sigmamind, c.id, [refund.id])).status).toBe(200);
    // Unknown label: refused as a whole, nothing half-written.
    expect((await put(zaia, b.id, [refund.id, "no-such-label"])).status).toBe(404);
    const kept = await harness.json<{ labelIds: string[] }>("GET", labelsPath(zaia, b.id), {
      cookie: harness.staffCookie,
    });
    expect(kept.body.labelIds).toEqual([escalate.id]);
    expect((await put(zaia, "no-such-conversation", [refund.id])).status).toBe(404);
    expect((await put(zaia, a.id, "nope" as unknown as string[])).status).toBe(400);

    const byRefund = await rows(`view=all&label=${refund.id}&limit=100`);
    expect(byRefund.items.map((item) => item.id).sort()).toEqual([a.id, c.id].sort());
    // List rows carry their label ids (named from /api/labels, so a rename shows everywhere).
    expect(byRefund.items.find((item) => item.id === a.id)?.labelIds?.sort()).toEqual(
      [refund.id, escalate.id].sort(),
    );
    expect(byRefund.items.find((item) => item.id === c.id)?.labelIds).toEqual([refund.id]);
    const either = await rows(`view=all&label=${refund.id}&label=${escalate.id}&limit=100`);
    expect(either.items.map((item) => `${item.connectionId}/${item.id}`).sort()).toEqual(
      [`${zaia}/${a.id}`, `${zaia}/${b.id}`, `${sigmamind}/${c.id}`].sort(),
    );
    expect((await rows(`view=all&label=${escalate.id}&connection=${sigmamind}`)).items).toEqual([]);

    const facets = (await harness.json<Facets>("GET", "/api/facets", { cookie: harness.staffCookie })).body;
    const option = (labelId: string, connectionId: string) =>
      facets.options.label.find((item) => item.value === labelId && item.connectionId === connectionId);
    expect(option(refund.id, zaia)).toMatchObject({ label: "Refund", count: 1 });
    expect(option(refund.id, sigmamind)).toMatchObject({ label: "Refund", count: 1 });
    expect(option(escalate.id, zaia)).toMatchObject({ label: "Escalate", count: 2 });
    expect(option(escalate.id, sigmamind)).toBeUndefined();

    const changes = await audit("conversation.labels");
    expect(changes.filter((row) => row.outcome === "success")).toHaveLength(3);
    expect(changes.filter((row) => row.outcome === "failure")).toHaveLength(2);
    expect(changes.find((row) => row.outcome === "success")?.after).toBeTruthy();
  });

  it("labels survive a sync; renaming shows everywhere; deleting says how many carried it", async () => {
    await harness.sync();
    const all = (
      await harness.json<{ items: Label[] }>("GET", "/api/labels", { cookie: harness.staffCookie })
    ).body.items;
    const refund = all.find((label) => label.name === "Refund");
    const escalate = all.find((label) => label.name === "Escalate");
    if (!refund || !escalate) throw new Error("labels missing");
    expect(refund.conversationCount).toBe(2);
    expect((await rows(`view=all&label=${refund.id}`)).items).toHaveLength(2);

    expect(
      (
        await harness.json("PATCH", `/api/labels/${refund.id}`, {
          cookie: harness.staffCookie,
          body: { name: "x" },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await harness.json("PATCH", `/api/labels/${refund.id}`, {
          cookie: harness.adminCookie,
          body: { name: "ESCALATE" },
        })
      ).status,
    ).toBe(409);
    expect(
      (await harness.json("PATCH", `/api/labels/${refund.id}`, { cookie: harness.adminCookie, body: {} }))
        .status,
    ).toBe(400);
    const renamed = await harness.json<Label>("PATCH", `/api/labels/${refund.id}`, {
      cookie: harness.adminCookie,
      body: { name: "Refund asked", colour: "teal" },
    });
    expect(renamed.body).toMatchObject({ name: "Refund asked", colour: "teal", conversationCount: 2 });
    const facets = (await harness.json<Facets>("GET", "/api/facets", { cookie: harness.staffCookie })).body;
    expect(facets.options.label.filter((item) => item.value === refund.id).map((item) => item.label)).toEqual(
      ["Refund asked", "Refund asked"],
    );
    const [update] = await audit("label.update");
    expect(update).toMatchObject({ outcome: "success", targetId: refund.id });
    expect(update?.before).toMatchObject({ name: "Refund" });
    expect(update?.after).toMatchObject({ name: "Refund asked" });

    expect(
      (await harness.call("DELETE", `/api/labels/${escalate.id}`, { cookie: harness.staffCookie })).status,
    ).toBe(403);
    const deleted = await harness.json<{ removedFrom: number }>("DELETE", `/api/labels/${escalate.id}`, {
      cookie: harness.adminCookie,
    });
    expect(deleted).toEqual({ status: 200, body: { id: escalate.id, removedFrom: 2 } });
    expect(
      (await harness.call("DELETE", `/api/labels/${escalate.id}`, { cookie: harness.adminCookie })).status,
    ).toBe(404);
    expect((await rows(`view=all&label=${escalate.id}`)).items).toEqual([]);
    const deletions = await audit("label.delete");
    expect(deletions.find((row) => row.outcome === "success")?.before).toMatchObject({
      name: "Escalate",
      removedFrom: 2,
    });
  });
});

describe("labelling together and in bulk", () => {
  const patch = (connectionId: string, id: string, body: unknown, cookie = harness.staffCookie) =>
    harness.json<{ labelIds: string[] }>("PATCH", labelsPath(connectionId, id), { cookie, body });

  it("two people labelling one conversation at once both keep their change; a stale whole-set PUT is refused", async () => {
    const first = (await create("Together one", "amber")).body;
    const second = (await create("Together two", "purple")).body;
    const zaia = harness.connectionIds.zaia;
    const [row] = (await rows(`view=all&connection=${zaia}&limit=1&q=`)).items;
    if (!row) throw new Error("no conversation");
    const before = (await put(zaia, row.id, [])).body.labelIds;
    expect(before).toEqual([]);
    const answers = await Promise.all([
      patch(zaia, row.id, { add: [first.id] }, harness.staffCookie),
      patch(zaia, row.id, { add: [second.id] }, harness.adminCookie),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    const now = await harness.json<{ labelIds: string[] }>("GET", labelsPath(zaia, row.id), {
      cookie: harness.staffCookie,
    });
    expect(now.body.labelIds.sort()).toEqual([first.id, second.id].sort());

    // Two whole-set writes made from the same reading: one wins whole, the other is refused.
    const puts = await Promise.all([
      harness.json("PUT", labelsPath(zaia, row.id), {
        cookie: harness.staffCookie,
        body: { labelIds: [first.id], expected: now.body.labelIds },
      }),
      harness.json("PUT", labelsPath(zaia, row.id), {
        cookie: harness.adminCookie,
        body: { labelIds: [second.id], expected: now.body.labelIds },
      }),
    ]);
    expect(puts.map((answer) => answer.status).sort()).toEqual([200, 409]);
    const after = await harness.json<{ labelIds: string[] }>("GET", labelsPath(zaia, row.id), {
      cookie: harness.staffCookie,
    });
    expect([[first.id], [second.id]]).toContainEqual(after.body.labelIds);

    expect((await patch(zaia, row.id, {})).status).toBe(400);
    expect((await patch(zaia, row.id, { add: [first.id], remove: [first.id] })).status).toBe(400);
    expect((await patch(zaia, row.id, { add: ["no-such-label"] })).status).toBe(404);
    expect((await patch(zaia, row.id, { remove: [first.id, second.id] })).body.labelIds).toEqual([]);
  });

  it("one label on every conversation a filter matches, in one change; undo takes it off exactly those", async () => {
    const bulk = (await create("Bulk reviewed", "teal")).body;
    const sigmamind = harness.connectionIds.sigmamind;
    const matching = await rows(`view=all&connection=${sigmamind}&limit=100`);
    const [already] = matching.items;
    const total = matching.total ?? Number.NaN;
    // More rows than a row-value list PGlite can plan (see `inConversationKeys`): the undo names them all.
    expect(total).toBeGreaterThan(300);
    if (!already) throw new Error("no conversation");
    await patch(sigmamind, already.id, { add: [bulk.id] });
    const path = `/api/labels/${bulk.id}/conversations`;
    const applied = await harness.json<{
      changed: { connectionId: string; conversationId: string }[];
      unchanged: number;
      missing: number;
    }>("POST", path, {
      cookie: harness.staffCookie,
      body: { mode: "add", target: { filter: { view: "all", connection: sigmamind } } },
    });
    expect(applied.status).toBe(200);
    expect(applied.body.unchanged).toBe(1);
    expect(applied.body.changed).toHaveLength(total - 1);
    expect((await rows(`view=all&label=${bulk.id}&limit=100`)).total).toBe(total);
    const perRow = (await audit("conversation.labels")).filter((row) => row.targetId === bulk.id);
    expect(perRow.length).toBe(Math.min(50, applied.body.changed.length));
    expect((await audit("labels.bulk_add"))[0]).toMatchObject({ outcome: "success", targetId: bulk.id });

    const undone = await harness.json<{ changed: unknown[] }>("POST", path, {
      cookie: harness.staffCookie,
      body: { mode: "remove", target: { selection: applied.body.changed } },
    });
    expect(undone.body.changed).toHaveLength(applied.body.changed.length);
    const left = await rows(`view=all&label=${bulk.id}&limit=100`);
    expect(left.items.map((item) => item.id)).toEqual([already.id]);

    expect(
      (
        await harness.json("POST", `/api/labels/no-such-label/conversations`, {
          cookie: harness.staffCookie,
          body: {
            mode: "add",
            target: { selection: [{ connectionId: sigmamind, conversationId: already.id }] },
          },
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await harness.json("POST", path, {
          cookie: harness.staffCookie,
          body: { mode: "toggle", target: {} },
        })
      ).status,
    ).toBe(400);
    expect((await harness.call("POST", path)).status).toBe(401);
  });
});
