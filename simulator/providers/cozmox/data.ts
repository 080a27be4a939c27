/**
 * The simulated Cozmox org: assistants, ~520 sessions and the skeletons of their chats (ids,
 * timestamps, costs). Everything comes from one fixed seed, so every run serves the same data.
 * Message content is not made here: `threads.ts` builds it lazily per session from `contentSeed`,
 * which keeps start-up fast even with a 250-chat session.
 */
import { firstNames, hostileMessages, lastNames } from "../../core/content";
import { createRandom, SIMULATOR_NOW, type Random } from "../../core/random";
import { assistantDefinitions, type AssistantDefinition } from "./assistants";
import seedChat from "../../../fixtures/seeds/seed-002-chat.json";

const DATA_SEED = 0xc02a0;
const SESSION_COUNT = 520;
const DAY_MS = 86_400_000;
/** Vapi sessions expire after 24 hours by default; only sessions younger than that are `active`. */
const SESSION_EXPIRY_MS = DAY_MS;
const LONG_SESSION_CHATS = 250;

export const SEED_SESSION_ID = seedChat.sessionId;

export interface Customer {
  number?: string;
  name?: string;
  email?: string;
}

/** One chat's costs: the `ModelCost` and `ChatCost` items and the `cost` total. */
export interface ChatCostFigures {
  /** `{}` for seed 002's chat, whose example model object is empty. */
  model: { provider?: string; model?: string };
  promptTokens: number;
  completionTokens: number;
  modelUsd: number;
  /** The platform's `ChatCost`; null when the chat has only a model cost. */
  chatUsd: number | null;
  totalUsd: number;
}

export interface ChatSkeleton {
  id: string;
  sessionId: string;
  /** 0-based position within the session, oldest first. */
  position: number;
  /** Times in epoch ms; formatted only when a chat is served. */
  createdAtMs: number;
  updatedAtMs: number;
  assistantId: string | undefined;
  cost: ChatCostFigures | undefined;
}

export type MessageStyle = "openai" | "transcript";

export interface SessionSkeleton {
  /** `generated` sessions get content from `threads.ts`; `seed-002` serves the seed's chat verbatim. */
  source: "generated" | "seed-002";
  id: string;
  orgId: string;
  createdAt: string;
  updatedAt: string;
  createdAtMs: number;
  updatedAtMs: number;
  name: string | undefined;
  status: "active" | "completed" | undefined;
  assistantId: string | undefined;
  customer: Customer | undefined;
  /** The assistant whose model answers (also for sessions without `assistantId`). */
  assistant: AssistantDefinition;
  /** Chats carry only an inline `assistant` config, no `assistantId`. */
  transientOnly: boolean;
  style: MessageStyle;
  /** Forced first user message (hostile strings that must stay inert). */
  openingMessage: string | undefined;
  contentSeed: number;
  chats: ChatSkeleton[];
}

export interface CozmoxData {
  orgId: string;
  assistants: readonly AssistantDefinition[];
  sessions: SessionSkeleton[];
}

const sessionTopics = [
  "Order status",
  "Password reset",
  "Refund for double charge",
  "Shipping to Canada 🇨🇦",
  "Discount code not working",
  "Invoice export (PDF)",
  "App crash on settings",
  "Weekend opening hours",
  "Student plan question",
  "Cancel my account",
  "Pedido retrasado 📦",
  "Modifier ma réservation",
  "استفسار عن الطلب 📦",
  "בירור על משלוח",
  "订单发货时间",
  "注文キャンセル",
  "배송 조회",
  "Upgrade to **Team** plan",
  "API `plan` endpoint",
] as const;

const specialCustomerNames = [
  "فاطمة الزهراء",
  "王小明",
  "Zoë 🌸 Brontë",
  "Robert'); DROP TABLE customers;--",
] as const;

const round6 = (value: number): number => Math.round(value * 1e6) / 1e6;
const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * A UUID v4-shaped id from four draws. `Random.uuid()` draws once per hex digit, which is too slow
 * for the ~3,300 ids made at start-up.
 */
function uuid(random: Random): string {
  const hex = (bits: number) =>
    Math.floor(random.next() * 2 ** bits)
      .toString(16)
      .padStart(bits / 4, "0");
  const a = hex(32);
  const b = hex(32);
  const c = hex(32);
  const d = hex(32);
  const variant = "89ab"[Math.floor(random.next() * 4)] ?? "8";
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(0, 3)}-${c.slice(3, 8)}${d.slice(0, 7)}`;
}

function weightedAssistant(random: Random): AssistantDefinition {
  const total = assistantDefinitions.reduce((sum, assistant) => sum + assistant.weight, 0);
  let roll = random.next() * total;
  for (const assistant of assistantDefinitions) {
    roll -= assistant.weight;
    if (roll < 0) return assistant;
  }
  return random.pick(assistantDefinitions);
}

function phoneNumber(random: Random): string {
  return `+1${random.pick(["415", "212", "646", "312", "206"])}555${random.digits(4)}`;
}

/** A pool of returning customers, so one person owns several sessions (the owner filter groups them). */
function customerPool(random: Random): Customer[] {
  const pool: Customer[] = specialCustomerNames.map((name, index) => ({
    name,
    email: `customer.${index + 1}@example.com`,
  }));
  for (let index = 0; index < 150; index++) {
    const name = `${random.pick(firstNames)} ${random.pick(lastNames)}`;
    const local = name
      .normalize("NFD")
      .replace(/[^\w\s]/g, "")
      .toLowerCase()
      .replace(/\s+/g, ".");
    const email = `${local}${index}@example.com`;
    const roll = random.next();
    if (roll < 0.4) pool.push({ name, email });
    else if (roll < 0.65) pool.push({ number: phoneNumber(random) });
    else if (roll < 0.85) pool.push({ name, number: phoneNumber(random) });
    else pool.push({ email });
  }
  return pool;
}

function chatCount(random: Random): number {
  return Math.min(12, 1 + Math.floor(random.next() ** 1.6 * 12));
}

function chatCost(random: Random, assistant: AssistantDefinition, position: number): ChatCostFigures {
  const { pricing } = assistant;
  const promptTokens = 120 + 45 * Math.min(position, 20) + random.int(0, 90);
  const completionTokens = 15 + random.int(0, 220);
  const modelUsd = round6(promptTokens * pricing.promptUsd + completionTokens * pricing.completionUsd);
  const chatUsd = 0.0005;
  return {
    model: { provider: pricing.provider, model: pricing.model },
    promptTokens,
    completionTokens,
    modelUsd,
    chatUsd,
    totalUsd: round6(modelUsd + chatUsd),
  };
}

interface SessionPlan {
  index: number;
  id: string;
  name: string | undefined;
  chats: number;
  recent: boolean;
  style: MessageStyle;
  transientOnly: boolean;
  openingMessage: string | undefined;
}

/** The first sessions are the showcase: recent, so the demo inbox opens on them. */
function planSession(index: number, random: Random): SessionPlan {
  const plan: SessionPlan = {
    index,
    id: uuid(random),
    name: random.chance(0.75) ? random.pick(sessionTopics) : undefined,
    chats: chatCount(random),
    recent: index < 10,
    style: random.chance(0.1) ? "transcript" : "openai",
    transientOnly: random.chance(0.04),
    openingMessage: undefined,
  };
  if (index === 0) plan.openingMessage = hostileMessages[0];
  if (index === 1) plan.openingMessage = hostileMessages[1];
  if (index === 2) plan.name = hostileMessages[7];
  // Vapi's docs use this session id in their examples.
  if (index === 3) plan.id = "6b4c494f-c22c-4bce-84fa-a7a86942c7d3";
  if (index === 4) {
    plan.chats = LONG_SESSION_CHATS;
    plan.name = "Long-running support thread";
    plan.style = "openai";
  }
  if (index === 5) plan.style = "transcript";
  if (index === 6) plan.transientOnly = true;
  if (index === 7) plan.name = "استفسار عن الطلب 📦";
  return plan;
}

function buildSession(
  plan: SessionPlan,
  random: Random,
  orgId: string,
  customers: readonly Customer[],
): SessionSkeleton {
  const assistant = weightedAssistant(random);
  const withCosts = random.chance(0.95);
  const offsets: { start: number; end: number }[] = [];
  let cursor = 0;
  for (let position = 0; position < plan.chats; position++) {
    if (position > 0) {
      const resumedLater = plan.chats < 20 && random.chance(0.08);
      cursor += resumedLater
        ? random.int(30, 600) * 60_000
        : random.int(12, plan.chats > 20 ? 90 : 360) * 1000;
    }
    const start = cursor + random.int(0, 999);
    const end = start + random.int(600, 4_000);
    offsets.push({ start, end });
    cursor = end;
  }
  const span = cursor;
  const ageMs = plan.recent
    ? random.int(5 * 60_000, DAY_MS / 2)
    : random.int(0, Math.max(0, 120 * DAY_MS - span - 60_000));
  const endMs = SIMULATOR_NOW - ageMs;
  const firstChatMs = endMs - span;
  const createdAtMs = firstChatMs - random.int(50, 500);

  const chats: ChatSkeleton[] = offsets.map((offset, position) => ({
    id: uuid(random),
    sessionId: plan.id,
    position,
    createdAtMs: firstChatMs + offset.start,
    updatedAtMs: firstChatMs + offset.end,
    assistantId: plan.transientOnly ? undefined : assistant.id,
    cost: withCosts && random.chance(0.97) ? chatCost(random, assistant, position) : undefined,
  }));
  const updatedAtMs = chats[chats.length - 1]?.updatedAtMs ?? createdAtMs;
  const expired = SIMULATOR_NOW - updatedAtMs > SESSION_EXPIRY_MS;
  const status = random.chance(0.08) ? undefined : expired || random.chance(0.15) ? "completed" : "active";
  return {
    source: "generated",
    id: plan.id,
    orgId,
    createdAt: iso(createdAtMs),
    updatedAt: iso(updatedAtMs),
    createdAtMs,
    updatedAtMs,
    name: plan.name,
    status,
    assistantId: plan.transientOnly ? undefined : assistant.id,
    customer: random.chance(0.7) ? random.pick(customers) : undefined,
    assistant,
    transientOnly: plan.transientOnly,
    style: plan.style,
    openingMessage: plan.openingMessage,
    contentSeed: random.int(1, 2 ** 31 - 1),
    chats,
  };
}

/** The session that holds seed 002's example chat, with the ids and times the seed gives. */
function seedSession(): SessionSkeleton {
  const createdAtMs = Date.parse(seedChat.createdAt);
  const updatedAtMs = Date.parse(seedChat.updatedAt);
  const [modelCost] = seedChat.costs;
  const chat: ChatSkeleton = {
    id: seedChat.id,
    sessionId: seedChat.sessionId,
    position: 0,
    createdAtMs,
    updatedAtMs,
    assistantId: seedChat.assistantId,
    cost: modelCost && {
      model: {},
      promptTokens: modelCost.promptTokens,
      completionTokens: modelCost.completionTokens,
      modelUsd: modelCost.cost,
      chatUsd: null,
      totalUsd: seedChat.cost,
    },
  };
  return {
    source: "seed-002",
    id: seedChat.sessionId,
    orgId: seedChat.orgId,
    createdAt: seedChat.createdAt,
    updatedAt: seedChat.updatedAt,
    createdAtMs,
    updatedAtMs,
    name: undefined,
    status: "completed",
    assistantId: seedChat.assistantId,
    customer: undefined,
    assistant: assistantDefinitions[0] ?? fail("no assistants defined"),
    transientOnly: false,
    style: "transcript",
    openingMessage: undefined,
    contentSeed: 0,
    chats: [chat],
  };
}

function fail(message: string): never {
  throw new Error(message);
}

/** Builds the whole org. Pure: the same call always returns equal data. */
export function generateCozmoxData(): CozmoxData {
  const random = createRandom(DATA_SEED);
  const orgId = uuid(random);
  const customers = customerPool(random);
  const sessions: SessionSkeleton[] = [];
  for (let index = 0; index < SESSION_COUNT; index++) {
    sessions.push(buildSession(planSession(index, random), random, orgId, customers));
  }
  sessions.push(seedSession());
  return { orgId, assistants: assistantDefinitions, sessions };
}
