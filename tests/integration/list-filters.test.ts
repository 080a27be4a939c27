/**
 * Every filter on every provider: applied natively where the provider can, on a bounded scan where
 * Parley can check the rows, and otherwise the connection is left out — always with a notice.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConversationPage, Facets, Notice, ProviderId } from "@/lib/model/conversation";
import { startHarness, type Harness } from "./harness";

let harness: Harness;
let facets: Facets;

beforeAll(async () => {
  harness = await startHarness();
  facets = (await harness.json<Facets>("GET", "/api/facets", { cookie: harness.staffCookie })).body;
});
afterAll(async () => harness?.close());

async function list(query: string): Promise<ConversationPage> {
  const { status, body } = await harness.json<ConversationPage>("GET", `/api/conversations?${query}`, {
    cookie: harness.staffCookie,
  });
  expect(status, JSON.stringify(body).slice(0, 300)).toBe(200);
  return body;
}

function option(kind: keyof Omit<Facets, "connections" | "notices">, provider: ProviderId, index = 0) {
  const connectionId = harness.connectionIds[provider];
  const found = facets[kind].filter((candidate) => candidate.connectionId === connectionId)[index];
  if (!found) throw new Error(`no ${kind} option for ${provider}`);
  return found;
}

const noticeFor = (page: ConversationPage, provider: ProviderId, kind: Notice["kind"]) =>
  page.notices.find((notice) => notice.provider === provider && notice.kind === kind);

describe("filters", () => {
  it("facets list options per connection and each connection's filter support", () => {
    const zaia = facets.connections.find((connection) => connection.provider === "zaia");
    expect(zaia?.filters.channel).toBe("native");
    expect(
      facets.connections.find((connection) => connection.provider === "sigmamind")?.filters.channel,
    ).toBe("unsupported");
    expect(facets.channels.length).toBeGreaterThan(0);
    expect(
      facets.responders.some((responder) => responder.connectionId === harness.connectionIds.chatling),
    ).toBe(true);
  });

  it("channel: native on Zaia, the others left out with a notice", async () => {
    const channel = option("channels", "zaia");
    const page = await list(`view=all&channel=${channel.value}&limit=25`);
    expect(page.items.length).toBeGreaterThan(0);
    for (const item of page.items) expect(item.channel?.id).toBe(channel.value);
    for (const provider of ["sigmamind", "cozmox", "chatling"] as const)
      expect(noticeFor(page, provider, "left_out")?.message).toMatch(/channel/);
    expect(noticeFor(page, "zaia", "scanned")).toBeUndefined();
  });

  it("channel type: native on Zaia", async () => {
    const type = option("channelTypes", "zaia");
    const page = await list(`view=all&channelType=${type.value}&connection=${harness.connectionIds.zaia}`);
    expect(page.items.length).toBeGreaterThan(0);
    for (const item of page.items) expect(item.channel?.type).toBe(type.value);
  });

  it("responder: native on Cozmox and Chatling (per chatbot), scanned on SigmaMind", async () => {
    for (const provider of ["cozmox", "chatling", "zaia"] as const) {
      const responder = option("responders", provider);
      const page = await list(
        `view=all&responder=${encodeURIComponent(responder.value)}&connection=${harness.connectionIds[provider]}`,
      );
      expect(page.items.length, provider).toBeGreaterThan(0);
      for (const item of page.items) expect(item.responder?.id).toBe(responder.value);
      expect(noticeFor(page, provider, "scanned"), provider).toBeUndefined();
    }
    const agent = option("responders", "sigmamind");
    const scanned = await list(
      `view=all&responder=${encodeURIComponent(agent.value)}&connection=${harness.connectionIds.sigmamind}`,
    );
    expect(scanned.items.length).toBeGreaterThan(0);
    for (const item of scanned.items) expect(item.responder?.id).toBe(agent.value);
    expect(noticeFor(scanned, "sigmamind", "scanned")?.message).toMatch(
      /responder applied by Parley on a bounded scan/,
    );
  });

  it("version: native on Zaia, left out elsewhere", async () => {
    const version = option("versions", "zaia");
    const page = await list(`view=all&version=${version.value}`);
    expect(page.items.length).toBeGreaterThan(0);
    for (const item of page.items) expect(item.version?.id).toBe(version.value);
    expect(noticeFor(page, "chatling", "left_out")).toBeDefined();
  });

  it("status: native on SigmaMind, scanned on Cozmox and Zaia, Chatling left out", async () => {
    const ended = await list(`view=all&status=ended&connection=${harness.connectionIds.sigmamind}`);
    expect(ended.items.length).toBeGreaterThan(0);
    for (const item of ended.items) expect(item.status).toBe("ended");
    expect(noticeFor(ended, "sigmamind", "scanned")).toBeUndefined();

    const completed = await list(`view=all&status=completed`);
    for (const item of completed.items) expect(item.status).toBe("completed");
    expect(completed.items.some((item) => item.provider === "cozmox")).toBe(true);
    expect(noticeFor(completed, "cozmox", "scanned")).toBeDefined();
    expect(noticeFor(completed, "chatling", "left_out")?.message).toMatch(/status/);
  });

  it("owner: native on Zaia, scanned on Cozmox", async () => {
    const zaiaRows = await list(`view=all&connection=${harness.connectionIds.zaia}&limit=50`);
    const owner = zaiaRows.items.find((item) => item.owner?.id)?.owner?.id;
    expect(owner).toBeTruthy();
    const page = await list(`view=all&owner=${owner}&connection=${harness.connectionIds.zaia}`);
    expect(page.items.length).toBeGreaterThan(0);
    for (const item of page.items) expect(item.owner?.id).toBe(owner);
  });

  it("date range: native on Cozmox and Zaia, scanned on SigmaMind and Chatling, every row inside", async () => {
    const page = await list("view=all&from=2026-10-01&to=2026-10-31&limit=100");
    expect(page.items.length).toBeGreaterThan(0);
    for (const item of page.items) {
      const time = Date.parse(item.lastActivityAt ?? "");
      expect(time).toBeGreaterThanOrEqual(Date.parse("2026-10-01T00:00:00Z"));
      expect(time).toBeLessThanOrEqual(Date.parse("2026-10-31T23:59:59.999Z"));
    }
    expect(noticeFor(page, "zaia", "scanned")).toBeUndefined();
    expect(noticeFor(page, "sigmamind", "scanned")).toBeDefined();
  });

  it("search: native on Zaia, scanned elsewhere", async () => {
    const page = await list(`view=all&q=order&connection=${harness.connectionIds.zaia}`);
    expect(page.items.length).toBeGreaterThan(0);
    expect(noticeFor(page, "zaia", "scanned")).toBeUndefined();
    const scanned = await list(`view=all&q=order&connection=${harness.connectionIds.chatling}`);
    expect(noticeFor(scanned, "chatling", "scanned")?.message).toMatch(/search/);
  });

  it("oldest first: where the provider can sort so, others left out", async () => {
    const page = await list("view=all&sort=oldest&limit=30");
    expect(noticeFor(page, "sigmamind", "left_out")?.message).toMatch(/newest first/);
    expect(noticeFor(page, "zaia", "left_out")).toBeDefined();
    const times = page.items.map((item) => Date.parse(item.lastActivityAt ?? item.createdAt ?? ""));
    expect(times).toEqual([...times].sort((left, right) => left - right));
    expect(new Set(page.items.map((item) => item.provider))).toEqual(new Set(["cozmox", "chatling"]));
  });
});
