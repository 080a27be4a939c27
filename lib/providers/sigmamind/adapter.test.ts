import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ProviderConversation, ProviderContext } from "@/lib/providers/contract";
import { createHttpClient } from "@/lib/http/client";
import { ProviderError } from "@/lib/providers/errors";
import { simulatorKeys } from "@/simulator/keys";
import { resetSimulator, setFaults, startTestSimulator } from "@/simulator/testing";
import { sigmamindAdapter } from "./adapter";
import { createConnectionMemo } from "@/lib/connections/connection-memo";

type RunningSimulator = Awaited<ReturnType<typeof startTestSimulator>>;

let simulator: RunningSimulator;
const seedChatId = "chat-d17T6uReChpyfFeP";

beforeAll(async () => {
  simulator = await startTestSimulator();
});
afterAll(async () => {
  await simulator.close();
});
afterEach(async () => {
  await resetSimulator(simulator.url);
});

function contextFor(apiKey: string, connectionId = "test-sigmamind"): ProviderContext {
  const baseUrl = `${simulator.url}/sigmamind`;
  const http = createHttpClient({
    provider: "sigmamind",
    connectionId,
    baseUrl,
    authHeaders: sigmamindAdapter.authHeaders(apiKey),
    timeoutMs: 2000,
  });
  return { connectionId, baseUrl, http, memo: createConnectionMemo() };
}

const context = () => contextFor(simulatorKeys.sigmamind.primary);

async function listAll(statuses?: string[], pageSizes: number[] = [100]): Promise<ProviderConversation[]> {
  const items: ProviderConversation[] = [];
  let pageToken: string | null = null;
  for (let call = 0; call < 100; call++) {
    const pageSize = pageSizes[call % pageSizes.length] ?? 100;
    const page = await sigmamindAdapter.listConversations(context(), {
      scope: null,
      filters: statuses ? { statuses } : {},
      sort: "recent",
      pageToken,
      pageSize,
    });
    items.push(...page.items);
    pageToken = page.nextPageToken;
    if (pageToken === null) return items;
  }
  throw new Error("paging did not end");
}

async function rejection(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!(error instanceof ProviderError)) throw new Error(`expected a ProviderError, got ${String(error)}`);
  return error;
}

describe("sigmamindAdapter over HTTP", () => {
  it("verifies a good key, and refuses a wrong one as auth_failed without echoing it", async () => {
    await expect(sigmamindAdapter.verify(context())).resolves.toBeUndefined();
    const error = await rejection(
      sigmamindAdapter.verify(contextFor("sm_live_wrong_key", "test-sigmamind-wrong")),
    );
    expect(error.code).toBe("auth_failed");
    expect(error.message).not.toContain("sm_live_wrong_key");
  });

  it("lists the first page newest first with the provider's total", async () => {
    const page = await sigmamindAdapter.listConversations(context(), {
      scope: null,
      filters: {},
      sort: "recent",
      pageToken: null,
      pageSize: 25,
    });
    expect(page.items).toHaveLength(25);
    expect(page.total).toBe(520);
    expect(page.nextPageToken).not.toBeNull();
    const times = page.items.map((item) => Date.parse(item.lastActivityAt ?? ""));
    expect(times).toEqual([...times].sort((left, right) => right - left));
    expect(await sigmamindAdapter.listScopes(context(), {})).toEqual([null]);
  });

  it("pages to the end without duplicates, even when the page size changes between pages", async () => {
    for (const sizes of [[100], [30, 45, 7]]) {
      const items = await listAll(undefined, sizes);
      expect(items).toHaveLength(520);
      expect(new Set(items.map((item) => item.id)).size).toBe(520);
      expect(items.at(-1)?.id).toBe(seedChatId);
    }
  });

  it("narrows by one status, by two merged newest first, and to nothing for a status SigmaMind lacks", async () => {
    const all = await listAll();
    const inProgress = await listAll(["in_progress"]);
    expect(inProgress.length).toBeGreaterThan(0);
    expect(inProgress.length).toBeLessThan(all.length);
    expect(inProgress.every((item) => item.status === "in_progress")).toBe(true);

    const endedOrError = await listAll(["ended", "error"], [40]);
    const expected = all
      .filter((item) => item.status === "ended" || item.status === "error")
      .map((item) => item.id);
    expect(endedOrError.map((item) => item.id)).toEqual(expected);
    expect(endedOrError.length + inProgress.length).toBe(all.length);

    const nothing = await sigmamindAdapter.listConversations(context(), {
      scope: null,
      filters: { statuses: ["archived"] },
      sort: "recent",
      pageToken: null,
      pageSize: 10,
    });
    expect(nothing).toEqual({ items: [], nextPageToken: null, total: 0 });
  });

  it("sorts newest first only, refusing oldest first and foreign page tokens", async () => {
    const request = { scope: null, filters: {}, pageSize: 10 };
    const oldest = await rejection(
      sigmamindAdapter.listConversations(context(), { ...request, sort: "oldest", pageToken: null }),
    );
    expect(oldest.code).toBe("unsupported");
    const token = await rejection(
      sigmamindAdapter.listConversations(context(), { ...request, sort: "recent", pageToken: "x" }),
    );
    expect(token.code).toBe("invalid_request");
  });

  it("gets seed 000's chat as a detail, and an unknown chat as not_found", async () => {
    const detail = await sigmamindAdapter.getConversation(context(), seedChatId);
    expect(detail).toMatchObject({
      id: seedChatId,
      status: "ended",
      responder: { id: "D5D0p7TUs66TTAEAx", name: "New AI Agent", kind: "agent" },
      owner: { id: null, name: "Michael", identifier: null },
      messageCount: 1,
      cost: null,
      costBreakdown: [],
    });
    expect(detail.extras.map((section) => section.title)).toEqual(["Dynamic variables", "Agent"]);
    expect(JSON.stringify(detail)).not.toContain(simulatorKeys.sigmamind.primary);
    const missing = await rejection(sigmamindAdapter.getConversation(context(), "chat-does/not exist"));
    expect(missing.code).toBe("not_found");
  });

  it("reads a 2,000-message thread oldest first by offset, with stable unique ids", async () => {
    const firstPage = await sigmamindAdapter.listConversations(context(), {
      scope: null,
      filters: {},
      sort: "recent",
      pageToken: null,
      pageSize: 20,
    });
    const long = firstPage.items.find((item) => item.messageCount === 2_000);
    expect(long).toBeDefined();
    const id = long?.id ?? "";
    const collected = [];
    for (let offset = 0; ; offset += 300) {
      const page = await sigmamindAdapter.listMessages(context(), id, { offset, limit: 300 });
      expect(page.total).toBe(2_000);
      collected.push(...page.messages);
      if (!page.hasMore) break;
    }
    expect(collected).toHaveLength(2_000);
    expect(new Set(collected.map((message) => message.id)).size).toBe(2_000);
    const again = await sigmamindAdapter.listMessages(context(), id, { offset: 1_200, limit: 5 });
    expect(again.messages).toEqual(collected.slice(1_200, 1_205));
    expect(again.hasMore).toBe(true);
    const beyond = await sigmamindAdapter.listMessages(context(), id, { offset: 5_000, limit: 10 });
    expect(beyond).toEqual({ messages: [], total: 2_000, hasMore: false });
    expect(collected.every((message) => message.createdAt === null)).toBe(true);
  });

  it("offers statuses from the enum and the agents found on the first pages as facets", async () => {
    const facets = await sigmamindAdapter.listFacets(context());
    expect(facets.statuses).toEqual([
      { value: "in_progress", label: "In progress" },
      { value: "ended", label: "Ended" },
      { value: "error", label: "Error" },
    ]);
    expect(facets.responders).toHaveLength(5);
    expect(facets.responders).toContainEqual({ value: "D5D0p7TUs66TTAEAx", label: "New AI Agent" });
    expect([facets.channels, facets.channelTypes, facets.versions]).toEqual([[], [], []]);
    const rows = await listAll();
    const responderIds = new Set(rows.map((row) => row.responder?.id));
    for (const responder of facets.responders) expect(responderIds.has(responder.value)).toBe(true);
  });

  it("declares no native moderation and offers none of its methods", () => {
    expect(sigmamindAdapter.capabilities.moderation).toEqual({
      important: false,
      archived: false,
      title: false,
      deleteAtProvider: null,
    });
    expect(sigmamindAdapter.setImportant).toBeUndefined();
    expect(sigmamindAdapter.setArchived).toBeUndefined();
    expect(sigmamindAdapter.setTitle).toBeUndefined();
    expect(sigmamindAdapter.deleteAtProvider).toBeUndefined();
  });

  it("reports a malformed body as bad_response and a 503 as unavailable", async () => {
    await setFaults(simulator.url, "sigmamind", { malformedJson: true });
    expect((await rejection(sigmamindAdapter.getConversation(context(), seedChatId))).code).toBe(
      "bad_response",
    );
    await setFaults(simulator.url, "sigmamind", { errorRate: 1 });
    const unavailable = await rejection(
      sigmamindAdapter.verify(contextFor(simulatorKeys.sigmamind.primary, "test-503")),
    );
    expect(unavailable.code).toBe("unavailable");
    // People see the kind of failure, never the provider's own words (those go to the server log).
    expect(unavailable.message).toContain("503");
  });
});
