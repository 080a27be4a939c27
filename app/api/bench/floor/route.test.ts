import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GET, POST } from "./route.bench";

const holder = globalThis as { __parleyBenchFloor?: string };
const page = JSON.stringify({
  items: [{ id: "a", title: "Refund ✅" }],
  nextCursor: null,
  total: 1,
  notices: [],
});

function post(body: string): Request {
  return new Request("http://127.0.0.1:3510/api/bench/floor", {
    method: "POST",
    body,
    headers: { "content-type": "application/json" },
  });
}

let previous: string | undefined;
beforeEach(() => {
  previous = process.env.PARLEY_BENCH;
  delete holder.__parleyBenchFloor;
});
afterEach(() => {
  if (previous === undefined) delete process.env.PARLEY_BENCH;
  else process.env.PARLEY_BENCH = previous;
  delete holder.__parleyBenchFloor;
});

describe("/api/bench/floor outside bench mode", () => {
  it("answers 404 to GET and POST and stores nothing", async () => {
    delete process.env.PARLEY_BENCH;
    expect((await GET()).status).toBe(404);
    expect((await POST(post(page))).status).toBe(404);
    expect(holder.__parleyBenchFloor).toBeUndefined();
    process.env.PARLEY_BENCH = "0";
    expect((await GET()).status).toBe(404);
  });
});

describe("/api/bench/floor with PARLEY_BENCH=1", () => {
  beforeEach(() => {
    process.env.PARLEY_BENCH = "1";
  });

  it("answers 404 until a payload is stored, then the payload byte for byte", async () => {
    expect((await GET()).status).toBe(404);
    expect((await POST(post(page))).status).toBe(204);
    const answer = await GET();
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toBe("application/json");
    expect(await answer.text()).toBe(page);
  });

  it("refuses a body that is not JSON and keeps the previous payload", async () => {
    await POST(post(page));
    const refused = await POST(post("{not json"));
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ error: { code: "invalid_request" } });
    expect(await (await GET()).text()).toBe(page);
  });

  it("refuses a body larger than any list page", async () => {
    const huge = JSON.stringify({ padding: "x".repeat(2_000_001) });
    expect((await POST(post(huge))).status).toBe(413);
    expect(holder.__parleyBenchFloor).toBeUndefined();
  });
});
