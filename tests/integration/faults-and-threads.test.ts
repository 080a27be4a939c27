/**
 * A failing provider degrades only its own connection: its sync fails and says so, while its
 * indexed conversations stay listed with how fresh they are; threads of every provider read
 * through the API, long ones page by page without gaps.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConversationPage, MessagePage, ProviderId, ThreadPage } from "@/lib/model/conversation";
import { providerIds } from "@/lib/model/conversation";
import { chatlingLongThreads } from "@/simulator/providers/chatling/data";
import { zaiaLongThreadIds } from "@/simulator/providers/zaia/data";
import { startHarness, type Harness } from "./harness";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness?.close());

const faults: [string, Record<string, unknown>, string][] = [
  ["5xx", { errorRate: 1 }, "unavailable"],
  ["429 with a long Retry-After", { rateLimitRetryAfterSeconds: 30 }, "rate_limited"],
  ["malformed JSON", { malformedJson: true }, "bad_response"],
  ["a request that never answers", { hang: true }, "unavailable"],
];

async function list(query = "limit=25") {
  const { status, body } = await harness.json<ConversationPage>("GET", `/api/conversations?${query}`, {
    cookie: harness.staffCookie,
  });
  expect(status).toBe(200);
  return body;
}

describe.each(providerIds)("a fault at %s", (provider: ProviderId) => {
  it.each(faults)(
    "%s: its sync fails for that connection only; its rows stay listed; recovery on its own",
    async (_name, settings, code) => {
      await harness.setFaults(provider, settings);
      let failure: unknown = null;
      try {
        failure = await harness.syncOnce(provider);
      } finally {
        await harness.setFaults(provider, {});
      }
      const page = await list("limit=100&view=all");
      const listed = new Set(page.items.map((item) => item.provider));
      expect(listed).toEqual(new Set(providerIds));
      const failing = page.notices.filter((notice) => notice.kind === "failing");
      if (code === "rate_limited") {
        // A rate limit is a wait, not a failure: the sync goes on later and says nothing alarming.
        expect(failure).toBeNull();
        expect(failing).toEqual([]);
      } else {
        expect(failure).not.toBeNull();
        expect(failing.map((notice) => notice.provider)).toEqual([provider]);
        expect(failing[0]?.message).toContain(code);
        expect(failing[0]?.syncedAt).not.toBeNull();
        const rows = page.items.filter((item) => item.provider === provider);
        for (const row of rows) expect(row.confirmedAt).toBeTruthy();
      }
      // Recovery without a restart: the breaker half-opens and the next sync succeeds.
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(await harness.syncOnce(provider)).toBeNull();
      const recovered = await list(`connection=${harness.connectionIds[provider]}&limit=5`);
      expect(recovered.notices).toEqual([]);
      expect(recovered.items.length).toBeGreaterThan(0);
    },
  );
});

describe("threads", () => {
  it.each(providerIds)("reads a %s conversation with its messages and extras", async (provider) => {
    const page = await list(`connection=${harness.connectionIds[provider]}&limit=10&view=all`);
    const target = page.items.find((item) => (item.messageCount ?? 2) > 1) ?? page.items[0];
    if (!target) throw new Error("no conversation");
    const { status, body } = await harness.json<ThreadPage>(
      "GET",
      `/api/conversations/${target.connectionId}/${encodeURIComponent(target.id)}?limit=50`,
      {
        cookie: harness.staffCookie,
      },
    );
    expect(status).toBe(200);
    expect(body.conversation.id).toBe(target.id);
    expect(body.messages.length).toBeGreaterThan(0);
    expect(body.offset).toBe(0);
    if (provider === "cozmox") {
      expect(body.conversation.cost?.usd).toBeGreaterThan(0);
      expect(body.conversation.costBreakdown.length).toBeGreaterThan(0);
    } else expect(body.conversation.cost).toBeNull();
    expect(JSON.stringify(body)).not.toMatch(/"assistant":\{/);
  });

  async function readWholeThread(connectionId: string, conversationId: string) {
    const ids: string[] = [];
    let cursor: string | null = null;
    let expectedOffset = 0;
    let total: number | null = null;
    for (let guard = 0; guard < 30; guard++) {
      const url: string = `/api/conversations/${connectionId}/${encodeURIComponent(conversationId)}/messages?limit=1000${cursor ? `&cursor=${cursor}` : ""}`;
      const { status, body }: { status: number; body: MessagePage } = await harness.json<MessagePage>(
        "GET",
        url,
        { cookie: harness.staffCookie },
      );
      expect(status).toBe(200);
      expect(body.offset).toBe(expectedOffset);
      ids.push(...body.messages.map((message) => message.id));
      expectedOffset += body.messages.length;
      total = body.totalMessages ?? total;
      cursor = body.nextCursor;
      if (!cursor) break;
    }
    return { ids, total };
  }

  it("pages a 10,000-message Zaia thread to the end without gaps or repeats", async () => {
    const { ids, total } = await readWholeThread(harness.connectionIds.zaia, zaiaLongThreadIds.tenThousand);
    expect(ids.length).toBe(10_000);
    expect(new Set(ids).size).toBe(10_000);
    expect(total).toBe(10_000);
  }, 120_000);

  it("pages a 10,000-message Chatling thread oldest first", async () => {
    const id = `${chatlingLongThreads.tenThousand.chatbotId}-${chatlingLongThreads.tenThousand.conversationId}`;
    const { ids } = await readWholeThread(harness.connectionIds.chatling, id);
    expect(ids.length).toBe(10_000);
    expect(new Set(ids).size).toBe(10_000);
  }, 120_000);

  it("answers 404 for a conversation the provider does not have, and 400 for a bad cursor", async () => {
    const missing = await harness.json<{ error: { code: string } }>(
      "GET",
      `/api/conversations/${harness.connectionIds.zaia}/0b1c2d3e-4f50-4617-8899-aabbccddeeff`,
      {
        cookie: harness.staffCookie,
      },
    );
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("provider_not_found");
    const bad = await harness.json(
      "GET",
      `/api/conversations/${harness.connectionIds.zaia}/${zaiaLongThreadIds.hundred}/messages?cursor=abc`,
      {
        cookie: harness.staffCookie,
      },
    );
    expect(bad.status).toBe(400);
  });
});
