import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ProviderContext } from "@/lib/providers/contract";
import type { HttpClient, HttpRequest } from "@/lib/http/client";
import {
  decodePageToken,
  encodePageToken,
  listSigmamindConversations,
  statusStreams,
} from "./list-conversations";
import { createConnectionMemo } from "@/lib/connections/connection-memo";

const wireStatuses = ["in-progress", "ended", "error"] as const;

interface FakeChat {
  chatId: string;
  createdAt: string;
  status: string;
  messages: [];
}

/** A SigmaMind stand-in serving `GET /v1/chats` from memory, recording every query. */
function fakeContext(chats: readonly FakeChat[]): { context: ProviderContext; requests: HttpRequest[] } {
  const requests: HttpRequest[] = [];
  const http: HttpClient = {
    async request(request) {
      requests.push(request);
      const query = request.query ?? {};
      const page = Number(query.page);
      const size = Number(query.size);
      const matching = chats.filter((chat) => query.status === undefined || chat.status === query.status);
      const data = matching.slice(page * size, page * size + size);
      const body = {
        data,
        page,
        size,
        totalCounts: matching.length,
        totalPages: Math.ceil(matching.length / size),
        hasNext: (page + 1) * size < matching.length,
        hasPrevious: page > 0,
      };
      return { status: 200, headers: new Headers(), body };
    },
  };
  return {
    context: { connectionId: "fake", baseUrl: "http://fake", http, memo: createConnectionMemo() },
    requests,
  };
}

const chatsArbitrary = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 10_000_000 }), fc.constantFrom(...wireStatuses)), {
    maxLength: 120,
  })
  .map((rows) =>
    rows
      .map(([age, status], index): FakeChat => ({
        chatId: `chat-${index}`,
        createdAt: new Date(Date.UTC(2026, 10, 20) - age * 1000).toISOString(),
        status,
        messages: [],
      }))
      .sort((left, right) =>
        left.createdAt < right.createdAt ? 1 : left.createdAt > right.createdAt ? -1 : 0,
      ),
  );

describe("listSigmamindConversations", () => {
  it("returns every matching chat exactly once, newest first, for any statuses and page sizes", async () => {
    await fc.assert(
      fc.asyncProperty(
        chatsArbitrary,
        fc.subarray(["in_progress", "ended", "error"]),
        fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 4 }),
        async (chats, statuses, pageSizes) => {
          const { context } = fakeContext(chats);
          const wanted = statuses.map((status) => status.replace("_", "-"));
          const expected = chats.filter((chat) => statuses.length === 0 || wanted.includes(chat.status));
          const seen: string[] = [];
          let pageToken: string | null = null;
          for (let call = 0; call < 500; call++) {
            const page = await listSigmamindConversations(context, {
              scope: null,
              filters: { statuses },
              sort: "recent",
              pageToken,
              pageSize: pageSizes[call % pageSizes.length] ?? 10,
            });
            expect(page.total).toBe(expected.length);
            seen.push(...page.items.map((item) => item.id));
            pageToken = page.nextPageToken;
            if (pageToken === null) break;
          }
          const expectedTimes = expected.map((chat) => chat.createdAt);
          const seenTimes = seen.map((id) => chats.find((chat) => chat.chatId === id)?.createdAt);
          expect(seenTimes).toEqual(expectedTimes);
          expect(seen).toHaveLength(expected.length);
          expect(new Set(seen)).toEqual(new Set(expected.map((chat) => chat.chatId)));
        },
      ),
      { numRuns: 150 },
    );
  });

  it("sends the seed's status spelling and one request per page on page boundaries", async () => {
    const chats: FakeChat[] = Array.from({ length: 30 }, (_, index) => ({
      chatId: `chat-${index}`,
      createdAt: new Date(Date.UTC(2026, 10, 20) - index * 60_000).toISOString(),
      status: index % 3 === 0 ? "in-progress" : "ended",
      messages: [],
    }));
    const { context, requests } = fakeContext(chats);
    const first = await listSigmamindConversations(context, {
      scope: null,
      filters: { statuses: ["in_progress"] },
      sort: "recent",
      pageToken: null,
      pageSize: 5,
    });
    expect(first.items.map((item) => item.status)).toEqual(Array(5).fill("in_progress"));
    expect(first.nextPageToken).toBe("5");
    await listSigmamindConversations(context, {
      scope: null,
      filters: { statuses: ["in_progress"] },
      sort: "recent",
      pageToken: first.nextPageToken,
      pageSize: 5,
    });
    expect(requests.map((request) => [request.path, request.query])).toEqual([
      ["/v1/chats", { page: 0, size: 5, status: "in-progress" }],
      ["/v1/chats", { page: 1, size: 5, status: "in-progress" }],
    ]);
  });

  it("clamps the page size to SigmaMind's maximum of 100", async () => {
    const { context, requests } = fakeContext([]);
    const page = await listSigmamindConversations(context, {
      scope: null,
      filters: {},
      sort: "recent",
      pageToken: null,
      pageSize: 500,
    });
    expect(page).toEqual({ items: [], nextPageToken: null, total: 0 });
    expect(requests[0]?.query).toEqual({ page: 0, size: 100, status: undefined });
  });
});

describe("page tokens and status streams", () => {
  it("round-trips offsets and refuses tokens of another shape", () => {
    expect(decodePageToken(encodePageToken([13, 7]), 2)).toEqual([13, 7]);
    expect(decodePageToken(null, 3)).toEqual([0, 0, 0]);
    for (const token of ["", "13", "a.b", "-1.2", "1.2.3", "1e3.4"])
      expect(() => decodePageToken(token, 2)).toThrow();
  });

  it("reads one stream without a filter, one per known status, and none for unknown statuses", () => {
    expect(statusStreams(undefined)).toEqual([undefined]);
    expect(statusStreams([])).toEqual([undefined]);
    expect(statusStreams(["ended", "in_progress", "in-progress", "bogus"])).toEqual(["ended", "in-progress"]);
    expect(statusStreams(["bogus"])).toEqual([]);
  });
});
