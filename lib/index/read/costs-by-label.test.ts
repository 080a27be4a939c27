/**
 * Costs by label against totals computed by hand on a small index: a conversation with two labels
 * counts in both groups (the groups overlap), the conversations without a label are one "No label"
 * group, unknown costs are counted as unknown (never 0), two currencies are never added, and the
 * list's view and filters (a label filter too) select the rows. On PGlite, or PostgreSQL with
 * TEST_DATABASE_URL.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import {
  conversationLabels,
  indexedConversations,
  labels,
  moderationOverlay,
  type IndexedConversationInsert,
} from "@/lib/db/schema";
import { costsQuerySchema, type CostGroup, type CostsAnswer } from "@/lib/model/costs";
import { insertFakeConnection, openTestDatabase } from "../test-database";
import { costsFromIndex } from "./costs";
import { NO_LABEL } from "./costs-by-label";

let database: DatabaseHandle;
const run = `costs-label-${Date.now().toString(36)}`;
const A = `${run}-a`; // costs in USD
const B = `${run}-b`; // no costs
const C = `${run}-c`; // costs in EUR
const refund = `${run}-refund`;
const escalate = `${run}-escalate`;
const unused = `${run}-unused`;

function row(
  connectionId: string,
  id: string,
  cost: { currency: string | null; amount: number | null },
  extra: Partial<IndexedConversationInsert> = {},
): IndexedConversationInsert {
  const at = "2026-04-06T10:00:00Z";
  return {
    connectionId,
    id,
    title: id,
    lastActivityAt: at,
    createdAt: at,
    sortAt: at,
    costCurrency: cost.currency,
    costAmount: cost.amount,
    confirmedAt: at,
    searchText: id,
    ...extra,
  };
}

const usd = (amount: number) => ({ currency: "USD", amount });
const unknown = { currency: null, amount: null };

beforeAll(async () => {
  database = await openTestDatabase();
  await insertFakeConnection(database, A, "cozmox");
  await insertFakeConnection(database, B, "zaia");
  await insertFakeConnection(database, C, "chatling");
  await database.db.insert(labels).values([
    { id: refund, name: "Refund", nameKey: `${run} refund`, colour: "red" },
    { id: escalate, name: "Escalate", nameKey: `${run} escalate`, colour: "blue" },
    { id: unused, name: "Unused", nameKey: `${run} unused`, colour: "green" },
  ]);
  await database.db.insert(indexedConversations).values([
    row(A, "a1", usd(0.1), { responderId: "r1" }),
    row(A, "a2", usd(0.3), { responderId: "r2" }),
    row(A, "a3", usd(0.2), { responderId: "r1" }),
    // A currency without an amount: an unknown cost, not 0.
    row(A, "a4", { currency: "USD", amount: null }, { responderId: "r1" }),
    // Trashed in Parley: not in the inbox.
    row(A, "a5", usd(50), { responderId: "r1" }),
    row(B, "b1", unknown),
    row(B, "b2", unknown),
    row(C, "c1", { currency: "EUR", amount: 2 }),
  ]);
  const put = (connectionId: string, conversationId: string, labelId: string) => ({
    connectionId,
    conversationId,
    labelId,
  });
  await database.db
    .insert(conversationLabels)
    .values([
      put(A, "a1", refund),
      put(A, "a1", escalate),
      put(A, "a2", refund),
      put(A, "a4", escalate),
      put(A, "a5", refund),
      put(B, "b1", refund),
      put(C, "c1", refund),
    ]);
  await database.db
    .insert(moderationOverlay)
    .values({ connectionId: A, conversationId: "a5", trashed: true });
});
afterAll(async () => database?.close());

async function costs(query: Record<string, string>, connections = [A, B, C]): Promise<CostsAnswer> {
  return costsFromIndex(
    database.db,
    costsQuerySchema.parse({ groupBy: "label", ...query }),
    connections.map((id) => ({ id })),
  );
}

const byLabel = (groups: readonly CostGroup[]) => new Map(groups.map((group) => [group.label, group]));

describe("costs by label", () => {
  it("counts a conversation in each of its labels; the unlabelled ones are one group; currencies apart", async () => {
    const answer = await costs({});
    expect(answer.groupBy).toBe("label");
    // Inbox: a1..a4, b1, b2, c1 (a5 is trashed). The unused label has no group.
    expect(answer.groups.map((group) => group.label)).toEqual(["Escalate", "Refund", NO_LABEL]);
    const groups = byLabel(answer.groups);
    // Refund: a1 (USD 0.1), a2 (USD 0.3), b1 (unknown), c1 (EUR 2): never one sum.
    expect(groups.get("Refund")).toMatchObject({
      key: refund,
      connectionId: null,
      conversations: 4,
      knownCost: 3,
      unknownCost: 1,
      currency: null,
      cost: null,
    });
    const refundCurrencies = groups.get("Refund")?.byCurrency ?? [];
    expect(refundCurrencies.map((entry) => [entry.currency, entry.conversations])).toEqual([
      ["EUR", 1],
      ["USD", 2],
    ]);
    expect(refundCurrencies[0]?.cost).toBeCloseTo(2, 10);
    expect(refundCurrencies[1]?.cost).toBeCloseTo(0.4, 10);
    // Escalate: a1 (USD 0.1, also in Refund), a4 (unknown).
    const escalated = groups.get("Escalate");
    expect(escalated).toMatchObject({
      key: escalate,
      conversations: 2,
      knownCost: 1,
      unknownCost: 1,
      currency: "USD",
    });
    expect(escalated?.cost).toBeCloseTo(0.1, 10);
    // No label: a3 (USD 0.2), b2 (unknown).
    const none = groups.get(NO_LABEL);
    expect(none).toMatchObject({
      key: null,
      conversations: 2,
      knownCost: 1,
      unknownCost: 1,
      currency: "USD",
    });
    expect(none?.cost).toBeCloseTo(0.2, 10);
    // The groups overlap: their conversations add up to more than the filter's (a1 twice).
    expect(answer.totals.conversations).toBe(7);
    expect(answer.groups.reduce((sum, group) => sum + group.conversations, 0)).toBe(8);
  });

  it("a group whose costs are all unknown says so (null, not 0)", async () => {
    const answer = await costs({}, [B]);
    expect(answer.groups).toEqual([
      expect.objectContaining({
        label: "Refund",
        conversations: 1,
        unknownCost: 1,
        cost: null,
        byCurrency: [],
      }),
      expect.objectContaining({
        label: NO_LABEL,
        conversations: 1,
        unknownCost: 1,
        cost: null,
        byCurrency: [],
      }),
    ]);
  });

  it("follows the list's view and filters, a label filter too", async () => {
    const trash = await costs({ view: "trash" });
    expect(trash.groups).toEqual([
      expect.objectContaining({ key: refund, conversations: 1, knownCost: 1, currency: "USD", cost: 50 }),
    ]);
    // Conversations labelled Escalate (a1, a4), grouped by every label they carry.
    const escalated = byLabel((await costs({ label: escalate })).groups);
    expect([...escalated.keys()]).toEqual(["Escalate", "Refund"]);
    expect(escalated.get("Refund")).toMatchObject({ conversations: 1, knownCost: 1, currency: "USD" });
    expect(escalated.get("Refund")?.cost).toBeCloseTo(0.1, 10);
    // Responder r2 of A: a2 only.
    const r2 = await costs({ responder: "r2" }, [A]);
    expect(r2.groups).toEqual([expect.objectContaining({ key: refund, conversations: 1, knownCost: 1 })]);
  });

  it("names a label as it is called now", async () => {
    await database.db
      .insert(labels)
      .values({ id: escalate, name: "Escalated", nameKey: `${run} escalate`, colour: "blue" })
      .onConflictDoUpdate({ target: labels.id, set: { name: "Escalated" } });
    const answer = await costs({});
    expect(answer.groups.map((group) => group.label)).toEqual(["Escalated", "Refund", NO_LABEL]);
  });

  it("refuses a stack with the label grouping (its groups overlap)", () => {
    expect(costsQuerySchema.safeParse({ groupBy: "label", stackBy: "provider" }).success).toBe(false);
    expect(costsQuerySchema.safeParse({ groupBy: "label" }).success).toBe(true);
  });
});
