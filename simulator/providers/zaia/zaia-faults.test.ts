import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "../../core/server";
import { resetSimulator, setFaults, startTestSimulator } from "../../testing";
import { zaiaClient } from "./zaia-test-client";

let simulator: RunningSimulator;
let zaia: ReturnType<typeof zaiaClient>;

beforeAll(async () => {
  simulator = await startTestSimulator();
  zaia = zaiaClient(simulator.url);
});
afterEach(async () => resetSimulator(simulator.url));
afterAll(async () => simulator.close());

describe("fault injection on the simulated Zaia", () => {
  it("adds latency", async () => {
    await setFaults(simulator.url, "zaia", { latencyMs: 150 });
    const started = performance.now();
    const answer = await zaia.call("GET", "/api/v1/chats?pageSize=1");
    expect(answer.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it("answers every request with a 503 in Zaia's body at errorRate 1", async () => {
    await setFaults(simulator.url, "zaia", { errorRate: 1 });
    for (const path of ["/api/v1/chats", "/api/v1/channels"]) {
      const answer = await zaia.call("GET", path);
      expect(answer.status).toBe(503);
      expect(answer.body).toEqual({ message: expect.any(String) });
    }
  });

  it("fails half the requests, deterministically, at errorRate 0.5", async () => {
    await setFaults(simulator.url, "zaia", { errorRate: 0.5 });
    const statuses: number[] = [];
    for (let index = 0; index < 4; index++)
      statuses.push((await zaia.call("GET", "/api/v1/chats?pageSize=1")).status);
    expect(statuses.filter((status) => status === 503)).toHaveLength(2);
  });

  it("rate limits with 429 and Retry-After", async () => {
    await setFaults(simulator.url, "zaia", { rateLimitRetryAfterSeconds: 7 });
    const answer = await zaia.call("GET", "/api/v1/chats");
    expect(answer.status).toBe(429);
    expect(answer.headers.get("retry-after")).toBe("7");
    expect(answer.body).toEqual({ message: expect.any(String) });
  });

  it("still checks the key first: a wrong key gets 401 even during faults", async () => {
    await setFaults(simulator.url, "zaia", { errorRate: 1 });
    const answer = await zaia.call("GET", "/api/v1/chats", { authorization: "wrong" });
    expect(answer.status).toBe(401);
  });

  it("sends a body that is not JSON", async () => {
    await setFaults(simulator.url, "zaia", { malformedJson: true });
    const answer = await zaia.call("GET", "/api/v1/chats");
    expect(answer.status).toBe(200);
    expect(typeof answer.body).toBe("string");
    expect(() => JSON.parse(String(answer.body))).toThrow();
  });

  it("hangs until the client gives up", async () => {
    await setFaults(simulator.url, "zaia", { hang: true });
    const started = performance.now();
    await expect(zaia.call("GET", "/api/v1/chats", { signal: AbortSignal.timeout(200) })).rejects.toThrow();
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("recovers once the faults are cleared", async () => {
    await setFaults(simulator.url, "zaia", { errorRate: 1 });
    await setFaults(simulator.url, "zaia", {});
    expect((await zaia.call("GET", "/api/v1/chats")).status).toBe(200);
  });
});
