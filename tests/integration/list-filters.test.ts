/**
 * Every filter on every provider, answered from the index after the first full sync: every row
 * returned matches its filter, a provider without the field has no rows that match (and gets no
 * warning), and facet counts agree with the list's totals. Search covers message text in every
 * language of the data, ignoring case and accents, CJK substrings and partial words included.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {
  Conversation,
  ConversationPage,
  Facets,
  MessagePage,
  ProviderId,
} from "@/lib/model/conversation";
import type { FacetKey } from "@/lib/model/filters";
import { startHarness, type Harness } from "./harness";

let harness: Harness;
let facets: Facets;
const providers: ProviderId[] = ["sigmamind", "cozmox", "zaia", "chatling"];

beforeAll(async () => {
  harness = await startHarness({ transcripts: true });
  facets = (await harness.json<Facets>("GET", "/api/facets", { cookie: harness.staffCookie })).body;
}, 600_000);
afterAll(async () => harness?.close());

async function list(query: string): Promise<ConversationPage> {
  const { status, body } = await harness.json<ConversationPage>("GET", `/api/conversations?${query}`, {
    cookie: harness.staffCookie,
  });
  expect(status, JSON.stringify(body).slice(0, 300)).toBe(200);
  return body;
}

/** Every row of a query, paging to the end. */
async function all(query: string): Promise<Conversation[]> {
  const rows: Conversation[] = [];
  let cursor: string | null = null;
  do {
    const page = await list(`${query}&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
    rows.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return rows;
}

/** The provider-data facets (labels and review, Parley's own, are tested in `labels.test.ts` and `review.test.ts`). */
type ColumnFacet = Exclude<FacetKey, "label" | "assignee" | "reviewState">;

const facetField: Record<ColumnFacet, (conversation: Conversation) => string | null | undefined> = {
  channel: (c) => c.channel?.id,
  channelType: (c) => c.channel?.type,
  responder: (c) => c.responder?.id,
  version: (c) => c.version?.id,
  status: (c) => c.status,
};

/** The providers whose rows have the facet's field (from the seed data). */
const withField: Record<ColumnFacet, ProviderId[]> = {
  channel: ["zaia"],
  channelType: ["zaia"],
  responder: ["sigmamind", "cozmox", "zaia", "chatling"],
  version: ["zaia"],
  status: ["sigmamind", "cozmox", "zaia"],
};

describe("filters from the index", () => {
  it("the first sync leaves every connection idle, with no notices", async () => {
    const page = await list("view=all&limit=5");
    expect(page.notices).toEqual([]);
    expect(page.totalIsEstimate).toBe(false);
    expect(facets.notices).toEqual([]);
  });

  it("facets list each connection's values with counts, and which fields its rows have", () => {
    const connection = (provider: ProviderId) =>
      facets.connections.find((candidate) => candidate.provider === provider);
    expect(connection("zaia")?.filters.channel).toBe("present");
    expect(connection("sigmamind")?.filters.channel).toBe("absent");
    expect(connection("chatling")?.filters.status).toBe("absent");
    expect(connection("cozmox")?.moderation.deleteAtProvider).toBe("hard");
    expect(connection("chatling")?.moderation.important).toBe("provider");
    for (const key of Object.keys(withField) as ColumnFacet[]) {
      expect(facets.options[key].length, key).toBeGreaterThan(0);
      for (const option of facets.options[key]) expect(option.count, key).toBeGreaterThan(0);
    }
    // One label per value, from one source: the same label as list cells use.
    expect(facets.options.channelType.find((option) => option.value === "waha")?.label).toBe(
      "WhatsApp (WAHA)",
    );
    expect(facets.options.status.find((option) => option.value === "open")?.label).toBe("Ticket open");
  });

  for (const key of Object.keys(withField) as ColumnFacet[])
    it(`${key}: every row matches on every provider that has it; the others have none`, async () => {
      for (const provider of providers) {
        const connectionId = harness.connectionIds[provider];
        const options = facets.options[key].filter((option) => option.connectionId === connectionId);
        if (!withField[key].includes(provider)) {
          expect(options, `${provider} ${key}`).toEqual([]);
          continue;
        }
        const option = options[0];
        expect(option, `${provider} ${key}`).toBeDefined();
        if (!option) continue;
        const rows = await all(
          `view=all&connection=${connectionId}&${key}=${encodeURIComponent(option.value)}`,
        );
        expect(rows.length, `${provider} ${key}`).toBe(option.count);
        for (const row of rows) expect(facetField[key](row), `${provider} ${key}`).toBe(option.value);
      }
      // Across every connection: rows of providers without the field never match, without notices.
      const option = facets.options[key][0];
      if (!option) throw new Error(`no ${key} option`);
      const page = await list(`view=all&${key}=${encodeURIComponent(option.value)}&limit=100`);
      expect(page.notices).toEqual([]);
      for (const row of page.items) {
        expect(withField[key]).toContain(row.provider);
        expect(facetField[key](row)).toBe(option.value);
      }
    });

  it("a provider without the field simply does not match", async () => {
    const page = await list(`view=all&channelType=whatsapp&connection=${harness.connectionIds.sigmamind}`);
    expect(page.items).toEqual([]);
    expect(page.total).toBe(0);
    expect(page.notices).toEqual([]);
  });

  it("owner: by contact id or identifier, on every provider that has contacts", async () => {
    for (const provider of ["cozmox", "zaia", "chatling"] as const) {
      const rows = await list(`view=all&connection=${harness.connectionIds[provider]}&limit=100`);
      const owner = rows.items.find((item) => item.owner?.id || item.owner?.identifier)?.owner;
      const value = owner?.id ?? owner?.identifier;
      expect(value, provider).toBeTruthy();
      const matched = await all(
        `view=all&connection=${harness.connectionIds[provider]}&owner=${encodeURIComponent(value ?? "")}`,
      );
      expect(matched.length, provider).toBeGreaterThan(0);
      for (const row of matched) expect([row.owner?.id, row.owner?.identifier], provider).toContain(value);
    }
  });

  it("date range: every row of every provider inside, each provider represented", async () => {
    const rows = await all("view=all&from=2026-10-01&to=2026-10-31");
    expect(new Set(rows.map((row) => row.provider))).toEqual(new Set(providers));
    for (const row of rows) {
      const time = Date.parse(row.lastActivityAt ?? "");
      expect(time).toBeGreaterThanOrEqual(Date.parse("2026-10-01T00:00:00Z"));
      expect(time).toBeLessThanOrEqual(Date.parse("2026-10-31T23:59:59.999Z"));
    }
  });

  it("two filters at once: each row matches both", async () => {
    const channelType = facets.options.channelType.find(
      (option) => option.connectionId === harness.connectionIds.zaia,
    );
    const status = facets.options.status.find((option) => option.value === "closed");
    const rows = await all(`view=all&channelType=${channelType?.value}&status=${status?.value}`);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.channel?.type).toBe(channelType?.value);
      expect(row.status).toBe("closed");
    }
  });

  it("oldest first on every provider", async () => {
    const page = await list("view=all&sort=oldest&limit=100");
    const times = page.items.map((item) => Date.parse(item.lastActivityAt ?? item.createdAt ?? ""));
    expect(times).toEqual([...times].sort((left, right) => left - right));
    const rows = await all("view=all&sort=oldest");
    expect(new Set(rows.map((row) => row.provider))).toEqual(new Set(providers));
  }, 120_000);
});

/** Lower case without accents, as search compares. */
const fold = (text: string) =>
  text
    .normalize("NFD")
    .replace(/\p{Mn}/gu, "")
    .toLowerCase();

async function expectSearch(q: string, options: { providers?: ProviderId[]; field?: string } = {}) {
  const page = await list(`view=all&q=${encodeURIComponent(q)}&limit=50`);
  expect(page.items.length, q).toBeGreaterThan(0);
  for (const item of page.items) {
    expect(item.matches?.length, `${q}: ${item.provider} ${item.id}`).toBeGreaterThan(0);
    const highlighted = (item.matches ?? []).flatMap((match) =>
      match.highlights.map((range) => fold(match.snippet.slice(range.start, range.end))),
    );
    const words = fold(q).split(/\s+/);
    expect(
      highlighted.some((text) => words.some((word) => text.includes(word))),
      `${q}: ${JSON.stringify(item.matches)}`,
    ).toBe(true);
  }
  for (const provider of options.providers ?? []) {
    const found = await list(
      `view=all&q=${encodeURIComponent(q)}&connection=${harness.connectionIds[provider]}&limit=5`,
    );
    expect(found.items.length, `${q} on ${provider}`).toBeGreaterThan(0);
  }
  if (options.field)
    expect(page.items.some((item) => item.matches?.some((match) => match.field === options.field))).toBe(
      true,
    );
  return page;
}

describe("search from the index", () => {
  it("finds words said inside threads (English), with the message that matched", async () => {
    await expectSearch("charged twice", { providers: ["sigmamind", "cozmox", "zaia", "chatling"] });
    const page = await expectSearch("double charge", { field: "message" });
    const item = page.items.find((candidate) =>
      candidate.matches?.some((match) => match.field === "message"),
    );
    const match = item?.matches?.find((candidate) => candidate.field === "message");
    expect(match?.messageId).toBeTruthy();
    // The message id and position point at that message in the live thread.
    const thread = await harness.json<MessagePage>(
      "GET",
      `/api/conversations/${item?.connectionId}/${encodeURIComponent(item?.id ?? "")}/messages?cursor=${match?.position}&limit=1`,
      { cookie: harness.staffCookie },
    );
    expect(thread.status).toBe(200);
    expect(thread.body.messages[0]?.id).toBe(match?.messageId);
  });

  it("ignores accents and case (Portuguese, Spanish, French)", async () => {
    await expectSearch("julia");
    await expectSearch("DIARIOS", { field: "title" });
    await expectSearch("reservation");
    await expectSearch("modifier ma reservation");
  });

  it("finds Arabic and Hebrew words", async () => {
    await expectSearch("طلبي");
    await expectSearch("ההזמנה");
  });

  it("finds Chinese, Japanese and Korean substrings", async () => {
    await expectSearch("订单", { providers: ["sigmamind", "cozmox", "chatling"] });
    await expectSearch("キャンセル");
    await expectSearch("배송");
  }, 120_000);

  it("finds partial words and contacts", async () => {
    await expectSearch("passw");
    const zaia = await list(`view=all&connection=${harness.connectionIds.zaia}&limit=100`);
    const name = zaia.items.find((item) => item.owner?.name)?.owner?.name ?? "";
    await expectSearch(name.split(" ")[0] ?? name, { field: "contact" });
  });

  it("a word nobody said finds nothing", async () => {
    const page = await list("view=all&q=xylophonequartz");
    expect(page.items).toEqual([]);
    expect(page.total).toBe(0);
  });
});
