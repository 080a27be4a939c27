import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Message } from "@/lib/model/conversation";
import type {
  ListRequest,
  NativeFilters,
  ProviderContext,
  ProviderConversation,
} from "@/lib/providers/contract";
import { simulatorKeys } from "@/simulator/keys";
import { resetSimulator, setFaults, startTestSimulator } from "@/simulator/testing";
import { cozmoxAdapter } from "./adapter";
import { cozmoxTestContext, rejection } from "./adapter-test-kit";

let simulator: Awaited<ReturnType<typeof startTestSimulator>>;

const contextFor = (apiKey?: string): ProviderContext => cozmoxTestContext(simulator.url, { apiKey });

function request(overrides: Partial<ListRequest> = {}): ListRequest {
  return { scope: null, filters: {}, sort: "recent", pageToken: null, pageSize: 25, ...overrides };
}

async function listAll(
  context: ProviderContext,
  filters: NativeFilters = {},
  pageSize = 100,
  sort: ListRequest["sort"] = "recent",
) {
  const items: ProviderConversation[] = [];
  let pageToken: string | null = null;
  let total: number | null = null;
  for (let pages = 0; pages < 100; pages++) {
    const page = await cozmoxAdapter.listConversations(
      context,
      request({ filters, pageSize, pageToken, sort }),
    );
    items.push(...page.items);
    total ??= page.total;
    pageToken = page.nextPageToken;
    if (pageToken === null) break;
  }
  expect(pageToken).toBeNull();
  return { items, total };
}

const activity = (item: ProviderConversation): number => Date.parse(item.lastActivityAt ?? "");
const leaks = ["transcriber", "credentials", "sk-cozmox", "assistantOverrides", simulatorKeys.cozmox.primary];

beforeAll(async () => {
  simulator = await startTestSimulator();
});
afterAll(async () => {
  await simulator.close();
});
afterEach(async () => {
  await resetSimulator(simulator.url);
});

describe("cozmoxAdapter: keys and failures", () => {
  it("verifies a good key and reports a wrong one as auth_failed without echoing it", async () => {
    await expect(cozmoxAdapter.verify(contextFor())).resolves.toBeUndefined();
    const error = await rejection(cozmoxAdapter.verify(contextFor("cozmox_wrong_key_123")));
    expect(error.code).toBe("auth_failed");
    expect(error.message).not.toContain("cozmox_wrong_key_123");
  });

  it("sends the key as a Bearer token", () => {
    expect(cozmoxAdapter.authHeaders(" abc ")).toEqual({ authorization: "Bearer abc" });
  });

  it("turns malformed JSON into bad_response and a 503 into unavailable", async () => {
    await setFaults(simulator.url, "cozmox", { malformedJson: true });
    expect((await rejection(cozmoxAdapter.listConversations(contextFor(), request()))).code).toBe(
      "bad_response",
    );
    await setFaults(simulator.url, "cozmox", { errorRate: 1 });
    const unavailable = await rejection(cozmoxAdapter.getConversation(contextFor(), "<string>"));
    expect(unavailable.code).toBe("unavailable");
    expect(unavailable.details.status).toBe(503);
  });

  it("refuses a page token it did not make", async () => {
    const error = await rejection(
      cozmoxAdapter.listConversations(contextFor(), request({ pageToken: "bm90LWEtdG9rZW4" })),
    );
    expect(error.code).toBe("invalid_request");
  });
});

describe("cozmoxAdapter: listing", () => {
  it("lists the first page, newest activity first, with responder names, owners and costs", async () => {
    const page = await cozmoxAdapter.listConversations(contextFor(), request());
    expect(page.items).toHaveLength(25);
    expect(page.total).toBe(521);
    expect(page.nextPageToken).not.toBeNull();
    const times = page.items.map(activity);
    expect(times).toEqual([...times].sort((left, right) => right - left));
    expect(page.items.some((item) => item.responder?.name)).toBe(true);
    expect(page.items.some((item) => item.owner?.id)).toBe(true);
    expect(page.items.some((item) => item.cost?.usd)).toBe(true);
    expect(JSON.stringify(page)).not.toMatch(new RegExp(leaks.join("|")));
  });

  it("pages to the end without duplicates, oldest first too", async () => {
    const context = contextFor();
    const recent = await listAll(context, {}, 100);
    expect(recent.total).toBe(521);
    expect(new Set(recent.items.map((item) => item.id)).size).toBe(521);
    const oldest = await listAll(context, {}, 200, "oldest");
    expect(oldest.items.map((item) => item.id)).toEqual(recent.items.map((item) => item.id).reverse());
    expect(oldest.items[0]?.id).toBe("<string>");
  });

  it("narrows by one responder natively", async () => {
    const context = contextFor();
    const { responders } = await cozmoxAdapter.listFacets(context);
    const responder = responders[0]?.value ?? "";
    const { items, total } = await listAll(context, { responderIds: [responder] });
    expect(total).toBe(items.length);
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThan(521);
    expect(items.every((item) => item.responder?.id === responder)).toBe(true);
  });

  it("merges several responders by last activity, paging without gaps or duplicates", async () => {
    const context = contextFor();
    const { responders } = await cozmoxAdapter.listFacets(context);
    const [first, second] = responders.map((option) => option.value);
    const one = await listAll(context, { responderIds: [first ?? ""] });
    const two = await listAll(context, { responderIds: [second ?? ""] });
    for (const sort of ["recent", "oldest"] as const) {
      const merged = await listAll(context, { responderIds: [first ?? "", second ?? ""] }, 37, sort);
      const ids = merged.items.map((item) => item.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(new Set(ids)).toEqual(new Set([...one.items, ...two.items].map((item) => item.id)));
      expect(merged.total).toBe(one.items.length + two.items.length);
      const times = merged.items.map(activity);
      expect(times).toEqual(
        [...times].sort((left, right) => (sort === "recent" ? right - left : left - right)),
      );
    }
  });

  it("narrows by an inclusive last-activity range natively, alone and with a responder", async () => {
    const context = contextFor();
    const all = await listAll(context);
    const to = all.items[30]?.lastActivityAt ?? "";
    const from = all.items[120]?.lastActivityAt ?? "";
    const ranged = await listAll(context, { from, to });
    expect(ranged.items.map((item) => item.id)).toEqual(all.items.slice(30, 121).map((item) => item.id));
    const responder = ranged.items[0]?.responder?.id ?? "";
    const both = await listAll(context, { from, to, responderIds: [responder] });
    expect(both.items.length).toBeGreaterThan(0);
    expect(both.items.length).toBeLessThan(ranged.items.length);
    expect(
      both.items.every((item) => item.responder?.id === responder && activity(item) >= Date.parse(from)),
    ).toBe(true);
  });
});

describe("cozmoxAdapter: one conversation", () => {
  it("gets a conversation with extras, a cost breakdown and the latest answer, without assistant configs", async () => {
    const context = contextFor();
    const [row] = (await cozmoxAdapter.listConversations(context, request({ pageSize: 1 }))).items;
    const detail = await cozmoxAdapter.getConversation(context, row?.id ?? "");
    expect(detail).toMatchObject({
      id: row?.id,
      title: row?.title ?? null,
      lastActivityAt: row?.lastActivityAt,
    });
    expect(detail.preview).toEqual(expect.any(String));
    expect(detail.extras[0]?.fields).toContainEqual({
      label: "Chats",
      value: expect.stringMatching(/^\d+$/),
    });
    expect(JSON.stringify(detail)).not.toMatch(new RegExp(leaks.join("|")));
  });

  it("gets seed 002's session by its literal id, with an unknown assistant left unnamed", async () => {
    const detail = await cozmoxAdapter.getConversation(contextFor(), "<string>");
    expect(detail).toMatchObject({
      id: "<string>",
      responder: { id: "<string>", name: null },
      cost: { usd: 123, promptTokens: 123, completionTokens: 123 },
      preview: "<string>",
      costBreakdown: [{ type: "model", label: "Model", usd: 123 }],
    });
  });

  it("reports an unknown session or chain as not_found, for the detail and the thread", async () => {
    const context = contextFor();
    for (const missing of [
      "00000000-0000-4000-8000-000000000000",
      "chat:00000000-0000-4000-8000-000000000000",
    ]) {
      expect((await rejection(cozmoxAdapter.getConversation(context, missing))).code).toBe("not_found");
      expect(
        (await rejection(cozmoxAdapter.listMessages(context, missing, { offset: 0, limit: 10 }))).code,
      ).toBe("not_found");
    }
  });
});

describe("cozmoxAdapter: threads", () => {
  async function longSessionId(context: ProviderContext): Promise<string> {
    const { items } = await listAll(context);
    return items.find((item) => item.title === "Long-running support thread")?.id ?? "";
  }

  it("reads a 250-chat thread by offsets, oldest first, with stable unique ids and one user turn per chat", async () => {
    const context = contextFor();
    const id = await longSessionId(context);
    const whole = await cozmoxAdapter.listMessages(context, id, { offset: 0, limit: 100_000 });
    expect(whole.hasMore).toBe(false);
    expect(whole.total).toBe(whole.messages.length);
    expect(whole.messages.filter((message) => message.role === "user")).toHaveLength(250);
    expect(whole.messages.map((message) => message.id)).toEqual(
      whole.messages.map((_, index) => `${id}:${index}`),
    );
    const times = whole.messages.map((message) => Date.parse(message.createdAt ?? ""));
    expect(times).toEqual([...times].sort((left, right) => left - right));

    const pages: Message[] = [];
    for (let offset = 0; ; offset += 97) {
      const page = await cozmoxAdapter.listMessages(context, id, { offset, limit: 97 });
      pages.push(...page.messages);
      if (!page.hasMore) break;
    }
    expect(pages).toEqual(whole.messages);

    const early = await cozmoxAdapter.listMessages(context, id, { offset: 10, limit: 5 });
    expect(early.messages).toEqual(whole.messages.slice(10, 15));
    expect(early.hasMore).toBe(true);
    expect(early.total).toBeNull();
    const beyond = await cozmoxAdapter.listMessages(context, id, {
      offset: whole.messages.length + 5,
      limit: 5,
    });
    expect(beyond).toEqual({ messages: [], total: whole.messages.length, hasMore: false });
  });

  it("keeps hostile text inert as plain text and leaks no assistant config", async () => {
    const context = contextFor();
    const { items } = await cozmoxAdapter.listConversations(context, request({ pageSize: 20 }));
    const firstUserTexts: string[] = [];
    const threads: string[] = [];
    for (const item of items) {
      const { messages } = await cozmoxAdapter.listMessages(context, item.id, { offset: 0, limit: 200 });
      firstUserTexts.push(messages.find((message) => message.role === "user")?.text ?? "");
      threads.push(JSON.stringify(messages));
    }
    expect(firstUserTexts).toContain("<script>alert('xss')</script>");
    expect(firstUserTexts).toContain('<img src=x onerror="alert(1)">');
    expect(threads.join("\n")).not.toMatch(new RegExp(leaks.join("|")));
    // The provider did send assistant configs for some of these chats: the check above can fail.
    const raw = await fetch(`${simulator.url}/cozmox/chat?limit=1000`, {
      headers: { authorization: `Bearer ${simulatorKeys.cozmox.primary}` },
    });
    expect(await raw.text()).toContain("transcriber");
  });
});

describe("cozmoxAdapter: facets and moderation", () => {
  it("offers the org's assistants and the two session statuses", async () => {
    const context = contextFor();
    const facets = await cozmoxAdapter.listFacets(context);
    expect(facets.responders).toHaveLength(4);
    expect(facets.responders.every((option) => option.label.length > 0 && option.value.length > 0)).toBe(
      true,
    );
    expect(facets.statuses.map((option) => option.value)).toEqual(["active", "completed"]);
    expect([facets.channels, facets.channelTypes, facets.versions]).toEqual([[], [], []]);
    const { items } = await cozmoxAdapter.listConversations(context, request({ pageSize: 100 }));
    const values = new Set(facets.responders.map((option) => option.value));
    expect(items.every((item) => item.responder === null || values.has(item.responder.id ?? ""))).toBe(true);
  });

  it("declares exactly the moderation it implements", () => {
    expect(cozmoxAdapter.capabilities.moderation).toEqual({
      important: false,
      archived: false,
      title: false,
      deleteAtProvider: "hard",
    });
    expect(cozmoxAdapter.setImportant).toBeUndefined();
    expect(cozmoxAdapter.setArchived).toBeUndefined();
    expect(cozmoxAdapter.setTitle).toBeUndefined();
    expect(cozmoxAdapter.deleteAtProvider).toBeTypeOf("function");
  });

  it("hard-deletes a session's conversation chat by chat (seed 002's DELETE /chat/{id})", async () => {
    const context = contextFor();
    const before = await cozmoxAdapter.listConversations(context, request());
    const target = before.items.find((item) => !item.id.startsWith("chat:") && (item.messageCount ?? 0) > 2);
    if (!target) throw new Error("no session conversation with several chats");
    const detail = await cozmoxAdapter.getConversation(context, target.id);
    const chats = Number(detail.extras[0]?.fields.find((field) => field.label === "Chats")?.value);
    await cozmoxAdapter.deleteAtProvider?.(context, target.id);
    expect(await simulatorStats()).toMatchObject({ deletedChats: chats, deletedSessions: 0 });
    expect((await rejection(cozmoxAdapter.getConversation(context, target.id))).code).toBe("not_found");
    const after = await cozmoxAdapter.listConversations(context, request());
    expect(after.total).toBe((before.total ?? 0) - 1);
    expect(after.items.map((item) => item.id)).not.toContain(target.id);
    expect(
      (await rejection(cozmoxAdapter.deleteAtProvider?.(context, target.id) ?? Promise.resolve())).code,
    ).toBe("not_found");
  });
});

async function simulatorStats(): Promise<Record<string, number>> {
  const stats = (await (await fetch(`${simulator.url}/__admin/stats`)).json()) as Record<
    string,
    Record<string, number>
  >;
  return stats.cozmox ?? {};
}
