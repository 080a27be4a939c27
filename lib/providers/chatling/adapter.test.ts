import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createHttpClient } from "@/lib/http/client";
import type { ProviderContext, ProviderConversation } from "@/lib/providers/contract";
import { ProviderError } from "@/lib/providers/errors";
import { simulatorKeys } from "@/simulator/keys";
import { resetSimulator, setFaults, startTestSimulator } from "@/simulator/testing";
import seedUpdateResponse from "./__fixtures__/update-conversation-response.json";
import { chatlingAdapter } from "./adapter";
import { createConnectionMemo } from "@/lib/connections/connection-memo";

type Simulator = Awaited<ReturnType<typeof startTestSimulator>>;

const firstChatbot = "9761342719";
const secondChatbot = "4309158726";
const seedId = "9761342719-8977617953";
/** The simulator's fixed long threads (`chatlingLongThreads` in simulator/providers/chatling/data.ts). */
const tenThousandId = "9761342719-5000010000";
/** A generated conversation whose contact the simulated project no longer has (404 from contacts). */
const danglingContactId = "9761342719-9241115900";

let simulator: Simulator;
let context: ProviderContext;

function contextFor(connectionId: string, apiKey: string, timeoutMs = 2000): ProviderContext {
  const baseUrl = `${simulator.url}/chatling`;
  return {
    connectionId,
    baseUrl,
    memo: createConnectionMemo(),
    http: createHttpClient({
      provider: "chatling",
      connectionId,
      baseUrl,
      authHeaders: chatlingAdapter.authHeaders(apiKey),
      timeoutMs,
    }),
  };
}

async function listAll(
  chatbotId: string,
  sort: "recent" | "oldest",
): Promise<{ items: ProviderConversation[]; total: number | null; pages: number }> {
  const items: ProviderConversation[] = [];
  let pageToken: string | null = null;
  let pages = 0;
  for (;;) {
    const result = await chatlingAdapter.listConversations(context, {
      scope: chatbotId,
      filters: {},
      sort,
      pageToken,
      pageSize: 50,
    });
    items.push(...result.items);
    pages += 1;
    if (result.nextPageToken === null) return { items, total: result.total, pages };
    expect(result.total).toBeNull();
    pageToken = result.nextPageToken;
  }
}

async function expectProviderError(
  promise: Promise<unknown>,
  code: ProviderError["code"],
): Promise<ProviderError> {
  const error: unknown = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ProviderError);
  expect(error).toMatchObject({ code, provider: "chatling" });
  if (!(error instanceof ProviderError)) throw new Error("unreachable");
  return error;
}

beforeAll(async () => {
  simulator = await startTestSimulator();
  context = contextFor("test-chatling", simulatorKeys.chatling.primary);
});
afterAll(async () => {
  await simulator.close();
});
afterEach(async () => {
  await resetSimulator(simulator.url);
});

describe("declarations", () => {
  it("sends the key as a Bearer token and points at Chatling's API root", () => {
    expect(chatlingAdapter.authHeaders("k")).toEqual({ authorization: "Bearer k" });
    expect(chatlingAdapter.defaultBaseUrl).toBe("https://api.chatling.ai");
    expect(chatlingAdapter.capabilities).toMatchObject({
      scoped: true,
      fixedPageSize: 20,
      requestsPerMinute: 300,
      costs: false,
    });
    expect(chatlingAdapter.setTitle).toBeUndefined();
    expect(chatlingAdapter.deleteAtProvider).toBeUndefined();
  });
});

describe("listScopes and listFacets", () => {
  it("lists every chatbot, or only those asked for", async () => {
    expect(await chatlingAdapter.listScopes(context, {})).toEqual([
      firstChatbot,
      secondChatbot,
      "6624870135",
    ]);
    expect(
      await chatlingAdapter.listScopes(context, { responderIds: [secondChatbot, "0000000000"] }),
    ).toEqual([secondChatbot]);
  });

  it("offers the chatbots as responders and nothing else", async () => {
    const facets = await chatlingAdapter.listFacets(context);
    expect(facets.responders).toEqual([
      { value: firstChatbot, label: "My chatbot" },
      { value: secondChatbot, label: "Soporte Tienda 🛍️" },
      { value: "6624870135", label: "Billing & Accounts — 账单助手" },
    ]);
    expect([facets.channels, facets.channelTypes, facets.versions, facets.statuses]).toEqual([
      [],
      [],
      [],
      [],
    ]);
  });
});

describe("listConversations", () => {
  it("reads a first page of 20 rows mapped into Parley's model", async () => {
    const page = await chatlingAdapter.listConversations(context, {
      scope: firstChatbot,
      filters: {},
      sort: "recent",
      pageToken: null,
      pageSize: 50,
    });
    expect(page.items).toHaveLength(20);
    expect(page.nextPageToken).toBe("2");
    expect(page.total).toBeNull();
    for (const row of page.items) {
      expect(row.id).toMatch(/^9761342719-\d{10}$/);
      expect(row.responder).toEqual({ id: firstChatbot, name: "My chatbot", kind: "chatbot" });
      expect(row.cost).toBeNull();
      expect(Date.parse(row.lastActivityAt ?? "")).toBeGreaterThanOrEqual(Date.parse(row.createdAt ?? ""));
    }
    expect(page.items[0]?.preview).toBeTruthy();
  });

  it("pages to the end without duplicates and knows the total on the last page", async () => {
    const { items, total, pages } = await listAll(firstChatbot, "recent");
    expect(pages).toBe(9);
    expect(items).toHaveLength(171);
    expect(total).toBe(171);
    expect(new Set(items.map((row) => row.id)).size).toBe(171);
    const created = items.map((row) => Date.parse(row.createdAt ?? ""));
    expect(created).toEqual([...created].sort((left, right) => right - left));
    expect(items.some((row) => row.native.archived)).toBe(true);
    expect(items.some((row) => row.owner === null)).toBe(true);
  });

  it("sorts oldest first", async () => {
    const page = await chatlingAdapter.listConversations(context, {
      scope: firstChatbot,
      filters: {},
      sort: "oldest",
      pageToken: null,
      pageSize: 20,
    });
    expect(page.items[0]?.id).toBe(seedId);
    const created = page.items.map((row) => Date.parse(row.createdAt ?? ""));
    expect(created).toEqual([...created].sort((left, right) => left - right));
  });

  it("narrows by responder: only the chatbots asked for are listed", async () => {
    const filters = { responderIds: [secondChatbot] };
    const scopes = await chatlingAdapter.listScopes(context, filters);
    const rows: ProviderConversation[] = [];
    for (const scope of [firstChatbot, ...scopes]) {
      const page = await chatlingAdapter.listConversations(context, {
        scope,
        filters,
        sort: "recent",
        pageToken: null,
        pageSize: 20,
      });
      rows.push(...page.items);
    }
    expect(rows).toHaveLength(20);
    expect(rows.every((row) => row.responder?.id === secondChatbot)).toBe(true);
  });

  it("refuses a missing scope and a page token it did not issue", async () => {
    await expectProviderError(
      chatlingAdapter.listConversations(context, {
        scope: null,
        filters: {},
        sort: "recent",
        pageToken: null,
        pageSize: 20,
      }),
      "invalid_request",
    );
    await expectProviderError(
      chatlingAdapter.listConversations(context, {
        scope: firstChatbot,
        filters: {},
        sort: "recent",
        pageToken: "abc",
        pageSize: 20,
      }),
      "invalid_request",
    );
  });
});

describe("getConversation", () => {
  it("reads seed 004's conversation, which the simulator serves verbatim, with chatbot and contact extras", async () => {
    const raw = await context.http.request({
      method: "GET",
      path: "/v2/chatbots/9761342719/conversations/8977617953",
    });
    expect(raw.body).toEqual(seedUpdateResponse);
    const detail = await chatlingAdapter.getConversation(context, seedId);
    expect(detail).toMatchObject({
      id: seedId,
      owner: {
        id: "qtr89df0-112d-d197-b541-3f8674663246",
        name: "Michael Smith",
        identifier: "michael.smith@example.com",
      },
      native: { important: true, archived: false, removed: false },
      lastActivityAt: "2024-06-17T16:09:52.000Z",
      costBreakdown: [],
    });
    expect(detail.extras.map((section) => section.title)).toEqual(["Chatbot", "Contact"]);
    expect(detail.extras[1]?.fields).toContainEqual({ label: "Name", value: "Michael Smith" });
  });

  it("still answers when Chatling no longer has the contact", async () => {
    const detail = await chatlingAdapter.getConversation(context, danglingContactId);
    expect(detail.owner).toMatchObject({ name: null, identifier: null });
    expect(detail.extras[1]?.fields).toContainEqual({
      label: "Status",
      value: "Chatling no longer has this contact",
    });
  });

  it("answers not_found for malformed and unknown ids", async () => {
    await expectProviderError(chatlingAdapter.getConversation(context, "not-a/valid-id"), "not_found");
    await expectProviderError(chatlingAdapter.getConversation(context, "9761342719-1111111111"), "not_found");
  });
});

describe("listMessages", () => {
  it("reads the 10,000-message thread oldest first at any offset", async () => {
    const opening = await chatlingAdapter.listMessages(context, tenThousandId, { offset: 0, limit: 200 });
    expect(opening).toMatchObject({ total: 10_000, hasMore: true });
    expect(opening.messages).toHaveLength(200);
    const middle = await chatlingAdapter.listMessages(context, tenThousandId, { offset: 150, limit: 120 });
    expect(middle.messages).toHaveLength(120);
    expect(middle.messages.slice(0, 50)).toEqual(opening.messages.slice(150));
    const ending = await chatlingAdapter.listMessages(context, tenThousandId, { offset: 9_950, limit: 100 });
    expect(ending).toMatchObject({ total: 10_000, hasMore: false });
    expect(ending.messages).toHaveLength(50);
    const all = [...opening.messages, ...middle.messages.slice(50), ...ending.messages];
    expect(new Set(all.map((message) => message.id)).size).toBe(all.length);
    const times = opening.messages.map((message) => Date.parse(message.createdAt ?? ""));
    expect(times).toEqual([...times].sort((left, right) => left - right));
    expect(new Set(opening.messages.map((message) => message.role))).toContain("assistant");
    expect(opening.messages.every((message) => message.role !== "unknown")).toBe(true);
  });

  it("synthesises stable ids for seed 004's messages, which have none", async () => {
    const page = await chatlingAdapter.listMessages(context, seedId, { offset: 0, limit: 10 });
    expect(page).toMatchObject({ total: 4, hasMore: false });
    expect(page.messages.map((message) => [message.id, message.role, message.text])).toEqual([
      [`${seedId}:0`, "user", "Hello!"],
      [`${seedId}:1`, "assistant", expect.stringContaining("**Hello! How can I assist you today?**")],
      [`${seedId}:2`, "user", "What are system variables"],
      [`${seedId}:3`, "assistant", expect.stringContaining("System variables are predefined")],
    ]);
    expect(page.messages[3]?.sources).toHaveLength(3);
    const later = await chatlingAdapter.listMessages(context, seedId, { offset: 2, limit: 1 });
    expect(later.messages.map((message) => message.id)).toEqual([`${seedId}:2`]);
  });
});

describe("moderation", () => {
  const { setImportant, setArchived } = chatlingAdapter;
  if (!setImportant || !setArchived)
    throw new Error("the Chatling adapter must moderate important and archived natively");

  it("marks important and archives at Chatling, as every later read shows", async () => {
    await setImportant(context, seedId, false);
    await setArchived(context, seedId, true);
    expect((await chatlingAdapter.getConversation(context, seedId)).native).toEqual({
      important: false,
      archived: true,
      removed: false,
    });
    const oldest = await chatlingAdapter.listConversations(context, {
      scope: firstChatbot,
      filters: {},
      sort: "oldest",
      pageToken: null,
      pageSize: 20,
    });
    expect(oldest.items.find((row) => row.id === seedId)?.native).toMatchObject({
      important: false,
      archived: true,
    });
    await setImportant(context, seedId, true);
    await setArchived(context, seedId, false);
    expect((await chatlingAdapter.getConversation(context, seedId)).native).toEqual({
      important: true,
      archived: false,
      removed: false,
    });
  });

  it("answers not_found for a conversation Chatling does not have", async () => {
    await expectProviderError(setArchived(context, "9761342719-1111111111", true), "not_found");
    await expectProviderError(setImportant(context, "malformed", true), "not_found");
  });
});

describe("errors", () => {
  it("verifies a good key and refuses a wrong one as auth_failed", async () => {
    await expect(chatlingAdapter.verify(context)).resolves.toBeUndefined();
    const wrong = contextFor("test-chatling-wrong-key", "chatling_not_a_key");
    const error = await expectProviderError(chatlingAdapter.verify(wrong), "auth_failed");
    expect(error.message).not.toContain("chatling_not_a_key");
  });

  it("turns a malformed body into bad_response", async () => {
    await setFaults(simulator.url, "chatling", { malformedJson: true });
    await expectProviderError(
      chatlingAdapter.verify(contextFor("test-chatling-malformed", simulatorKeys.chatling.primary)),
      "bad_response",
    );
  });

  it("turns a 503 into unavailable", async () => {
    await setFaults(simulator.url, "chatling", { errorRate: 1 });
    const error = await expectProviderError(
      chatlingAdapter.listFacets(contextFor("test-chatling-503", simulatorKeys.chatling.primary)),
      "unavailable",
    );
    expect(error.details.status).toBe(503);
  });

  it("turns a long 429 into rate_limited with the wait", async () => {
    await setFaults(simulator.url, "chatling", { rateLimitRetryAfterSeconds: 30 });
    const error = await expectProviderError(
      chatlingAdapter.verify(contextFor("test-chatling-429", simulatorKeys.chatling.primary)),
      "rate_limited",
    );
    expect(error.details.retryAfterSeconds).toBe(30);
  });

  it("gives up on a provider that hangs", async () => {
    await setFaults(simulator.url, "chatling", { hang: true });
    const hanging = contextFor("test-chatling-hang", simulatorKeys.chatling.primary, 200);
    await expectProviderError(chatlingAdapter.getConversation(hanging, seedId), "unavailable");
  });
});
