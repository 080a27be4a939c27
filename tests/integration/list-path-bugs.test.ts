/**
 * Issue 13, section 3 ("Bugs in the list path"): the list is now answered from the index
 * (`lib/index/read`), and each bug of the old live list path is shown gone here:
 * - a responder filter applies each id to its own connection (no provider rejects another's ids);
 * - paging ends, with a notice, once a connection has failed;
 * - "Newest" is last activity everywhere, Archived, Important and Chatling included;
 * - Chatling contact names are in the list and found by search;
 * - an important flag Parley stores itself needs no provider.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Conversation, ConversationPage, Facets, ProviderId } from "@/lib/model/conversation";
import { startHarness, type Harness } from "./harness";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
}, 600_000);
afterAll(async () => harness?.close());

async function list(query: string): Promise<ConversationPage> {
  const { status, body } = await harness.json<ConversationPage>("GET", `/api/conversations?${query}`, {
    cookie: harness.staffCookie,
  });
  expect(status, JSON.stringify(body).slice(0, 300)).toBe(200);
  return body;
}

async function pages(query: string): Promise<ConversationPage[]> {
  const found: ConversationPage[] = [];
  let cursor: string | null = null;
  do {
    const page = await list(`${query}&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
    found.push(page);
    cursor = page.nextCursor;
    if (found.length > 200) throw new Error("paging does not end");
  } while (cursor);
  return found;
}

const newestFirst = (items: readonly Conversation[]) =>
  items.every(
    (item, index) =>
      index === 0 ||
      Date.parse(items[index - 1]!.lastActivityAt ?? "") >= Date.parse(item.lastActivityAt ?? ""),
  );

async function patch(row: Conversation, change: Record<string, unknown>) {
  return harness.call("PATCH", `/api/conversations/${row.connectionId}/${encodeURIComponent(row.id)}`, {
    cookie: harness.staffCookie,
    body: change,
  });
}

describe("the list path, answered from the index", () => {
  it("applies each picked responder to its own connection: Zaia keeps its matches beside SigmaMind's", async () => {
    const facets = (await harness.json<Facets>("GET", "/api/facets", { cookie: harness.staffCookie })).body;
    const responderOf = (provider: ProviderId) =>
      facets.options.responder.find((option) => option.connectionId === harness.connectionIds[provider]);
    const zaia = responderOf("zaia");
    const sigmamind = responderOf("sigmamind");
    if (!zaia || !sigmamind) throw new Error("the seed data has responders on Zaia and SigmaMind");
    const both = await pages(`view=all&responder=${encodeURIComponent(`${zaia.value},${sigmamind.value}`)}`);
    const rows = both.flatMap((page) => page.items);
    const zaiaRows = rows.filter((row) => row.connectionId === zaia.connectionId);
    expect(zaiaRows.length).toBe(zaia.count);
    expect(rows.filter((row) => row.connectionId === sigmamind.connectionId).length).toBe(sigmamind.count);
    expect(zaiaRows.every((row) => row.responder?.id === zaia.value)).toBe(true);
    expect(both[0]?.notices).toEqual([]);
  });

  it("pages to an end, saying so, once a connection has failed", async () => {
    await harness.setFaults("zaia", { errorRate: 1 });
    try {
      expect(await harness.syncOnce("zaia")).not.toBeNull();
      const all = await pages("view=all");
      const total = all[0]?.total ?? 0;
      expect(all.length).toBe(Math.ceil(total / 100));
      expect(all.every((page) => page.items.length > 0)).toBe(true);
      expect(all.at(-1)?.nextCursor).toBeNull();
      expect(all[0]?.notices.some((notice) => notice.connectionId === harness.connectionIds.zaia)).toBe(true);
    } finally {
      await harness.setFaults("zaia", {});
      await new Promise((resolve) => setTimeout(resolve, 400)); // let the breaker half-open
      expect(await harness.syncOnce("zaia")).toBeNull();
    }
  });

  it("orders Newest by last activity in Archived and Important, and on Chatling everywhere", async () => {
    const picked: Conversation[] = [];
    for (const provider of ["sigmamind", "cozmox", "zaia", "chatling"] as const) {
      const page = await list(`connection=${harness.connectionIds[provider]}&limit=60`);
      picked.push(...[0, 17, 33, 59].flatMap((index) => (page.items[index] ? [page.items[index]] : [])));
    }
    for (const [index, row] of picked.entries())
      expect((await patch(row, index % 2 === 0 ? { archived: true } : { important: true })).status).toBe(200);
    const archived = (await pages("view=archived")).flatMap((page) => page.items);
    const important = (await pages("view=important")).flatMap((page) => page.items);
    expect(archived.length).toBeGreaterThanOrEqual(picked.length / 2);
    expect(important.length).toBeGreaterThanOrEqual(picked.length / 2);
    expect(newestFirst(archived)).toBe(true);
    expect(newestFirst(important)).toBe(true);

    const chatling = (await pages(`connection=${harness.connectionIds.chatling}&view=all`)).flatMap(
      (page) => page.items,
    );
    expect(newestFirst(chatling)).toBe(true);
    // Creation order would differ: some later-created conversation had its last activity earlier.
    const byCreation = [...chatling].sort(
      (a, b) => Date.parse(b.createdAt ?? "") - Date.parse(a.createdAt ?? ""),
    );
    expect(byCreation.map((row) => row.id)).not.toEqual(chatling.map((row) => row.id));

    for (const [index, row] of picked.entries())
      await patch(row, index % 2 === 0 ? { archived: false } : { important: false });
  });

  it("shows Chatling contact names in the list and finds them by search", async () => {
    const chatling = (await pages(`connection=${harness.connectionIds.chatling}&view=all`)).flatMap(
      (page) => page.items,
    );
    const named = chatling.find((row) => row.owner?.name && row.owner.name.length >= 4);
    if (!named?.owner?.name) throw new Error("the seed data names Chatling contacts");
    const found = await list(
      `connection=${harness.connectionIds.chatling}&view=all&q=${encodeURIComponent(named.owner.name)}&limit=100`,
    );
    const hit = found.items.find((row) => row.id === named.id);
    expect(hit?.owner?.name).toBe(named.owner.name);
    expect(hit?.matches?.some((match) => match.field === "contact")).toBe(true);
  });

  it("marks important in Parley while the provider is down, and lists it under Important", async () => {
    const [row] = (await list(`connection=${harness.connectionIds.zaia}&limit=1`)).items;
    if (!row) throw new Error("no Zaia conversation");
    expect(row.flagHomes.important).toBe("parley");
    await harness.setFaults("zaia", { errorRate: 1 });
    try {
      expect((await patch(row, { important: true })).status).toBe(200);
      const important = await list(`view=important&connection=${row.connectionId}&limit=100`);
      expect(important.items.some((item) => item.id === row.id)).toBe(true);
    } finally {
      await harness.setFaults("zaia", {});
    }
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((await patch(row, { important: false })).status).toBe(200);
  });
});
