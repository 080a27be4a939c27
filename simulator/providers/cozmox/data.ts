/**
 * The simulated Cozmox org: assistants, conversations and the skeletons of their chats (ids,
 * timestamps, costs). Everything is a function of a conversation count and a seed, so every run
 * serves the same data and a scale mode can ask for more with the same call.
 *
 * A conversation is chats grouped the three ways seed 002's `Chat` allows:
 * - `session`: chats sharing a `sessionId` (a Vapi session, served by `/session` too);
 * - `chain`: chats linked by `previousChatId`, each carrying the whole history before it;
 * - a chain of one chat: a chat with neither (a one-off chat).
 *
 * Message content is not made here: `threads.ts` builds it lazily per conversation from
 * `contentSeed`, which keeps start-up fast even with a 250-chat session.
 */
import { hostileMessages } from "../../core/content";
import { createRandom, SIMULATOR_NOW, type Random } from "../../core/random";
import { assistantDefinitions, type AssistantDefinition } from "./assistants";
import { customerPool, type Customer } from "./customers";
import { scalePlan } from "./scale-plan";
import type {
  ChatCostFigures,
  ChatSkeleton,
  MessageStyle,
  ChatGrouping,
  ConversationSkeleton,
  CozmoxData,
  CozmoxDataOptions,
} from "./data-types";
import seedChat from "../../../fixtures/seeds/seed-002-chat.json";

/** The demo org: 520 generated conversations plus the seed's own, from this seed. */
export const DEFAULT_COZMOX_SEED = 0xc02a0;
export const DEFAULT_COZMOX_CONVERSATIONS = 520;
const DAY_MS = 86_400_000;
/** Vapi sessions expire after 24 hours by default; only sessions younger than that are `active`. */
const SESSION_EXPIRY_MS = DAY_MS;
const LONG_SESSION_CHATS = 250;

export const SEED_SESSION_ID = seedChat.sessionId;

export type {
  ChatCostFigures,
  ChatSkeleton,
  WireMessage,
  Turn,
  MessageStyle,
  ChatGrouping,
  ConversationSkeleton,
  CozmoxData,
  CozmoxDataOptions,
} from "./data-types";

export const sessionTopics = [
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

const round6 = (value: number): number => Math.round(value * 1e6) / 1e6;
export const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * A UUID v4-shaped id from four draws. `Random.uuid()` draws once per hex digit, which is too slow
 * for the ~3,300 ids made at start-up.
 */
export function uuid(random: Random): string {
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

export function weightedAssistant(random: Random): AssistantDefinition {
  const total = assistantDefinitions.reduce((sum, assistant) => sum + assistant.weight, 0);
  let roll = random.next() * total;
  for (const assistant of assistantDefinitions) {
    roll -= assistant.weight;
    if (roll < 0) return assistant;
  }
  return random.pick(assistantDefinitions);
}

function chatCount(random: Random): number {
  return Math.min(12, 1 + Math.floor(random.next() ** 1.6 * 12));
}

export function chatCost(random: Random, assistant: AssistantDefinition, position: number): ChatCostFigures {
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

export interface ConversationPlan {
  index: number;
  grouping: ChatGrouping;
  /** A chain cut to its first chat: a one-off chat with neither `sessionId` nor `previousChatId`. */
  singleChat: boolean;
  id: string;
  name: string | undefined;
  chats: number;
  recent: boolean;
  style: MessageStyle;
  transientOnly: boolean;
  openingMessage: string | undefined;
  /** Scale mode: each chat's message count (so `chats` is its length); undefined in the demo. */
  chatMessages?: number[];
  /** Scale mode: older conversations stay out of the showcase's last 12 hours. */
  scaleAges?: boolean;
}

/**
 * Which conversations are chains rather than sessions. Decided by position alone (no random draw),
 * so adding the groupings left every id, time and text of the data as it was: #8 is a chain and #9
 * a one-off chat in the showcase, then every third conversation is a chain (those that drew one
 * chat are one-off chats).
 */
function groupingOf(index: number): Pick<ConversationPlan, "grouping" | "singleChat"> {
  if (index === 8) return { grouping: "chain", singleChat: false };
  if (index === 9) return { grouping: "chain", singleChat: true };
  return { grouping: index >= 10 && index % 3 === 1 ? "chain" : "session", singleChat: false };
}

/** The first conversations are the showcase: recent, so the demo inbox opens on them. */
function planConversation(index: number, random: Random): ConversationPlan {
  const plan: ConversationPlan = {
    index,
    ...groupingOf(index),
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

function buildConversation(
  plan: ConversationPlan,
  random: Random,
  orgId: string,
  customers: readonly Customer[],
): ConversationSkeleton {
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
    : plan.scaleAges
      ? random.int(DAY_MS / 2, Math.max(DAY_MS / 2, 120 * DAY_MS - span - 60_000))
      : random.int(0, Math.max(0, 120 * DAY_MS - span - 60_000));
  const endMs = SIMULATOR_NOW - ageMs;
  const firstChatMs = endMs - span;
  const createdAtMs = firstChatMs - random.int(50, 500);

  const inSession = plan.grouping === "session";
  const chats: ChatSkeleton[] = [];
  for (const [position, offset] of offsets.entries()) {
    chats.push({
      id: uuid(random),
      sessionId: inSession ? plan.id : undefined,
      previousChatId: inSession ? undefined : chats[position - 1]?.id,
      position,
      createdAtMs: firstChatMs + offset.start,
      updatedAtMs: firstChatMs + offset.end,
      assistantId: plan.transientOnly ? undefined : assistant.id,
      cost: withCosts && random.chance(0.97) ? chatCost(random, assistant, position) : undefined,
      messages: plan.chatMessages?.[position],
    });
  }
  // Cut after drawing, so the draws (and every later conversation) stay as they were.
  if (plan.singleChat) chats.length = 1;
  const updatedAtMs = chats[chats.length - 1]?.updatedAtMs ?? createdAtMs;
  const expired = SIMULATOR_NOW - updatedAtMs > SESSION_EXPIRY_MS;
  const status = random.chance(0.08) ? undefined : expired || random.chance(0.15) ? "completed" : "active";
  const customer = random.chance(0.7) ? random.pick(customers) : undefined;
  return {
    source: "generated",
    grouping: plan.grouping,
    // A chain has no id of its own; its first chat names it.
    id: inSession ? plan.id : (chats[0]?.id ?? plan.id),
    orgId,
    createdAt: iso(createdAtMs),
    updatedAt: iso(updatedAtMs),
    createdAtMs,
    updatedAtMs,
    // A session holds name, status and customer; a chain's name is served on its first chat.
    name: plan.name,
    status: inSession ? status : undefined,
    assistantId: plan.transientOnly ? undefined : assistant.id,
    customer: inSession ? customer : undefined,
    assistant,
    transientOnly: plan.transientOnly,
    style: plan.style,
    openingMessage: plan.openingMessage,
    contentSeed: random.int(1, 2 ** 31 - 1),
    chats,
  };
}

/**
 * The session that holds seed 002's example chat, with the ids and times the seed gives. The seed
 * also prints `previousChatId` (equal to its own id); the session groups it, as `sessionId` does.
 */
function seedSession(): ConversationSkeleton {
  const createdAtMs = Date.parse(seedChat.createdAt);
  const updatedAtMs = Date.parse(seedChat.updatedAt);
  const [modelCost] = seedChat.costs;
  const chat: ChatSkeleton = {
    id: seedChat.id,
    sessionId: seedChat.sessionId,
    previousChatId: undefined,
    position: 0,
    createdAtMs,
    updatedAtMs,
    assistantId: seedChat.assistantId,
    messages: undefined,
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
    grouping: "session",
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

/**
 * Builds the whole org: `conversations` generated ones from `seed`, then seed 002's session. Pure:
 * the same options always return equal data, and a larger count keeps the smaller one's
 * conversations as its first ones.
 */
export function generateCozmoxData(options: CozmoxDataOptions = {}): CozmoxData {
  const count = options.conversations ?? DEFAULT_COZMOX_CONVERSATIONS;
  const random = createRandom(options.seed ?? DEFAULT_COZMOX_SEED);
  const orgId = uuid(random);
  const customers = customerPool(random);
  const conversations: ConversationSkeleton[] = [];
  for (let index = 0; index < count; index++) {
    const plan = planConversation(index, random);
    if (options.scaleProfile) scalePlan(plan, random);
    conversations.push(buildConversation(plan, random, orgId, customers));
  }
  conversations.push(seedSession());
  return { orgId, assistants: assistantDefinitions, conversations };
}
