import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "../../core/server";
import { simulatorKeys } from "../../keys";
import { resetSimulator, setFaults, startTestSimulator } from "../../testing";
import seedChat from "../../../fixtures/seeds/seed-000-chat.json";
import seedCreateRequest from "../../../fixtures/seeds/seed-001-create-chat-request.json";
import seedCreateResponse from "../../../fixtures/seeds/seed-001-create-chat-response.json";
import { chatSchema, chatPageSchema, createdChatSchema, errorSchema, readBody } from "./test-support";
import type { WireChat } from "./wire";

let simulator: RunningSimulator;

beforeAll(async () => {
  simulator = await startTestSimulator();
});
afterAll(async () => {
  await simulator.close();
});
afterEach(async () => {
  await resetSimulator(simulator.url);
});

function call(
  path: string,
  init: { method?: string; body?: unknown; signal?: AbortSignal } = {},
): Promise<Response> {
  return fetch(`${simulator.url}/sigmamind${path}`, {
    method: init.method ?? "GET",
    headers: { "content-type": "application/json", "X-API-Key": simulatorKeys.sigmamind.primary },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    signal: init.signal,
  });
}

async function getChat(chatId: string): Promise<WireChat> {
  const response = await call(`/v1/chats/${encodeURIComponent(chatId)}`);
  expect(response.status).toBe(200);
  return readBody(response, chatSchema);
}

describe("SigmaMind simulator: PATCH /v1/chats/{chatId}", () => {
  it("changes agent and dynamic variables, answers the full chat, and keeps the change until reset", async () => {
    const response = await call(`/v1/chats/${seedChat.chatId}`, {
      method: "PATCH",
      body: { agentId: "Kq83LmZp0RtVx2Yw1", dynamicVariables: { customer_name: "Zoë", order_id: "A-12345" } },
    });
    expect(response.status).toBe(200);
    const updated = await readBody(response, chatSchema);
    expect(updated).toEqual({
      ...seedChat,
      agent: { name: "Order Support", agentId: "Kq83LmZp0RtVx2Yw1", status: "Live" },
      dynamicVariables: { customer_name: "Zoë", order_id: "A-12345" },
    });
    expect(await getChat(seedChat.chatId)).toEqual(updated);

    const cleared = await call(`/v1/chats/${seedChat.chatId}`, {
      method: "PATCH",
      body: { dynamicVariables: null },
    });
    expect((await readBody(cleared, chatSchema)).dynamicVariables).toBeNull();

    await resetSimulator(simulator.url);
    expect(await getChat(seedChat.chatId)).toEqual(seedChat);
  });

  it("ignores fields it does not know, like a body of type any", async () => {
    const response = await call(`/v1/chats/${seedChat.chatId}`, {
      method: "PATCH",
      body: { colour: "blue" },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(seedChat);
  });

  it("refuses a bad body with 400, an unknown agent or chat with 404", async () => {
    const badAgent = await call(`/v1/chats/${seedChat.chatId}`, { method: "PATCH", body: { agentId: 42 } });
    expect(badAgent.status).toBe(400);
    expect((await readBody(badAgent, errorSchema)).message).toMatch(/^agentId: /);
    const badVariables = await call(`/v1/chats/${seedChat.chatId}`, {
      method: "PATCH",
      body: { dynamicVariables: [1] },
    });
    expect(badVariables.status).toBe(400);
    const unknownAgent = await call(`/v1/chats/${seedChat.chatId}`, {
      method: "PATCH",
      body: { agentId: "nobody" },
    });
    expect(unknownAgent.status).toBe(404);
    expect(await unknownAgent.json()).toEqual({ message: "Agent not found" });
    const unknownChat = await call("/v1/chats/chat-nope", { method: "PATCH", body: {} });
    expect(unknownChat.status).toBe(404);
    const notJson = await fetch(`${simulator.url}/sigmamind/v1/chats/${seedChat.chatId}`, {
      method: "PATCH",
      headers: { "X-API-Key": simulatorKeys.sigmamind.primary, "content-type": "application/json" },
      body: "{not json",
    });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toEqual({ message: "Request body is not valid JSON" });
  });
});

describe("SigmaMind simulator: POST /v1/chats", () => {
  it("creates a chat from seed 001's request, answers 201, lists it first, and forgets it on reset", async () => {
    const response = await call("/v1/chats", { method: "POST", body: seedCreateRequest });
    expect(response.status).toBe(201);
    const created = await readBody(response, createdChatSchema);
    expect(Object.keys(created)).toEqual(Object.keys(seedCreateResponse));
    expect(created).toMatchObject({ status: "in-progress", agent: seedCreateResponse.agent });
    expect(created.chatId).toMatch(/^chat_[A-Za-z0-9]{16}$/);
    expect(created.response).toHaveLength(1);
    expect(created.response[0]).toMatchObject({ role: "assistant", type: "message" });

    const first = await readBody(await call("/v1/chats?page=0&size=1"), chatPageSchema);
    expect(first.totalCounts).toBe(521);
    expect(first.data[0]?.chatId).toBe(created.chatId);
    const chat = await getChat(created.chatId);
    const previous = await getChat(seedCreateRequest.previousChatId);
    expect(chat.messages.slice(0, previous.messages.length)).toEqual(previous.messages);
    expect(chat.messages.at(-2)).toMatchObject({ role: "user", content: ["Where is my order?"] });
    expect(chat.dynamicVariables).toEqual({ customer_name: "Michael" });

    await resetSimulator(simulator.url);
    expect((await call(`/v1/chats/${created.chatId}`)).status).toBe(404);
  });

  it("refuses missing fields with 400 and unknown agents or previous chats with 404", async () => {
    const missingInput = await call("/v1/chats", { method: "POST", body: { agentId: "D5D0p7TUs66TTAEAx" } });
    expect(missingInput.status).toBe(400);
    expect((await readBody(missingInput, errorSchema)).message).toMatch(/^input: /);
    const noBody = await call("/v1/chats", { method: "POST" });
    expect(noBody.status).toBe(400);
    const unknownAgent = await call("/v1/chats", {
      method: "POST",
      body: { agentId: "nobody", input: "Hi" },
    });
    expect(unknownAgent.status).toBe(404);
    const unknownPrevious = await call("/v1/chats", {
      method: "POST",
      body: { agentId: "D5D0p7TUs66TTAEAx", input: "Hi", previousChatId: "chat-gone" },
    });
    expect(unknownPrevious.status).toBe(404);
  });
});

describe("SigmaMind simulator: faults", () => {
  it("adds latency", async () => {
    await setFaults(simulator.url, "sigmamind", { latencyMs: 150 });
    const started = performance.now();
    expect((await call("/v1/chats?size=1")).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it("answers 503 with SigmaMind's body at error rate 1", async () => {
    await setFaults(simulator.url, "sigmamind", { errorRate: 1 });
    const response = await call("/v1/chats");
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ message: "Service temporarily unavailable" });
  });

  it("answers 429 with Retry-After", async () => {
    await setFaults(simulator.url, "sigmamind", { rateLimitRetryAfterSeconds: 7 });
    const response = await call("/v1/chats");
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("7");
    expect(await response.json()).toEqual({ message: "Too many requests" });
  });

  it("answers 200 with a body that is not JSON", async () => {
    await setFaults(simulator.url, "sigmamind", { malformedJson: true });
    const response = await call("/v1/chats");
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(() => JSON.parse(text)).toThrow();
  });

  it("hangs until the client gives up", async () => {
    await setFaults(simulator.url, "sigmamind", { hang: true });
    const started = performance.now();
    await expect(call("/v1/chats", { signal: AbortSignal.timeout(200) })).rejects.toThrow();
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
