/**
 * Paging the list of every connection from the index to the end: no duplicates, no gaps, exact
 * totals, and the views' flag semantics.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Conversation, ConversationPage } from "@/lib/model/conversation";
import { startHarness, type Harness } from "./harness";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
}, 600_000);
afterAll(async () => harness?.close());

async function simulatorCounts(): Promise<number> {
  const stats = (await (await fetch(`${harness.simulator.url}/__admin/stats`)).json()) as Record<
    string,
    Record<string, number>
  >;
  return (
    (stats.sigmamind?.chats ?? 0) +
    (stats.cozmox?.conversations ?? 0) +
    (stats.zaia?.chats ?? 0) +
    (stats.chatling?.conversations ?? 0)
  );
}

async function pageThrough(query: string, cookie: string) {
  const seen = new Map<string, Conversation>();
  const duplicates: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const url: string = `/api/conversations?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
    const { status, body }: { status: number; body: ConversationPage } = await harness.json<ConversationPage>(
      "GET",
      url,
      { cookie },
    );
    expect(status, JSON.stringify(body).slice(0, 300)).toBe(200);
    expect(body.notices).toEqual([]);
    for (const item of body.items) {
      const key = `${item.connectionId}/${item.id}`;
      if (seen.has(key)) duplicates.push(key);
      seen.set(key, item);
    }
    cursor = body.nextCursor;
    pages += 1;
  } while (cursor && pages < 100);
  return { seen, duplicates, pages };
}

describe("the merged list", () => {
  it("pages through every conversation of every connection exactly once", async () => {
    const expected = await simulatorCounts();
    expect(expected).toBeGreaterThanOrEqual(2000);
    const { seen, duplicates, pages } = await pageThrough("view=all&limit=100", harness.staffCookie);
    expect(duplicates).toEqual([]);
    expect(seen.size).toBe(expected);
    expect(pages).toBeGreaterThanOrEqual(21);
    expect(new Set([...seen.values()].map((item) => item.provider))).toEqual(
      new Set(["sigmamind", "cozmox", "zaia", "chatling"]),
    );
  }, 240_000);

  it("orders each page by last activity, newest first, across providers", async () => {
    const { body } = await harness.json<ConversationPage>("GET", "/api/conversations?view=all&limit=50", {
      cookie: harness.staffCookie,
    });
    const times = body.items.map((item) => Date.parse(item.lastActivityAt ?? item.createdAt ?? ""));
    const sorted = [...times].sort((left, right) => right - left);
    expect(times).toEqual(sorted);
  });

  it("gives exact totals from the index, for any selection", async () => {
    const ids = `${harness.connectionIds.sigmamind},${harness.connectionIds.cozmox}`;
    const { body } = await harness.json<ConversationPage>(
      "GET",
      `/api/conversations?view=all&connection=${ids}&limit=10`,
      { cookie: harness.staffCookie },
    );
    expect(body.total).toBe(520 + 521);
    expect(body.totalIsEstimate).toBe(false);
    const everything = await harness.json<ConversationPage>("GET", "/api/conversations?view=all&limit=10", {
      cookie: harness.staffCookie,
    });
    expect(everything.body.total).toBe(await simulatorCounts());
    expect(everything.body.totalIsEstimate).toBe(false);
  });

  it("pages oldest first to the end as well, the exact reverse order", async () => {
    const newest = await pageThrough("view=all&limit=100", harness.staffCookie);
    const oldest = await pageThrough("view=all&sort=oldest&limit=100", harness.staffCookie);
    expect(oldest.duplicates).toEqual([]);
    expect([...oldest.seen.keys()]).toEqual([...newest.seen.keys()].reverse());
  }, 240_000);

  it("keeps archived and removed conversations out of the inbox", async () => {
    const { seen } = await pageThrough(
      `connection=${harness.connectionIds.chatling},${harness.connectionIds.zaia}&limit=100`,
      harness.staffCookie,
    );
    const items = [...seen.values()];
    expect(items.some((item) => item.flags.archived)).toBe(false);
    expect(items.some((item) => item.flags.removedAtProvider)).toBe(false);
    const archived = await harness.json<ConversationPage>(
      "GET",
      `/api/conversations?view=archived&connection=${harness.connectionIds.chatling}&limit=25`,
      {
        cookie: harness.staffCookie,
      },
    );
    expect(archived.body.items.length).toBeGreaterThan(0);
    for (const item of archived.body.items) {
      expect(item.flags.archived).toBe(true);
      expect(item.flagHomes.archived).toBe("provider");
    }
  }, 120_000);

  it("refuses a cursor from other filters or a forged one", async () => {
    const first = await harness.json<ConversationPage>("GET", "/api/conversations?view=all&limit=5", {
      cookie: harness.staffCookie,
    });
    const cursor = first.body.nextCursor ?? "";
    const other = await harness.json<{ error: { code: string; message: string } }>(
      "GET",
      `/api/conversations?view=inbox&limit=5&cursor=${encodeURIComponent(cursor)}`,
      { cookie: harness.staffCookie },
    );
    expect(other.status).toBe(400);
    expect(other.body.error.message).toMatch(/other filters/);
    const forged = await harness.json("GET", "/api/conversations?cursor=bm90LWpzb24", {
      cookie: harness.staffCookie,
    });
    expect(forged.status).toBe(400);
  });

  it("rejects bad query values with a clear 400", async () => {
    for (const query of [
      "limit=0",
      "limit=101",
      "view=spam",
      "from=yesterday",
      "from=2026-02-01&to=2026-01-01",
      "sort=sideways",
      "unknown=1",
    ]) {
      const { status, body } = await harness.json<{ error: { code: string } }>(
        "GET",
        `/api/conversations?${query}`,
        { cookie: harness.staffCookie },
      );
      expect(status, query).toBe(400);
      expect(body.error.code).toBe("invalid_request");
    }
    const missing = await harness.json("GET", "/api/conversations?connection=does-not-exist", {
      cookie: harness.staffCookie,
    });
    expect(missing.status).toBe(404);
  });
});
