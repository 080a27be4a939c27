import { describe, expect, it } from "vitest";
import seedChat from "@/fixtures/seeds/seed-002-chat.json";
import { mapCozmoxCost, mapCozmoxCostBreakdown } from "./map-cozmox-cost";
import { mapCozmoxOwner, mapCozmoxSession, mapCozmoxSessionDetail } from "./map-cozmox-conversation";
import { cozmoxCostSchema, cozmoxSessionSchema } from "./wire-schemas";

const assistantId = "3f1c9a52-7d4e-4b8a-9c61-2e5f0d8b7a14";
const fullSession = cozmoxSessionSchema.parse({
  id: "6b4c494f-c22c-4bce-84fa-a7a86942c7d3",
  orgId: "org-1",
  createdAt: "2026-11-19T08:00:00.000Z",
  updatedAt: "2026-11-19T08:12:30.500Z",
  name: "Shipping to Canada 🇨🇦",
  status: "completed",
  assistantId,
  customer: { name: "فاطمة الزهراء", email: "fatima@example.com", number: "+14155550123" },
  cost: 0.0123,
  costs: [
    {
      type: "model",
      model: { provider: "openai", model: "gpt-4o" },
      promptTokens: 900,
      completionTokens: 300,
      cost: 0.0103,
    },
    { type: "chat", cost: 0.002 },
  ],
  squad: { members: [] },
  assistant: { model: { messages: [{ role: "system", content: "secret prompt" }] } },
});

describe("mapCozmoxSession", () => {
  it("maps a full session into a conversation row", () => {
    expect(mapCozmoxSession(fullSession, new Map([[assistantId, "Aria — Customer Support"]]))).toEqual({
      id: "6b4c494f-c22c-4bce-84fa-a7a86942c7d3",
      title: "Shipping to Canada 🇨🇦",
      preview: null,
      channel: null,
      responder: { id: assistantId, name: "Aria — Customer Support", kind: "assistant" },
      version: null,
      owner: { id: "fatima@example.com", name: "فاطمة الزهراء", identifier: "fatima@example.com" },
      status: "completed",
      createdAt: "2026-11-19T08:00:00.000Z",
      lastActivityAt: "2026-11-19T08:12:30.500Z",
      messageCount: null,
      cost: { usd: 0.0123, promptTokens: 900, completionTokens: 300 },
      native: { important: null, archived: null, removed: false },
    });
  });

  it("drops the session's assistant and squad configs at parse time", () => {
    expect(fullSession).not.toHaveProperty("assistant");
    expect(fullSession).not.toHaveProperty("squad");
    expect(JSON.stringify(mapCozmoxSession(fullSession, new Map()))).not.toContain("secret prompt");
  });

  it("maps a bare session (only the required fields) to nulls, with unknown cost", () => {
    const bare = cozmoxSessionSchema.parse({
      id: "s-1",
      orgId: "o",
      createdAt: "2023-11-07T05:31:56Z",
      updatedAt: "2023-11-07T05:31:56Z",
    });
    expect(mapCozmoxSession(bare, new Map())).toMatchObject({
      title: null,
      responder: null,
      owner: null,
      status: null,
      cost: null,
      createdAt: "2023-11-07T05:31:56.000Z",
      lastActivityAt: "2023-11-07T05:31:56.000Z",
    });
  });

  it("accepts explicit nulls and keeps an assistant without a known name", () => {
    const nulls = cozmoxSessionSchema.parse({
      id: "s-2",
      createdAt: "2026-01-01T00:00:00Z",
      updatedAt: "2026-01-02T00:00:00Z",
      name: null,
      status: null,
      assistantId: "a-unknown",
      customer: null,
      cost: null,
      costs: null,
    });
    expect(mapCozmoxSession(nulls, new Map())).toMatchObject({
      title: null,
      responder: { id: "a-unknown", name: null, kind: "assistant" },
      cost: null,
    });
  });

  it("refuses a session without an id or with an unreadable time", () => {
    expect(
      cozmoxSessionSchema.safeParse({ createdAt: "2026-01-01T00:00:00Z", updatedAt: "2026-01-01T00:00:00Z" })
        .success,
    ).toBe(false);
    expect(
      cozmoxSessionSchema.safeParse({ id: "x", createdAt: "yesterday", updatedAt: "2026-01-01T00:00:00Z" })
        .success,
    ).toBe(false);
  });
});

describe("mapCozmoxOwner", () => {
  it("identifies the customer by email, else by phone number", () => {
    expect(mapCozmoxOwner({ number: "+12125550100" })).toEqual({
      id: "+12125550100",
      name: null,
      identifier: "+12125550100",
    });
    expect(mapCozmoxOwner({ name: "Yuki Tanaka", number: "+12125550100", email: "" })).toEqual({
      id: "+12125550100",
      name: "Yuki Tanaka",
      identifier: "+12125550100",
    });
  });

  it("keeps a name-only customer without an id, and drops an empty customer", () => {
    expect(mapCozmoxOwner({ name: "Zoë 🌸 Brontë" })).toEqual({
      id: null,
      name: "Zoë 🌸 Brontë",
      identifier: null,
    });
    expect(mapCozmoxOwner({})).toBeNull();
    expect(mapCozmoxOwner(null)).toBeNull();
  });
});

describe("costs", () => {
  const seedCosts = seedChat.costs.map((item) => cozmoxCostSchema.parse(item));

  it("maps seed 002's cost example: an empty model object still counts tokens", () => {
    expect(mapCozmoxCost({ cost: seedChat.cost, costs: seedCosts })).toEqual({
      usd: 123,
      promptTokens: 123,
      completionTokens: 123,
    });
    expect(mapCozmoxCostBreakdown(seedCosts)).toEqual([
      { type: "model", label: "Model", usd: 123, promptTokens: 123, completionTokens: 123 },
    ]);
  });

  it("sums costs[] when the total is missing, and merges repeated items", () => {
    const costs = [
      {
        type: "model",
        model: { provider: "openai", model: "gpt-4o" },
        promptTokens: 100,
        completionTokens: 10,
        cost: 0.001,
      },
      {
        type: "model",
        model: { provider: "openai", model: "gpt-4o" },
        promptTokens: 50,
        completionTokens: 5,
        cost: 0.0005,
      },
      { type: "chat", cost: 0.0005 },
      { cost: 0.0001 },
    ].map((item) => cozmoxCostSchema.parse(item));
    expect(mapCozmoxCost({ costs })).toEqual({ usd: 0.0021, promptTokens: 150, completionTokens: 15 });
    expect(mapCozmoxCostBreakdown(costs)).toEqual([
      {
        type: "model",
        label: "Model: openai / gpt-4o",
        usd: 0.0015,
        promptTokens: 150,
        completionTokens: 15,
      },
      { type: "chat", label: "Chat", usd: 0.0005, promptTokens: null, completionTokens: null },
      { type: "unknown", label: "Other", usd: 0.0001, promptTokens: null, completionTokens: null },
    ]);
  });

  it("gives a total without tokens when there are no model costs", () => {
    expect(mapCozmoxCost({ cost: 0.5 })).toEqual({ usd: 0.5, promptTokens: null, completionTokens: null });
    expect(mapCozmoxCost({ cost: null, costs: [] })).toBeNull();
  });
});

describe("mapCozmoxSessionDetail", () => {
  it("adds the preview, cost breakdown and labelled extras", () => {
    const detail = mapCozmoxSessionDetail(fullSession, {
      assistantName: "Aria",
      chatCount: 4,
      preview: "Done ✅",
    });
    expect(detail.preview).toBe("Done ✅");
    expect(detail.responder).toEqual({ id: assistantId, name: "Aria", kind: "assistant" });
    expect(detail.costBreakdown.map((item) => item.label)).toEqual(["Model: openai / gpt-4o", "Chat"]);
    expect(detail.extras).toEqual([
      {
        title: "Session",
        fields: [
          { label: "Status", value: "completed" },
          { label: "Assistant", value: "Aria" },
          { label: "Chats", value: "4" },
          { label: "Session id", value: "6b4c494f-c22c-4bce-84fa-a7a86942c7d3" },
        ],
      },
      {
        title: "Customer",
        fields: [
          { label: "Name", value: "فاطمة الزهراء" },
          { label: "Email", value: "fatima@example.com" },
          { label: "Phone number", value: "+14155550123" },
        ],
      },
    ]);
  });

  it("leaves out empty fields and sections", () => {
    const bare = cozmoxSessionSchema.parse({
      id: "s-3",
      createdAt: "2026-01-01T00:00:00Z",
      updatedAt: "2026-01-01T00:00:00Z",
    });
    const detail = mapCozmoxSessionDetail(bare, { assistantName: null, chatCount: 0, preview: null });
    expect(detail.extras).toEqual([
      {
        title: "Session",
        fields: [
          { label: "Chats", value: "0" },
          { label: "Session id", value: "s-3" },
        ],
      },
    ]);
    expect(detail.costBreakdown).toEqual([]);
  });
});
