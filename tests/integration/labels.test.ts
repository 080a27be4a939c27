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
