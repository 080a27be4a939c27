import { describe, expect, it } from "vitest";
import seedChat from "@/fixtures/seeds/seed-002-chat.json";
import { buildCozmoxChatIndex, type CozmoxConversationEntry } from "./cozmox-chat-index";
import { summarizeCozmoxChat } from "./group-cozmox-chats";
import { mapCozmoxCost, mapCozmoxCostBreakdown } from "./map-cozmox-cost";
import {
  mapCozmoxConversation,
  mapCozmoxConversationDetail,
  mapCozmoxOwner,
} from "./map-cozmox-conversation";
import { cozmoxChatSchema, cozmoxCostSchema, cozmoxSessionSchema, type CozmoxSession } from "./wire-schemas";

const assistantId = "3f1c9a52-7d4e-4b8a-9c61-2e5f0d8b7a14";
const sessionId = "6b4c494f-c22c-4bce-84fa-a7a86942c7d3";
const fullSession = cozmoxSessionSchema.parse({
  id: sessionId,
  orgId: "org-1",
  createdAt: "2026-11-19T08:00:00.000Z",
  updatedAt: "2026-11-19T08:12:30.500Z",
  name: "Shipping to Canada 🇨🇦",
  status: "completed",
  assistantId,
  customer: { name: "فاطمة الزهراء", email: "fatima@example.com", number: "+14155550123" },
  cost: 0.0123,
  squad: { members: [] },
  assistant: { model: { messages: [{ role: "system", content: "secret prompt" }] } },
});

const modelCost = (promptTokens: number, cost: number) => ({
  type: "model",
  model: { provider: "openai", model: "gpt-4o" },
  promptTokens,
  completionTokens: 10,
  cost,
});

/** Two turns of the full session above, the second with a chat name and a tool round. */
const sessionChats = [
  {
    id: "c-1",
    createdAt: "2026-11-19T08:00:01.000Z",
    updatedAt: "2026-11-19T08:00:03.000Z",
    sessionId,
    assistantId,
    input: "Do you ship to Canada?",
    messages: [{ role: "user", content: "Do you ship to Canada?" }],
    output: [{ role: "assistant", content: "Yes, in 5 days." }],
    costs: [modelCost(100, 0.001), { type: "chat", cost: 0.0005 }],
    cost: 0.0015,
  },
  {
    id: "c-2",
    createdAt: "2026-11-19T08:12:00.000Z",
    updatedAt: "2026-11-19T08:12:30.000Z",
    sessionId,
    name: "Follow-up",
    input: [{ role: "user", content: "And to Toronto?" }],
    output: [
      {
        role: "assistant",
        tool_calls: [{ id: "t1", type: "function", function: { name: "check", arguments: "{}" } }],
      },
      { role: "tool", content: "{}", tool_call_id: "t1" },
      { role: "assistant", content: "Toronto too ✅" },
    ],
    costs: [modelCost(200, 0.002), { type: "chat", cost: 0.0005 }],
    cost: 0.0025,
    assistant: { transcriber: { provider: "assembly-ai" }, credentials: ["sk-secret"] },
  },
];

function entryFor(
  chats: readonly Record<string, unknown>[],
  sessions: CozmoxSession[] | null,
): CozmoxConversationEntry {
  const summaries = chats.map((chat) =>
    summarizeCozmoxChat(cozmoxChatSchema.parse({ orgId: "org-1", ...chat })),
  );
  const index = buildCozmoxChatIndex({
    chats: {
      chats: new Map(summaries.map((summary) => [summary.id, summary])),
      newest: null,
      capped: false,
      threads: false,
    },
    sessions: {
      sessions: sessions && new Map(sessions.map((session) => [session.id, session])),
      newest: null,
    },
  });
  const [entry] = index.byRecency;
  if (!entry || index.byRecency.length !== 1) throw new Error("expected one conversation");
  return entry;
}

describe("mapCozmoxConversation", () => {
  it("maps a session's chats, with the session's name, status and customer", () => {
    const names = new Map([[assistantId, "Aria — Customer Support"]]);
    expect(mapCozmoxConversation(entryFor(sessionChats, [fullSession]), names)).toEqual({
      id: sessionId,
      title: "Shipping to Canada 🇨🇦",
      preview: "Toronto too ✅",
      channel: null,
      responder: { id: assistantId, name: "Aria — Customer Support", kind: "assistant" },
      version: null,
      owner: { id: "fatima@example.com", name: "فاطمة الزهراء", identifier: "fatima@example.com" },
      status: "completed",
      createdAt: "2026-11-19T08:00:00.000Z",
      lastActivityAt: "2026-11-19T08:12:30.500Z",
      messageCount: 6,
      cost: { usd: 0.004, promptTokens: 300, completionTokens: 20 },
      costItems: [
        {
          type: "model",
          label: "Model: openai / gpt-4o",
          usd: 0.003,
          promptTokens: 300,
          completionTokens: 20,
        },
        { type: "chat", label: "Chat", usd: 0.001, promptTokens: null, completionTokens: null },
      ],
      native: { important: null, archived: null, removed: false },
    });
  });

  it("maps the same chats without a sessions API: the first chat name, no status or owner", () => {
    expect(mapCozmoxConversation(entryFor(sessionChats, null), new Map())).toMatchObject({
      id: sessionId,
      title: "Follow-up",
      responder: { id: assistantId, name: null },
      owner: null,
      status: null,
      createdAt: "2026-11-19T08:00:01.000Z",
      lastActivityAt: "2026-11-19T08:12:30.000Z",
      cost: { usd: 0.004 },
    });
  });

  it("counts a chain's messages once: the latest chat's history, not every chat's", () => {
    const first = {
      id: "k-1",
      createdAt: "2026-11-19T09:00:00.000Z",
      updatedAt: "2026-11-19T09:00:02.000Z",
      name: "Invoice export (PDF)",
      input: "Hi",
      messages: [{ role: "user", content: "Hi" }],
      output: [{ role: "assistant", content: "Hello!" }],
    };
    const second = {
      id: "k-2",
      previousChatId: "k-1",
      createdAt: "2026-11-19T09:05:00.000Z",
      updatedAt: "2026-11-19T09:05:02.000Z",
      input: "Export please",
      messages: [...first.messages, ...first.output, { role: "user", content: "Export please" }],
      output: [{ role: "assistant", content: "Here it is." }],
    };
    const row = mapCozmoxConversation(entryFor([second, first], [fullSession]), new Map());
    expect(row).toMatchObject({
      id: "chat:k-1",
      title: "Invoice export (PDF)",
      preview: "Here it is.",
      messageCount: 4,
      status: null,
      owner: null,
      cost: null,
      lastActivityAt: "2026-11-19T09:05:02.000Z",
    });
  });

  it("maps a chat with only the required fields to nulls, with unknown cost", () => {
    const bare = { id: "b-1", createdAt: "2023-11-07T05:31:56Z", updatedAt: "2023-11-07T05:31:56Z" };
    expect(mapCozmoxConversation(entryFor([bare], null), new Map())).toMatchObject({
      id: "chat:b-1",
      title: null,
      preview: null,
      responder: null,
      owner: null,
      status: null,
      cost: null,
      messageCount: 0,
      createdAt: "2023-11-07T05:31:56.000Z",
    });
  });

  it("maps seed 002's chat as its session's conversation, without its assistant config", () => {
    const row = mapCozmoxConversation(entryFor([seedChat], null), new Map());
    expect(row).toMatchObject({
      id: "<string>",
      title: "<string>",
      preview: "<string>",
      responder: { id: "<string>", name: null },
      cost: { usd: 123, promptTokens: 123, completionTokens: 123 },
      messageCount: 2,
    });
    expect(JSON.stringify(row)).not.toMatch(/transcriber|credential/);
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

describe("mapCozmoxConversationDetail", () => {
  it("adds the cost breakdown of every chat and labelled extras, without assistant configs", () => {
    const detail = mapCozmoxConversationDetail(entryFor(sessionChats, [fullSession]), "Aria");
    expect(detail.responder).toEqual({ id: assistantId, name: "Aria", kind: "assistant" });
    expect(detail.costBreakdown).toEqual([
      { type: "model", label: "Model: openai / gpt-4o", usd: 0.003, promptTokens: 300, completionTokens: 20 },
      { type: "chat", label: "Chat", usd: 0.001, promptTokens: null, completionTokens: null },
    ]);
    expect(detail.extras).toEqual([
      {
        title: "Session",
        fields: [
          { label: "Status", value: "completed" },
          { label: "Assistant", value: "Aria" },
          { label: "Chats", value: "2" },
          { label: "Session id", value: sessionId },
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
    expect(JSON.stringify(detail)).not.toMatch(/secret/);
  });

  it("describes a one-off chat and leaves out empty fields", () => {
    const bare = { id: "b-2", createdAt: "2026-01-01T00:00:00Z", updatedAt: "2026-01-01T00:00:00Z" };
    const detail = mapCozmoxConversationDetail(entryFor([bare], null), null);
    expect(detail.extras).toEqual([
      {
        title: "Chat",
        fields: [
          { label: "Chats", value: "1" },
          { label: "First chat id", value: "b-2" },
        ],
      },
    ]);
    expect(detail.costBreakdown).toEqual([]);
  });
});
