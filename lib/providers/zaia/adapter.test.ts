import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createHttpClient, type HttpClient } from "@/lib/http/client";
import type {
  ListRequest,
  NativeFilters,
  ProviderContext,
  ProviderConversation,
  ProviderFacets,
} from "@/lib/providers/contract";
import { isProviderError, ProviderError } from "@/lib/providers/errors";
import { simulatorKeys } from "@/simulator/keys";
import { resetSimulator, setFaults, startTestSimulator } from "@/simulator/testing";
import { zaiaAdapter } from "./adapter";
import { createConnectionMemo } from "@/lib/connections/connection-memo";

/** The simulator's long threads (ids fixed by the simulator's data, see its NOTES.md). */
const longThreads = {
  hundred: "f9c0a6fb-f88a-42e2-9278-b42cba4ac1db",
  tenThousand: "ddf23893-cae8-4fac-9dc6-f89e0ea0dbf6",
};
const unknownChat = "0b1c2d3e-4f50-4617-8899-aabbccddeeff";

let simulator: Awaited<ReturnType<typeof startTestSimulator>>;
let context: ProviderContext;
let facets: ProviderFacets;
let everything: ProviderConversation[];
let connectionCount = 0;

function contextFor(options: { key?: string; timeoutMs?: number } = {}): ProviderContext {
  connectionCount += 1;
  const connectionId = connectionCount === 1 ? "test-zaia" : `test-zaia-${connectionCount}`;
  const baseUrl = `${simulator.url}/zaia`;
  const http = createHttpClient({
    provider: "zaia",
    connectionId,
    baseUrl,
    authHeaders: zaiaAdapter.authHeaders(options.key ?? simulatorKeys.zaia.primary),
    timeoutMs: options.timeoutMs ?? 2000,
  });
  return { connectionId, baseUrl, http, memo: createConnectionMemo() };
}

const listRequest = (
  filters: NativeFilters = {},
  pageSize = 100,
  pageToken: string | null = null,
): ListRequest => ({
  scope: null,
  filters,
  sort: "recent",
  pageToken,
  pageSize,
});

async function listAll(filters: NativeFilters = {}, pageSize = 100): Promise<ProviderConversation[]> {
  const items: ProviderConversation[] = [];
  let token: string | null = null;
  for (let pages = 0; pages < 50; pages++) {
    const page = await zaiaAdapter.listConversations(context, listRequest(filters, pageSize, token));
    expect(page.total).toBeNull();
    items.push(...page.items);
    token = page.nextPageToken;
    if (token === null) return items;
  }
  throw new Error("paging never ended");
}

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a failure");
}

beforeAll(async () => {
  simulator = await startTestSimulator();
  context = contextFor();
  facets = await zaiaAdapter.listFacets(context);
  everything = await listAll();
});
afterEach(async () => resetSimulator(simulator.url));
afterAll(async () => simulator.close());

describe("zaiaAdapter over HTTP", () => {
  it("declares Zaia's auth header, base URL and capabilities", () => {
    expect(zaiaAdapter.authHeaders("k")).toEqual({ authorization: "k" });
    expect(zaiaAdapter.defaultBaseUrl).toBe("https://api.endless.zaia.app");
    expect(zaiaAdapter.capabilities.filters.status).toBe("scan");
    expect(zaiaAdapter.capabilities.moderation).toEqual({
      important: false,
      archived: false,
      title: true,
      deleteAtProvider: "soft",
    });
    expect(zaiaAdapter.setImportant).toBeUndefined();
    expect(zaiaAdapter.setArchived).toBeUndefined();
  });

  it("verifies a good key and refuses a wrong one as auth_failed without echoing it", async () => {
    await expect(zaiaAdapter.verify(context)).resolves.toBeUndefined();
    const wrongKey = "zaia_wrong_0000000000000000";
    const error = await caught(zaiaAdapter.verify(contextFor({ key: wrongKey })));
    expect(isProviderError(error) && error.code).toBe("auth_failed");
    expect(String(error)).not.toContain(wrongKey);
    expect(String(error)).toContain("401");
  });

  it("lists a first page with details and a next-page token", async () => {
    const page = await zaiaAdapter.listConversations(context, listRequest({}, 25));
    expect(page.items).toHaveLength(25);
    expect(page.nextPageToken).toBe("2");
    expect(page.total).toBeNull();
    expect(page.items.every((item) => typeof item.responder?.name === "string")).toBe(true);
    expect(page.items.map((item) => item.id)).toEqual(everything.slice(0, 25).map((item) => item.id));
  });

  it("pages to the end without duplicates, newest first, removed chats flagged", async () => {
    expect(everything).toHaveLength(560);
    expect(new Set(everything.map((item) => item.id)).size).toBe(everything.length);
    // Newest last message first; a chat without messages (no last activity) by its creation.
    const times = everything.map((item) => item.lastActivityAt ?? item.createdAt ?? "");
    expect([...times].sort().reverse()).toEqual(times);
    expect(everything.some((item) => item.lastActivityAt === null)).toBe(true);
    expect(everything.some((item) => item.native.removed)).toBe(true);
    expect(new Set(everything.map((item) => item.status))).toEqual(
      new Set([null, "open", "pending", "closed"]),
    );
  });

  it("refuses oldest-first, as its capabilities say", async () => {
    expect(zaiaAdapter.capabilities.sortOldest).toBe(false);
    const error = await caught(zaiaAdapter.listConversations(context, { ...listRequest(), sort: "oldest" }));
    expect(isProviderError(error) && error.code).toBe("unsupported");
  });

  const narrows = async (filters: NativeFilters, holds: (item: ProviderConversation) => boolean) => {
    const items = await listAll(filters);
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThan(everything.length);
    expect(items.filter((item) => !holds(item))).toEqual([]);
    expect(everything.filter(holds).map((item) => item.id)).toEqual(items.map((item) => item.id));
  };

  it("narrows by channel (details list)", async () => {
    const channel = facets.channels[2]?.value;
    await narrows({ channelIds: [channel ?? ""] }, (item) => item.channel?.id === channel);
  });

  it("narrows by channel type (lean list, enriched)", async () => {
    await narrows({ channelTypes: ["instagram", "waha"] }, (item) =>
      ["instagram", "waha"].includes(item.channel?.type ?? ""),
    );
  });

  it("narrows by responder and by version", async () => {
    const squad = facets.responders.find((option) => option.label.endsWith("(squad)"))?.value;
    await narrows({ responderIds: [squad ?? ""] }, (item) => item.responder?.id === squad);
    const version = facets.versions.find((option) => option.label === "Aurora Atendimento v2")?.value;
    await narrows(
      { versionIds: [version ?? ""] },
      (item) => item.version?.id === version && item.version?.number === 2,
    );
  });

  it("narrows by owner", async () => {
    const owner = everything[0]?.owner?.id ?? "";
    await narrows({ ownerIds: [owner] }, (item) => item.owner?.id === owner);
  });

  it("narrows by an inclusive date range on last activity", async () => {
    const from = "2026-10-01T00:00:00.000Z";
    const to = everything[30]?.lastActivityAt ?? "";
    await narrows(
      { from, to },
      (item) => item.lastActivityAt !== null && item.lastActivityAt >= from && item.lastActivityAt <= to,
    );
  });

  it("narrows by search", async () => {
    const items = await listAll({ search: "refund" });
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThan(everything.length);
  });

  it("reads one conversation with extras, and answers unknown ids as not_found", async () => {
    const detail = await zaiaAdapter.getConversation(context, longThreads.tenThousand);
    expect(detail).toMatchObject({
      id: longThreads.tenThousand,
      channel: { type: "whatsapp" },
      responder: { name: "Aurora Atendimento", kind: "agent" },
      status: "open",
      costBreakdown: [],
    });
    expect(detail.extras.map((section) => section.title)).toEqual([
      "Ticket",
      "Owner",
      "Responder",
      "Channel",
    ]);
    for (const id of [unknownChat, "not-a-uuid"]) {
      const error = await caught(zaiaAdapter.getConversation(context, id));
      expect(isProviderError(error) && error.code).toBe("not_found");
    }
  });

  it("reads a 10,000-message thread by offset, oldest first, with stable ids", async () => {
    const id = longThreads.tenThousand;
    const first = await zaiaAdapter.listMessages(context, id, { offset: 0, limit: 250 });
    expect(first.messages).toHaveLength(250);
    expect(first).toMatchObject({ hasMore: true, total: null });
    const times = first.messages.map((message) => message.createdAt ?? "");
    expect([...times].sort()).toEqual(times);

    const wide = await zaiaAdapter.listMessages(context, id, { offset: 4_000, limit: 1_500 });
    expect(wide.messages).toHaveLength(1_500);
    expect(new Set(wide.messages.map((message) => message.id)).size).toBe(1_500);
    const inner = await zaiaAdapter.listMessages(context, id, { offset: 4_995, limit: 10 });
    expect(inner.messages).toEqual(wide.messages.slice(995, 1_005));

    const last = await zaiaAdapter.listMessages(context, id, { offset: 9_900, limit: 200 });
    expect(last.messages).toHaveLength(100);
    expect(last).toMatchObject({ hasMore: false, total: 10_000 });
    const detail = await zaiaAdapter.getConversation(context, id);
    expect(last.messages[99]?.createdAt).toBe(detail.lastActivityAt);
  });

  it("knows a thread ended exactly at the page boundary", async () => {
    const page = await zaiaAdapter.listMessages(context, longThreads.hundred, { offset: 0, limit: 100 });
    expect(page).toMatchObject({ hasMore: false, total: 100 });
    const roles = new Set(page.messages.map((message) => message.role));
    expect([...roles].every((role) => ["user", "assistant", "system", "human_agent"].includes(role))).toBe(
      true,
    );
    const beyond = await zaiaAdapter.listMessages(context, longThreads.hundred, { offset: 300, limit: 10 });
    expect(beyond).toEqual({ messages: [], total: null, hasMore: false });
  });

  it("lists facets whose values match the rows", () => {
    expect(facets.channels).toHaveLength(6);
    expect(facets.channelTypes.map((option) => option.value)).toEqual([
      "widget",
      "waha",
      "whatsapp",
      "instagram",
      "api",
    ]);
    expect(facets.responders).toHaveLength(4);
    expect(facets.versions.map((option) => option.label)).toContain("Aurora Atendimento v3");
    expect(facets.versions).toHaveLength(8);
    expect(facets.statuses.map((option) => option.value)).toEqual(["open", "pending", "closed"]);
    const values = (options: { value: string }[]) => new Set(options.map((option) => option.value));
    expect(
      everything.every((item) => item.channel === null || values(facets.channels).has(item.channel.id ?? "")),
    ).toBe(true);
    expect(everything.every((item) => values(facets.responders).has(item.responder?.id ?? ""))).toBe(true);
    expect(
      everything.every((item) => item.version === null || values(facets.versions).has(item.version.id ?? "")),
    ).toBe(true);
  });

  it("renames at Zaia and clears the title with null", async () => {
    const id = longThreads.hundred;
    await zaiaAdapter.setTitle?.(context, id, "Renamed in Parley ✏️");
    expect((await zaiaAdapter.getConversation(context, id)).title).toBe("Renamed in Parley ✏️");
    await zaiaAdapter.setTitle?.(context, id, null);
    expect((await zaiaAdapter.getConversation(context, id)).title).toBeNull();
    const error = await caught(zaiaAdapter.setTitle?.(context, unknownChat, "x") ?? Promise.resolve());
    expect(isProviderError(error) && error.code).toBe("not_found");
  });

  it("soft removes at Zaia: the chat stays listed, flagged removed", async () => {
    const id = longThreads.hundred;
    expect((await zaiaAdapter.getConversation(context, id)).native.removed).toBe(false);
    await zaiaAdapter.deleteAtProvider?.(context, id);
    expect((await zaiaAdapter.getConversation(context, id)).native.removed).toBe(true);
    const page = await zaiaAdapter.listConversations(
      context,
      listRequest({ search: "Wholesale order follow-up" }),
    );
    expect(page.items.find((item) => item.id === id)?.native.removed).toBe(true);
  });
});

describe("zaiaAdapter.listFacets with a Zaia whose agents endpoint differs from Parley's guess", () => {
  it.each([
    ["not found", new ProviderError("not_found", "zaia", "Zaia has no such item (404)")],
    ["another shape", null],
  ])("offers no versions when /api/v1/agents is %s, and the other facets still", async (_case, failure) => {
    const real = contextFor();
    const http: HttpClient = {
      async request(request) {
        if (request.path !== "/api/v1/agents") return real.http.request(request);
        if (failure) throw failure;
        return { status: 200, headers: new Headers(), body: { agents: "not a list" } };
      },
    };
    const result = await zaiaAdapter.listFacets({ ...real, http });
    expect(result.versions).toEqual([]);
    expect(result.channels).toHaveLength(6);
    expect(result.responders).toHaveLength(4);
  });

  it("still fails when Zaia itself is failing", async () => {
    const real = contextFor();
    const http: HttpClient = {
      async request(request) {
        if (request.path === "/api/v1/agents")
          throw new ProviderError("unavailable", "zaia", "Zaia failed with 503");
        return real.http.request(request);
      },
    };
    const error = await caught(zaiaAdapter.listFacets({ ...real, http }));
    expect(isProviderError(error) && error.code).toBe("unavailable");
  });
});

describe("zaiaAdapter under provider faults", () => {
  it("reports malformed JSON as bad_response", async () => {
    await setFaults(simulator.url, "zaia", { malformedJson: true });
    const error = await caught(zaiaAdapter.listConversations(contextFor(), listRequest()));
    expect(isProviderError(error) && error.code).toBe("bad_response");
  });

  it("reports 503s as unavailable", async () => {
    await setFaults(simulator.url, "zaia", { errorRate: 1 });
    const error = await caught(zaiaAdapter.getConversation(contextFor(), longThreads.hundred));
    expect(isProviderError(error) && error.code).toBe("unavailable");
  });

  it("reports a long 429 as rate_limited with its Retry-After", async () => {
    await setFaults(simulator.url, "zaia", { rateLimitRetryAfterSeconds: 60 });
    const error = await caught(zaiaAdapter.listFacets(contextFor()));
    expect(isProviderError(error) && error.code).toBe("rate_limited");
    expect(isProviderError(error) && error.details.retryAfterSeconds).toBe(60);
  });

  it("gives up on a provider that hangs", async () => {
    await setFaults(simulator.url, "zaia", { hang: true });
    const error = await caught(zaiaAdapter.verify(contextFor({ timeoutMs: 200 })));
    expect(isProviderError(error) && error.code).toBe("unavailable");
  });
});
