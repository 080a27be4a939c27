/**
 * `GET /api/analytics/costs` on the simulator's demo data after the first full sync: its totals
 * and groups against sums computed here from every row the list returns for the same filter
 * (Cozmox prices its conversations in USD, some not at all; the other providers have no costs,
 * so theirs are unknown, never $0), a filter, a range with no data, and the refusals.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Conversation, ConversationPage } from "@/lib/model/conversation";
import type { CostsAnswer } from "@/lib/model/costs";
import { startHarness, type Harness } from "./harness";

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
}, 600_000);
afterAll(async () => harness?.close());

async function costs(query: string): Promise<CostsAnswer> {
  const { status, body } = await harness.json<CostsAnswer>("GET", `/api/analytics/costs?${query}`, {
    cookie: harness.staffCookie,
  });
  expect(status, JSON.stringify(body).slice(0, 300)).toBe(200);
  return body;
}

/** Every row of a list query, paging to the end. */
async function all(query: string): Promise<Conversation[]> {
  const rows: Conversation[] = [];
  let cursor: string | null = null;
  do {
    const { body }: { body: ConversationPage } = await harness.json<ConversationPage>(
      "GET",
      `/api/conversations?${query}&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
      { cookie: harness.staffCookie },
    );
    rows.push(...body.items);
    cursor = body.nextCursor;
  } while (cursor);
  return rows;
}

/** The totals, computed from the list's rows. */
function expected(rows: readonly Conversation[]) {
  const known = rows
    .map((row) => row.cost?.usd)
    .filter((usd): usd is number => typeof usd === "number")
    .sort((left, right) => left - right);
  const spend = known.reduce((sum, usd) => sum + usd, 0);
  const middle = Math.floor(known.length / 2);
  const median =
    known.length === 0
      ? null
      : known.length % 2
        ? (known[middle] as number)
        : ((known[middle - 1] as number) + (known[middle] as number)) / 2;
  return { conversations: rows.length, known: known.length, spend, median };
}

describe("costs on the demo data", () => {
  it("totals every connection's inbox as the list's rows add up, unknown costs counted apart", async () => {
    const rows = await all("view=all");
    const answer = await costs("view=all");
    const want = expected(rows);
    expect(want.known).toBeGreaterThan(0);
    expect(want.known).toBeLessThan(want.conversations);
    expect(answer.currency).toBe("USD");
    expect(answer.totals.conversations).toBe(want.conversations);
    expect(answer.totals.knownCost).toBe(want.known);
    expect(answer.totals.unknownCost).toBe(want.conversations - want.known);
    expect(answer.totals.unknownShare).toBeCloseTo(
      (want.conversations - want.known) / want.conversations,
      10,
    );
    expect(answer.totals.spend).toBeCloseTo(want.spend, 6);
    expect(answer.totals.average).toBeCloseTo(want.spend / want.known, 8);
    expect(answer.totals.median).toBeCloseTo(want.median as number, 8);
  });

  it("by provider: only Cozmox has costs; the others are unknown, never $0", async () => {
    const answer = await costs("view=all&groupBy=provider");
    const byProvider = new Map(answer.groups.map((group) => [group.key, group]));
    expect([...byProvider.keys()].sort()).toEqual(["chatling", "cozmox", "sigmamind", "zaia"]);
    for (const provider of ["sigmamind", "zaia", "chatling"]) {
      const group = byProvider.get(provider);
      expect(group).toMatchObject({ cost: null, currency: null, knownCost: 0, byCurrency: [] });
      expect(group?.unknownCost).toBe(group?.conversations);
    }
    const cozmox = byProvider.get("cozmox");
    const rows = await all(`view=all&connection=${harness.connectionIds.cozmox}`);
    expect(cozmox?.conversations).toBe(rows.length);
    expect(cozmox?.cost).toBeCloseTo(expected(rows).spend, 6);
  });

  it("days add up to the totals, and a responder's filter matches the list's", async () => {
    const days = await costs("view=all&groupBy=day");
    const sum = days.groups.reduce((total, group) => total + group.conversations, 0);
    expect(sum).toBe(days.totals.conversations);
    expect(days.groups.every((group) => group.key === null || /^\d{4}-\d{2}-\d{2}$/.test(group.key))).toBe(
      true,
    );

    const responders = await costs(`connection=${harness.connectionIds.cozmox}&groupBy=responder`);
    const top = [...responders.groups].sort((left, right) => right.conversations - left.conversations)[0];
    expect(top?.key).toBeTruthy();
    const filtered = `connection=${top?.connectionId}&responder=${encodeURIComponent(top?.key ?? "")}`;
    const rows = await all(filtered);
    const answer = await costs(filtered);
    expect(answer.totals.conversations).toBe(rows.length);
    expect(answer.totals.conversations).toBe(top?.conversations);
    expect(answer.totals.spend ?? 0).toBeCloseTo(expected(rows).spend, 6);
  });

  it("Cozmox's line items are indexed: tokens by model add up to the conversations' tokens", async () => {
    const rows = await all(`view=all&connection=${harness.connectionIds.cozmox}`);
    const answer = await costs(`view=all&connection=${harness.connectionIds.cozmox}&lineItems=true`);
    const items = answer.lineItems ?? [];
    const models = items.filter((item) => item.type === "model");
    expect(models.length).toBeGreaterThan(0);
    expect(models.every((item) => item.currency === "USD")).toBe(true);
    expect(Math.max(...items.map((item) => item.conversations))).toBeLessThanOrEqual(answer.totals.knownCost);
    const prompt = (values: (number | null | undefined)[]) =>
      values.reduce<number>((sum, value) => sum + (value ?? 0), 0);
    expect(prompt(items.map((item) => item.promptTokens))).toBe(
      prompt(rows.map((row) => row.cost?.promptTokens)),
    );
    expect(prompt(items.map((item) => item.completionTokens))).toBe(
      prompt(rows.map((row) => row.cost?.completionTokens)),
    );
    const none = await costs(`view=all&connection=${harness.connectionIds.zaia}&lineItems=true`);
    expect(none.lineItems).toEqual([]);
  });

  it("a range with no data: no conversations and no spend", async () => {
    const answer = await costs("view=all&groupBy=week&from=1990-01-01&to=1990-12-31");
    expect(answer.groups).toEqual([]);
    expect(answer.totals).toMatchObject({ conversations: 0, spend: null, median: null, unknownShare: 0 });
  });

  it("by label: with no label put on anything, one 'No label' group as large as the totals", async () => {
    const answer = await costs("view=all&groupBy=label");
    expect(answer.groupBy).toBe("label");
    expect(answer.groups).toEqual([
      expect.objectContaining({
        key: null,
        label: "No label",
        conversations: answer.totals.conversations,
        knownCost: answer.totals.knownCost,
        unknownCost: answer.totals.unknownCost,
        currency: "USD",
      }),
    ]);
    expect(answer.groups[0]?.cost).toBeCloseTo(answer.totals.spend ?? Number.NaN, 6);
    const stacked = await harness.json("GET", "/api/analytics/costs?groupBy=label&stackBy=provider", {
      cookie: harness.staffCookie,
    });
    expect(stacked.status).toBe(400);
  });

  it("refuses what the list refuses, and anonymous callers", async () => {
    const bad = await harness.json("GET", "/api/analytics/costs?groupBy=year", {
      cookie: harness.staffCookie,
    });
    expect(bad.status).toBe(400);
    const unknown = await harness.json("GET", "/api/analytics/costs?connection=nope", {
      cookie: harness.staffCookie,
    });
    expect(unknown.status).toBe(404);
    expect((await harness.call("GET", "/api/analytics/costs")).status).toBe(401);
  });
});
