import { describe, expect, it } from "vitest";
import type { HttpClient, HttpRequest } from "@/lib/http/client";
import type { ListRequest, ProviderContext } from "@/lib/providers/contract";
import { ProviderError } from "@/lib/providers/errors";
import detailsFixture from "./__fixtures__/chat-details.json";
import leanFixture from "./__fixtures__/chat-lean.json";
import { listZaiaConversations, mapWithConcurrency, pageNumberFromToken } from "./list-conversations";
import { createConnectionMemo } from "@/lib/connections/connection-memo";

/** A fake Zaia answering from a function, recording every request and the peak concurrency. */
function fakeZaia(answer: (request: HttpRequest) => unknown) {
  const requests: HttpRequest[] = [];
  let inFlight = 0;
  let peak = 0;
  const http: HttpClient = {
    async request(request) {
      requests.push(request);
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 2));
      inFlight -= 1;
      return { status: 200, headers: new Headers(), body: answer(request) };
    },
  };
  const context: ProviderContext = {
    connectionId: "fake",
    baseUrl: "http://zaia.invalid",
    http,
    memo: createConnectionMemo(),
  };
  return { context, requests, peak: () => peak };
}

const uuid = (index: number) => `00000000-0000-4000-8000-${String(index).padStart(12, "0")}`;

const request = (overrides: Partial<ListRequest> = {}): ListRequest => ({
  scope: null,
  filters: {},
  sort: "recent",
  pageToken: null,
  pageSize: 25,
  ...overrides,
});

describe("listZaiaConversations", () => {
  it("uses the details list when its filters cover the request, and sends them as Zaia names them", async () => {
    const zaia = fakeZaia(() => [detailsFixture]);
    const result = await listZaiaConversations(
      zaia.context,
      request({
        filters: {
          channelIds: ["c1"],
          responderIds: ["r1"],
          versionIds: ["v1", "v2"],
          search: " refund ",
          statuses: ["open"],
        },
      }),
    );
    expect(zaia.requests).toEqual([
      {
        method: "GET",
        path: "/api/v1/chats/details",
        query: {
          channelIds: ["c1"],
          responderIds: ["r1"],
          responderVersionIds: ["v1", "v2"],
          search: "refund",
          pageNumber: 1,
          pageSize: 25,
        },
      },
    ]);
    expect(result.items.map((item) => item.id)).toEqual([detailsFixture.id]);
    expect(result).toMatchObject({ nextPageToken: null, total: null });
  });

  it("filters the lean list and reads details for each row, at most six at a time, in order", async () => {
    const ids = Array.from({ length: 20 }, (_, index) => uuid(index));
    const zaia = fakeZaia((sent) => {
      if (sent.path === "/api/v1/chats") return ids.map((id) => ({ ...leanFixture, id }));
      const id = sent.path.split("/")[4];
      return { ...detailsFixture, id };
    });
    const result = await listZaiaConversations(
      zaia.context,
      request({
        pageSize: 20,
        filters: {
          channelTypes: ["waha"],
          ownerIds: ["o1"],
          from: "2026-01-01T00:00:00.000Z",
          to: "2026-02-01T00:00:00.000Z",
        },
      }),
    );
    expect(zaia.requests[0]).toEqual({
      method: "GET",
      path: "/api/v1/chats",
      query: {
        channelIds: undefined,
        channelTypes: ["waha"],
        ownerIds: ["o1"],
        responderIds: undefined,
        responderVersionIds: undefined,
        lastChatMessageCreatedAtStart: "2026-01-01T00:00:00.000Z",
        lastChatMessageCreatedAtEnd: "2026-02-01T00:00:00.000Z",
        search: undefined,
        pageNumber: 1,
        pageSize: 20,
      },
    });
    expect(zaia.requests.slice(1).map((sent) => sent.path)).toEqual(
      ids.map((id) => `/api/v1/chats/${id}/details`),
    );
    expect(zaia.peak()).toBeLessThanOrEqual(6);
    expect(zaia.peak()).toBeGreaterThan(1);
    expect(result.items.map((item) => item.id)).toEqual(ids);
    expect(result.items[0]?.responder?.name).toBe(detailsFixture.responderName);
    expect(result.nextPageToken).toBe("2");
  });

  it("keeps a lean row whose details vanished, and fails on any other error", async () => {
    const gone = fakeZaia((sent) => {
      if (sent.path === "/api/v1/chats") return [leanFixture];
      throw new ProviderError("not_found", "zaia", "Zaia has no such item (404)");
    });
    const result = await listZaiaConversations(gone.context, request({ filters: { ownerIds: ["o1"] } }));
    expect(result.items).toEqual([
      expect.objectContaining({
        id: leanFixture.id,
        responder: { id: leanFixture.responderId, name: null, kind: null },
      }),
    ]);

    const failing = fakeZaia((sent) => {
      if (sent.path === "/api/v1/chats") return [leanFixture];
      throw new ProviderError("unavailable", "zaia", "Zaia failed with 503");
    });
    await expect(
      listZaiaConversations(failing.context, request({ filters: { ownerIds: ["o1"] } })),
    ).rejects.toMatchObject({
      code: "unavailable",
    });
  });

  it("follows page tokens, clamps the page size to Zaia's 100 and refuses oldest-first", async () => {
    const zaia = fakeZaia(() => []);
    await listZaiaConversations(zaia.context, request({ pageToken: "3", pageSize: 500 }));
    expect(zaia.requests[0]?.query).toMatchObject({ pageNumber: 3, pageSize: 100 });
    await expect(listZaiaConversations(zaia.context, request({ sort: "oldest" }))).rejects.toMatchObject({
      code: "unsupported",
    });
    await expect(listZaiaConversations(zaia.context, request({ pageToken: "abc" }))).rejects.toMatchObject({
      code: "invalid_request",
    });
  });

  it("reports a bad list payload as a bad response", async () => {
    const zaia = fakeZaia(() => ({ chats: [] }));
    await expect(listZaiaConversations(zaia.context, request())).rejects.toMatchObject({
      code: "bad_response",
    });
  });
});

describe("pageNumberFromToken", () => {
  it("reads page numbers and nothing else", () => {
    expect(pageNumberFromToken(null)).toBe(1);
    expect(pageNumberFromToken("12")).toBe(12);
    for (const token of ["0", "-1", "1.5", "", "02"])
      expect(() => pageNumberFromToken(token)).toThrow(ProviderError);
  });
});

describe("mapWithConcurrency", () => {
  it("keeps order and handles an empty list", async () => {
    expect(await mapWithConcurrency([], 6, async (value: number) => value)).toEqual([]);
    const delays = [30, 5, 20, 1, 10];
    expect(
      await mapWithConcurrency(
        delays,
        2,
        (ms) => new Promise((resolve) => setTimeout(() => resolve(ms * 2), ms)),
      ),
    ).toEqual(delays.map((ms) => ms * 2));
  });
});
