/**
 * The costs aggregates against totals computed by hand on a small index: known and unknown costs
 * (an amount without a currency, a currency without an amount), two currencies never added,
 * the list's view and filters, days and weeks, stacks, and a range with no data. On PGlite, or
 * PostgreSQL with TEST_DATABASE_URL.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { indexedConversations, moderationOverlay, type IndexedConversationInsert } from "@/lib/db/schema";
import { costsQuerySchema, type CostsAnswer } from "@/lib/model/costs";
import { insertFakeConnection, openTestDatabase } from "../test-database";
import { costsFromIndex } from "./costs";

let database: DatabaseHandle;
const run = `costs-${Date.now().toString(36)}`;
const A = `${run}-a`; // a provider with costs, in USD
const B = `${run}-b`; // a provider without costs
const C = `${run}-c`; // a provider with costs in EUR

function row(
  connectionId: string,
  id: string,
  at: string,
  cost: { currency: string | null; amount: number | null },
  extra: Partial<IndexedConversationInsert> = {},
): IndexedConversationInsert {
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

const unknown = { currency: null, amount: null };
const gpt = "Model: openai / gpt-4o";
const usd = (amount: number) => ({ currency: "USD", amount });

beforeAll(async () => {
  database = await openTestDatabase();
  await insertFakeConnection(database, A, "cozmox");
  await insertFakeConnection(database, B, "zaia");
  await insertFakeConnection(database, C, "chatling");
  const r1 = { responderId: "r1", responderName: "Ada bot" };
  const r2 = { responderId: "r2", responderName: "Bo" };
  const web = { channelId: "ch1", channelName: "Web", responderId: "r9" };
  await database.db.insert(indexedConversations).values([
    row(A, "a1", "2026-03-02T10:00:00Z", usd(0.1), {
      ...r1,
      costItems: [
        { type: "model", label: gpt, usd: 0.08, promptTokens: 100, completionTokens: 10 },
        { type: "chat", label: "Chat", usd: 0.02, promptTokens: null, completionTokens: null },
      ],
    }),
    row(A, "a2", "2026-03-02T15:00:00Z", usd(0.3), {
      ...r1,
      costItems: [
        { type: "model", label: gpt, usd: 0.25, promptTokens: 200, completionTokens: 30 },
        { type: "transport", label: "Transport", usd: 0.05, promptTokens: null, completionTokens: null },
      ],
    }),
    row(A, "a3", "2026-03-03T09:00:00Z", usd(0.2), r2),
    // A currency without an amount is an unknown cost, not 0.
    row(A, "a4", "2026-03-03T11:00:00Z", { currency: "USD", amount: null }, r2),
    row(A, "a5", "2026-03-10T11:00:00Z", usd(1), r1),
    // Trashed in Parley: not in the inbox.
    row(A, "a6", "2026-03-02T11:00:00Z", usd(50), r1),
    row(B, "b1", "2026-03-02T12:00:00Z", unknown, web),
    row(B, "b2", "2026-03-03T12:00:00Z", unknown, web),
    row(C, "c1", "2026-03-03T08:00:00Z", { currency: "EUR", amount: 2 }),
  ]);
  await database.db
    .insert(moderationOverlay)
    .values({ connectionId: A, conversationId: "a6", trashed: true });
});
afterAll(async () => database?.close());

async function costs(query: Record<string, string>, connections = [A, B]): Promise<CostsAnswer> {
  return costsFromIndex(
    database.db,
    costsQuerySchema.parse(query),
    connections.map((id) => ({ id })),
  );
}

describe("costs from the index", () => {
  it("totals: spend, known and unknown conversations, average and median, in one currency", async () => {
    const answer = await costs({});
    // Inbox of A and B: a1..a5, b1, b2 (a6 is trashed). Known: 0.1, 0.3, 0.2, 1.0.
    expect(answer.currency).toBe("USD");
    expect(answer.currencies).toEqual(["USD"]);
    expect(answer.groups).toEqual([]);
    const { totals } = answer;
    expect(totals.conversations).toBe(7);
    expect(totals.knownCost).toBe(4);
    expect(totals.unknownCost).toBe(3);
    expect(totals.unknownShare).toBeCloseTo(3 / 7, 10);
    expect(totals.currency).toBe("USD");
    expect(totals.spend).toBeCloseTo(1.6, 10);
    expect(totals.average).toBeCloseTo(0.4, 10);
    expect(totals.median).toBeCloseTo(0.25, 10);
  });

  it("follows the list's view: the trash holds the trashed conversation", async () => {
    const { totals } = await costs({ view: "trash" });
    expect(totals.conversations).toBe(1);
    expect(totals.spend).toBeCloseTo(50, 10);
  });

  it("never adds two currencies: each is totalled on its own", async () => {
    const answer = await costs({}, [A, B, C]);
    expect(answer.currency).toBeNull();
    expect(answer.currencies).toEqual(["EUR", "USD"]);
    expect(answer.totals.spend).toBeNull();
    expect(answer.totals.median).toBeNull();
    expect(answer.totals.conversations).toBe(8);
    expect(answer.totals.knownCost).toBe(5);
    expect(answer.totals.byCurrency).toEqual([
      { currency: "EUR", spend: 2, conversations: 1, average: 2, median: 2 },
      expect.objectContaining({ currency: "USD", conversations: 4 }),
    ]);
  });

  it("groups by day and by week (a week is its Monday), currencies side by side", async () => {
    const days = await costs({ groupBy: "day" }, [A, B, C]);
    expect(days.groups.map((group) => group.key)).toEqual(["2026-03-02", "2026-03-03", "2026-03-10"]);
    const [second, third, tenth] = days.groups;
    expect(second).toMatchObject({ conversations: 3, knownCost: 2, unknownCost: 1, currency: "USD" });
    expect(second?.cost).toBeCloseTo(0.4, 10);
    // a3 (USD 0.2), a4 (unknown), b2 (unknown), c1 (EUR 2).
    expect(third).toMatchObject({
      conversations: 4,
      knownCost: 2,
      unknownCost: 2,
      currency: null,
      cost: null,
    });
    expect(third?.byCurrency).toEqual([
      { currency: "EUR", cost: 2, conversations: 1 },
      { currency: "USD", cost: 0.2, conversations: 1 },
    ]);
    expect(tenth).toMatchObject({ conversations: 1, cost: 1, currency: "USD" });

    const weeks = await costs({ groupBy: "week" });
    expect(weeks.groups.map((group) => [group.key, group.conversations])).toEqual([
      ["2026-03-02", 6],
      ["2026-03-09", 1],
    ]);
  });

  it("groups by connection, provider, responder and channel; a group without cost says unknown", async () => {
    const responders = await costs({ groupBy: "responder" });
    const byKey = new Map(responders.groups.map((group) => [group.key, group]));
    expect(byKey.get("r1")).toMatchObject({ label: "Ada bot", connectionId: A, conversations: 3 });
    expect(byKey.get("r1")?.cost).toBeCloseTo(1.4, 10);
    expect(byKey.get("r2")).toMatchObject({ conversations: 2, knownCost: 1, unknownCost: 1 });
    expect(byKey.get("r9")).toMatchObject({
      connectionId: B,
      conversations: 2,
      knownCost: 0,
      unknownCost: 2,
      cost: null,
      currency: null,
      byCurrency: [],
    });

    const providers = await costs({ groupBy: "provider" });
    expect(providers.groups.map((group) => [group.label, group.conversations, group.cost])).toEqual([
      ["Cozmox", 5, expect.closeTo(1.6, 10)],
      ["Zaia", 2, null],
    ]);

    const channels = await costs({ groupBy: "channel" });
    expect(channels.groups.map((group) => [group.key, group.label, group.conversations])).toEqual([
      ["ch1", "Web", 2],
      [null, "No channel", 5],
    ]);

    const connections = await costs({ groupBy: "connection" });
    expect(connections.groups.map((group) => [group.key, group.label, group.connectionId])).toEqual([
      [A, "Fake cozmox", A],
      [B, "Fake zaia", B],
    ]);
  });

  it("stacks each day by provider", async () => {
    const answer = await costs({ groupBy: "day", stackBy: "provider" });
    const first = answer.groups[0];
    expect(first?.conversations).toBe(3);
    expect(first?.series?.map((series) => [series.key, series.conversations, series.cost])).toEqual([
      ["cozmox", 2, expect.closeTo(0.4, 10)],
      ["zaia", 1, null],
    ]);
  });

  it("stacks each week by responder across connections, currencies and no responder apart", async () => {
    const answer = await costs({ groupBy: "week", stackBy: "responder" }, [A, B, C]);
    expect(answer.groups.map((group) => [group.key, group.conversations])).toEqual([
      ["2026-03-02", 7],
      ["2026-03-09", 1],
    ]);
    const series = [...(answer.groups[0]?.series ?? [])].sort((left, right) =>
      left.key === null ? 1 : right.key === null ? -1 : left.key.localeCompare(right.key),
    );
    expect(
      series.map((entry) => [entry.key, entry.label, entry.conversations, entry.unknownCost, entry.cost]),
    ).toEqual([
      ["r1", "Ada bot", 2, 0, expect.closeTo(0.4, 10)],
      ["r2", "Bo", 2, 1, expect.closeTo(0.2, 10)],
      ["r9", "r9", 2, 2, null],
      [null, "No responder", 1, 0, 2],
    ]);
    expect(series[3]?.currency).toBe("EUR");
    expect(answer.groups[1]?.series?.map((entry) => [entry.key, entry.cost])).toEqual([["r1", 1]]);
  });

  it("applies the list's filters (responder, date range)", async () => {
    const { totals } = await costs({ responder: "r1", from: "2026-03-01", to: "2026-03-05" });
    expect(totals.conversations).toBe(2);
    expect(totals.spend).toBeCloseTo(0.4, 10);
    expect(totals.median).toBeCloseTo(0.2, 10);
  });

  it("a range with no data: zero conversations, no spend (not $0), no groups", async () => {
    const answer = await costs({ groupBy: "day", from: "2027-01-01", to: "2027-12-31" });
    expect(answer.groups).toEqual([]);
    expect(answer.currency).toBeNull();
    expect(answer.totals).toEqual({
      currency: null,
      spend: null,
      conversations: 0,
      knownCost: 0,
      unknownCost: 0,
      unknownShare: 0,
      average: null,
      median: null,
      byCurrency: [],
    });
  });

  it("line items by type and model, with token totals, only when asked", async () => {
    expect((await costs({})).lineItems).toBeUndefined();
    const { lineItems } = await costs({ lineItems: "true" });
    expect(lineItems).toEqual([
      {
        type: "model",
        label: gpt,
        currency: "USD",
        cost: expect.closeTo(0.33, 10),
        promptTokens: 300,
        completionTokens: 40,
        conversations: 2,
      },
      {
        type: "transport",
        label: "Transport",
        currency: "USD",
        cost: 0.05,
        promptTokens: null,
        completionTokens: null,
        conversations: 1,
      },
      {
        type: "chat",
        label: "Chat",
        currency: "USD",
        cost: 0.02,
        promptTokens: null,
        completionTokens: null,
        conversations: 1,
      },
    ]);
    const filtered = await costs({ lineItems: "true", from: "2026-03-02T12:00:00Z" });
    expect(filtered.lineItems?.map((item) => [item.label, item.conversations])).toEqual([
      [gpt, 1],
      ["Transport", 1],
    ]);
  });

  it("refuses a stack without a grouping, and an unknown grouping", () => {
    expect(costsQuerySchema.safeParse({ stackBy: "provider" }).success).toBe(false);
    expect(costsQuerySchema.safeParse({ groupBy: "month" }).success).toBe(false);
  });
});
