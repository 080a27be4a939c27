import { describe, expect, it } from "vitest";
import type { HttpClient, HttpRequest } from "./client";
import { memoizeGets } from "./request-memo";

function countingClient() {
  const sent: HttpRequest[] = [];
  const client: HttpClient = {
    async request(request) {
      sent.push(request);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return { status: 200, headers: new Headers(), body: { path: request.path, n: sent.length } };
    },
  };
  return { client, sent };
}

describe("memoizeGets", () => {
  it("sends identical GETs once and gives both callers the same answer", async () => {
    const { client, sent } = countingClient();
    const memo = memoizeGets(client);
    const request: HttpRequest = { method: "GET", path: "/v1/chats/a", query: { x: "1" } };
    const [first, second] = await Promise.all([memo.request(request), memo.request({ ...request })]);
    expect(sent).toHaveLength(1);
    expect(second.body).toEqual(first.body);
    await memo.request(request);
    expect(sent).toHaveLength(1);
  });

  it("sends GETs that differ in path or query, and every write", async () => {
    const { client, sent } = countingClient();
    const memo = memoizeGets(client);
    await memo.request({ method: "GET", path: "/a", query: { page: 1 } });
    await memo.request({ method: "GET", path: "/a", query: { page: 2 } });
    await memo.request({ method: "GET", path: "/b", query: { page: 1 } });
    await memo.request({ method: "PATCH", path: "/a", body: { x: 1 } });
    await memo.request({ method: "PATCH", path: "/a", body: { x: 1 } });
    expect(sent.map((request) => `${request.method} ${request.path}`)).toEqual([
      "GET /a",
      "GET /a",
      "GET /b",
      "PATCH /a",
      "PATCH /a",
    ]);
  });

  it("shares a failure with every caller of that read", async () => {
    let calls = 0;
    const memo = memoizeGets({
      async request() {
        calls += 1;
        throw new Error("provider down");
      },
    });
    const results = await Promise.allSettled([
      memo.request({ method: "GET", path: "/x" }),
      memo.request({ method: "GET", path: "/x" }),
    ]);
    expect(results.map((result) => result.status)).toEqual(["rejected", "rejected"]);
    expect(calls).toBe(1);
  });
});
