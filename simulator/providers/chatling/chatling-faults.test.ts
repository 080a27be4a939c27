import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "../../core/server";
import { simulatorKeys } from "../../keys";
import { resetSimulator, setFaults, startTestSimulator } from "../../testing";
import { createChatlingProvider } from ".";
import { callChatling, chatbotListSchema, errorBodySchema, parseAnswer } from "./test-support";

let simulator: RunningSimulator;
const call = (path: string, options?: Parameters<typeof callChatling>[2]) =>
  callChatling(simulator.url, path, options);

beforeAll(async () => {
  simulator = await startTestSimulator();
});
afterAll(async () => {
  await simulator.close();
});
afterEach(async () => {
  await resetSimulator(simulator.url);
});

describe("auth", () => {
  it.each([
    ["no Authorization header", null],
    ["a wrong key", "Bearer chatling_wrong_key"],
    ["the key without the Bearer scheme", simulatorKeys.chatling.primary],
    ["another provider's key", `Bearer ${simulatorKeys.zaia.primary}`],
  ])("answers 401 with Chatling's error body for %s", async (_label, authorization) => {
    const answer = await call("/v2/chatbots", { authorization });
    expect(answer.status).toBe(401);
    expect(parseAnswer(answer, errorBodySchema)).toEqual({ status: "error", message: "Unauthenticated." });
  });

  it("accepts the secondary key and a lower-case scheme word", async () => {
    for (const authorization of [
      `Bearer ${simulatorKeys.chatling.secondary}`,
      `bearer ${simulatorKeys.chatling.primary}`,
    ]) {
      const answer = await call("/v2/chatbots", { authorization });
      expect(answer.status).toBe(200);
      expect(parseAnswer(answer, chatbotListSchema).data.chatbots).toHaveLength(3);
    }
  });
});

describe("faults", () => {
  it("adds latency", async () => {
    await setFaults(simulator.url, "chatling", { latencyMs: 250 });
    const started = performance.now();
    const answer = await call("/v2/chatbots");
    expect(answer.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(240);
  });

  it("answers 503 with Chatling's error body when every request fails", async () => {
    await setFaults(simulator.url, "chatling", { errorRate: 1 });
    const answer = await call("/v2/chatbots");
    expect(answer.status).toBe(503);
    expect(parseAnswer(answer, errorBodySchema)).toEqual({
      status: "error",
      message: "Service temporarily unavailable",
    });
  });

  it("fails half the requests at an error rate of 0.5", async () => {
    await setFaults(simulator.url, "chatling", { errorRate: 0.5 });
    const statuses: number[] = [];
    for (let index = 0; index < 4; index++) statuses.push((await call("/v2/chatbots")).status);
    expect(statuses.filter((status) => status === 503)).toHaveLength(2);
    expect(statuses.filter((status) => status === 200)).toHaveLength(2);
  });

  it("answers 429 with the documented body and Retry-After", async () => {
    await setFaults(simulator.url, "chatling", { rateLimitRetryAfterSeconds: 7 });
    const answer = await call("/v2/chatbots");
    expect(answer.status).toBe(429);
    expect(answer.headers.get("retry-after")).toBe("7");
    expect(parseAnswer(answer, errorBodySchema)).toEqual({ status: "error", message: "Too many requests" });
  });

  it("answers 200 with a body that is not JSON", async () => {
    await setFaults(simulator.url, "chatling", { malformedJson: true });
    const answer = await call("/v2/chatbots");
    expect(answer.status).toBe(200);
    expect(() => JSON.parse(answer.text)).toThrow(SyntaxError);
  });

  it("never answers while hanging, until the client gives up", async () => {
    await setFaults(simulator.url, "chatling", { hang: true });
    const started = performance.now();
    await expect(call("/v2/chatbots", { signal: AbortSignal.timeout(300) })).rejects.toThrow();
    expect(performance.now() - started).toBeGreaterThanOrEqual(280);
    await setFaults(simulator.url, "chatling", {});
    expect((await call("/v2/chatbots")).status).toBe(200);
  });
});

describe("documented rate limit", () => {
  it("allows SIMULATOR_CHATLING_RATE_LIMIT calls a minute per key, then answers 429", async () => {
    const previous = process.env.SIMULATOR_CHATLING_RATE_LIMIT;
    process.env.SIMULATOR_CHATLING_RATE_LIMIT = "3";
    const limited = await startSimulator({ port: 0, providers: [createChatlingProvider()] });
    if (previous === undefined) delete process.env.SIMULATOR_CHATLING_RATE_LIMIT;
    else process.env.SIMULATOR_CHATLING_RATE_LIMIT = previous;
    try {
      const statuses: number[] = [];
      for (let index = 0; index < 3; index++)
        statuses.push((await callChatling(limited.url, "/v2/chatbots")).status);
      expect(statuses).toEqual([200, 200, 200]);
      const refused = await callChatling(limited.url, "/v2/chatbots");
      expect(refused.status).toBe(429);
      expect(parseAnswer(refused, errorBodySchema)).toEqual({
        status: "error",
        message: "Too many requests",
      });
      const retryAfter = Number(refused.headers.get("retry-after"));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      const otherKey = await callChatling(limited.url, "/v2/chatbots", {
        authorization: `Bearer ${simulatorKeys.chatling.secondary}`,
      });
      expect(otherKey.status).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it("defaults to the documented 300 calls a minute", () => {
    const previous = process.env.SIMULATOR_CHATLING_RATE_LIMIT;
    delete process.env.SIMULATOR_CHATLING_RATE_LIMIT;
    try {
      expect(createChatlingProvider().rateLimit?.perMinute).toBe(300);
    } finally {
      if (previous !== undefined) process.env.SIMULATOR_CHATLING_RATE_LIMIT = previous;
    }
  });
});
