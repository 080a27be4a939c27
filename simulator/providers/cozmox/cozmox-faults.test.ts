import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { simulatorKeys } from "../../keys";
import { resetSimulator, setFaults, startTestSimulator } from "../../testing";
import type { RunningSimulator } from "../../core/server";
import { generateCozmoxData } from "./data";
import { CozmoxStore } from "./store";

let simulator: RunningSimulator;
const headers = { authorization: `Bearer ${simulatorKeys.cozmox.primary}` };
const sessions = (init: RequestInit = {}) =>
  fetch(`${simulator.url}/cozmox/session?limit=1`, { headers, ...init });

beforeAll(async () => {
  simulator = await startTestSimulator();
});
afterAll(async () => {
  await simulator.close();
});
afterEach(async () => {
  await resetSimulator(simulator.url);
});

describe("Cozmox simulator: faults", () => {
  it("adds latency", async () => {
    await setFaults(simulator.url, "cozmox", { latencyMs: 250 });
    const started = Date.now();
    expect((await sessions()).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(240);
  });

  it("answers errorRate 1 with a 503 in Cozmox's error body", async () => {
    await setFaults(simulator.url, "cozmox", { errorRate: 1 });
    const response = await sessions();
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      statusCode: 503,
      message: "Service temporarily unavailable",
      error: "Service Unavailable",
    });
  });

  it("rate limits with 429 and Retry-After", async () => {
    await setFaults(simulator.url, "cozmox", { rateLimitRetryAfterSeconds: 7 });
    const response = await sessions();
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("7");
    expect(await response.json()).toMatchObject({ statusCode: 429, error: "Too Many Requests" });
  });

  it("sends malformed JSON with a 200", async () => {
    await setFaults(simulator.url, "cozmox", { malformedJson: true });
    const response = await sessions();
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(() => JSON.parse(text)).toThrow();
  });

  it("hangs until the client gives up", async () => {
    await setFaults(simulator.url, "cozmox", { hang: true });
    const started = Date.now();
    await expect(sessions({ signal: AbortSignal.timeout(300) })).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(5_000);
    await setFaults(simulator.url, "cozmox", {});
    expect((await sessions()).status).toBe(200);
  });

  it("checks auth before injecting faults, as the provider would", async () => {
    await setFaults(simulator.url, "cozmox", { errorRate: 1 });
    const response = await fetch(`${simulator.url}/cozmox/session`, {
      headers: { authorization: "Bearer wrong" },
    });
    expect(response.status).toBe(401);
  });
});

describe("Cozmox simulator: seed data", () => {
  it("is deterministic and fast to build (CPU time, so a busy machine does not fail it)", () => {
    const started = process.cpuUsage();
    const first = generateCozmoxData();
    const store = new CozmoxStore(first);
    const used = process.cpuUsage(started);
    expect((used.user + used.system) / 1000).toBeLessThan(300);
    expect(store.stats()).toMatchObject({ conversations: 521, sessions: 349 });
    expect(generateCozmoxData()).toEqual(first);
  });

  it("spreads conversations over the 120 days before the simulator's now, with 1 to 12 chats (and one of 250)", () => {
    const { conversations: all } = generateCozmoxData();
    const generated = all.filter((conversation) => conversation.source === "generated");
    const now = Date.parse("2026-11-20T12:00:00.000Z");
    for (const conversation of generated) {
      expect(conversation.updatedAtMs).toBeLessThanOrEqual(now);
      expect(conversation.createdAtMs).toBeGreaterThan(now - 121 * 86_400_000);
      expect(conversation.createdAtMs).toBeLessThanOrEqual(conversation.updatedAtMs);
      expect(conversation.name === undefined || conversation.name.length <= 40).toBe(true);
    }
    const counts = generated.map((conversation) => conversation.chats.length);
    expect(counts.filter((count) => count === 250)).toHaveLength(1);
    expect(counts.filter((count) => count !== 250).every((count) => count >= 1 && count <= 12)).toBe(true);
    expect(new Set(generated.map((conversation) => conversation.assistantId)).size).toBe(5);
  });
});
