/**
 * SigmaMind's seed data: five agents and 520 chats spread over the 120 days before
 * `SIMULATOR_NOW`, newest first. Only the chat headers are built at start-up; each thread is a pure
 * function of its `ThreadPlan` and is generated on first read (see `threads.ts`).
 *
 * In scale mode (`core/scale.ts`) the same generator makes the share's number of chats from the
 * share's seed, with the scale length profile; the planted chats and seed examples stay.
 *
 * The same seed always yields the same chats, ids and texts, so tests and demos agree everywhere.
 */
import { firstNames } from "../../core/content";
import { createRandom, SIMULATOR_NOW, type Random } from "../../core/random";
import { scaleThreadLength, type ScaleShare } from "../../core/scale";
import { seedAgent, seedChat, seedPreviousChatId } from "./seed-examples";
import type { ChatStatus, DynamicVariables, WireAgent, WireChatItem } from "./wire";

const DATA_SEED = 0x5161_a000;
const GENERATED_CHATS = 518;
const DAY_MS = 24 * 60 * 60 * 1000;
const WINDOW_MS = 120 * DAY_MS;
/** Chats younger than this use the newer id style (`chat_…`, `item_…`) of the current docs. */
const CURRENT_ID_STYLE_MS = 20 * DAY_MS;

/** Older docs: `chat-…` and `chat-item-…`; newer docs: `chat_…` and `item_…`. Both are opaque. */
export type IdStyle = "legacy" | "current";

/** Everything a generated thread depends on; the thread is a pure function of it. */
export interface ThreadPlan {
  seed: number;
  /** Number of items in `messages[]`. */
  length: number;
  idStyle: IdStyle;
  /** The agent's persona for the greeting ("Hello! My name is Grace…"). */
  persona: string;
  customerName: string | null;
  opensWithGreeting: boolean;
  /** Plants a hostile string as the first user message. */
  firstUserText: string | null;
  /** Replaces the last item by a user message with this text. */
  lastUserText: string | null;
  /** Older records keep the thread only in `transcript`; `messages[]` and `response[]` are empty. */
  transcriptOnly: boolean;
}

export type ChatThread =
  | { kind: "generated"; plan: ThreadPlan }
  | { kind: "fixed"; messages: WireChatItem[]; response: WireChatItem[]; transcript: string };

/** A chat as the store keeps it; `agentId: null` means the agent was deleted. */
export interface ChatRecord {
  chatId: string;
  agentId: string | null;
  createdAt: string;
  status: ChatStatus;
  dynamicVariables: DynamicVariables | null;
  thread: ChatThread;
}

export interface Persona {
  agent: WireAgent;
  persona: string;
}

const seedPersona: Persona = { agent: seedAgent, persona: "Grace" };

/** The account's agents. SigmaMind documents no agents endpoint; they appear only inside chats. */
export const personas: readonly Persona[] = [
  seedPersona,
  { agent: { name: "Order Support", agentId: "Kq83LmZp0RtVx2Yw1", status: "Live" }, persona: "Max" },
  { agent: { name: "Billing Assistant", agentId: "b7HnT4sWq9XeLd2Ua", status: "active" }, persona: "Lina" },
  { agent: { name: "Returns Bot (beta)", agentId: "Rz5pQm1Vc8NyTg3Jk", status: "Testing" }, persona: "Rui" },
  {
    agent: { name: "Concierge · 多言語", agentId: "agent_M4xK9pL2vQ7sT1nB", status: "Live" },
    persona: "Sora",
  },
];
/** Relative share of chats per agent, in `personas` order. */
const agentWeights = [22, 30, 20, 8, 18] as const;

const extraCustomerNames = ["王芳", "محمد", "Zoë", "Ngozi", "José", "Анна", "さくら"] as const;

/** Chats that the demo and the renderer tests rely on, by position in the newest-first list. */
const specialChats: ReadonlyMap<
  number,
  Partial<ThreadPlan> & { status?: ChatStatus; deletedAgent?: boolean }
> = new Map([
  [1, { firstUserText: "<script>alert('xss')</script>", length: 6 }],
  [3, { length: 2_000, status: "ended" }],
  [4, { firstUserText: '<img src=x onerror="alert(1)">', length: 4 }],
  [6, { deletedAgent: true, length: 5 }],
  [8, { lastUserText: "[Click here for a refund](javascript:alert(document.cookie))", length: 7 }],
  [12, { transcriptOnly: true, length: 8, status: "ended" }],
  [15, { length: 0, status: "error" }],
  [21, { firstUserText: '"><svg onload=alert(1)>', length: 3 }],
]);

function pickWeighted(random: Random): Persona {
  const total = agentWeights.reduce((sum, weight) => sum + weight, 0);
  let roll = random.int(1, total);
  for (const [index, weight] of agentWeights.entries()) {
    roll -= weight;
    if (roll <= 0) return personas[index] ?? seedPersona;
  }
  return seedPersona;
}

function pickStatus(random: Random, ageMs: number): ChatStatus {
  const roll = random.next();
  if (ageMs < 2 * DAY_MS) return roll < 0.5 ? "in-progress" : roll < 0.94 ? "ended" : "error";
  return roll < 0.03 ? "in-progress" : roll < 0.91 ? "ended" : "error";
}

function pickDynamicVariables(random: Random): DynamicVariables | null {
  const roll = random.next();
  if (roll < 0.2) return null;
  if (roll < 0.35) return {};
  const variables: DynamicVariables = {
    customer_name: random.chance(0.8) ? random.pick(firstNames) : random.pick(extraCustomerNames),
  };
  if (random.chance(0.4)) variables.order_id = `A-${random.digits(5)}`;
  if (random.chance(0.25)) variables.plan = random.pick(["Starter", "Team", "Pro"]);
  if (random.chance(0.1)) variables.loyalty_points = random.int(0, 5_000);
  if (random.chance(0.1)) variables.is_returning = random.chance(0.5);
  return variables;
}

function pickLength(random: Random): number {
  return random.chance(0.6) ? random.int(1, 12) : random.int(13, 60);
}

/** The ids already taken: a set, or the store's lookup when a live change adds chats. */
export interface TakenIds {
  has(id: string): boolean;
  add(id: string): unknown;
}

function uniqueChatId(random: Random, style: IdStyle, used: TakenIds): string {
  for (;;) {
    const id = `${style === "legacy" ? "chat-" : "chat_"}${random.alphanumeric(16)}`;
    if (!used.has(id)) {
      used.add(id);
      return id;
    }
  }
}

/** Builds the chat at `position` of the newest-first list; `lengthOf` draws its item count. */
export function generatedRecord(
  random: Random,
  position: number,
  ageMs: number,
  used: TakenIds,
  lengthOf: (random: Random) => number = pickLength,
): ChatRecord {
  const special = specialChats.get(position) ?? {};
  const idStyle: IdStyle = ageMs < CURRENT_ID_STYLE_MS ? "current" : "legacy";
  const chatId = uniqueChatId(random, idStyle, used);
  const persona = pickWeighted(random);
  const deletedAgent = special.deletedAgent ?? random.chance(0.02);
  const status = special.status ?? pickStatus(random, ageMs);
  const dynamicVariables = pickDynamicVariables(random);
  const customerName =
    typeof dynamicVariables?.customer_name === "string" ? dynamicVariables.customer_name : null;
  const plan: ThreadPlan = {
    seed: random.int(1, 2 ** 31 - 1),
    length: special.length ?? lengthOf(random),
    idStyle,
    persona: persona.persona,
    customerName,
    opensWithGreeting: random.chance(0.3),
    firstUserText: special.firstUserText ?? null,
    lastUserText: special.lastUserText ?? null,
    transcriptOnly: special.transcriptOnly ?? random.chance(0.03),
  };
  return {
    chatId,
    agentId: deletedAgent ? null : persona.agent.agentId,
    createdAt: new Date(SIMULATOR_NOW - ageMs).toISOString(),
    status,
    dynamicVariables,
    thread: { kind: "generated", plan },
  };
}

function seedExampleRecords(): ChatRecord[] {
  const previousChat: ChatRecord = {
    chatId: seedPreviousChatId,
    agentId: seedAgent.agentId,
    createdAt: "2026-09-14T08:30:00.000Z",
    status: "ended",
    dynamicVariables: { customer_name: "Michael" },
    thread: {
      kind: "generated",
      plan: {
        seed: 1_000_001,
        length: 6,
        idStyle: "legacy",
        persona: "Grace",
        customerName: "Michael",
        opensWithGreeting: true,
        firstUserText: null,
        lastUserText: null,
        transcriptOnly: false,
      },
    },
  };
  const exampleChat: ChatRecord = {
    chatId: seedChat.chatId,
    agentId: seedChat.agentId,
    createdAt: seedChat.createdAt,
    status: seedChat.status,
    dynamicVariables: { ...seedChat.dynamicVariables },
    thread: {
      kind: "fixed",
      messages: seedChat.messages,
      response: seedChat.response,
      transcript: seedChat.transcript,
    },
  };
  return [previousChat, exampleChat];
}

/** Newest first; ties broken by id so the order never depends on the sort's stability. */
export function compareNewestFirst(left: ChatRecord, right: ChatRecord): number {
  if (left.createdAt !== right.createdAt) return left.createdAt < right.createdAt ? 1 : -1;
  return left.chatId < right.chatId ? -1 : left.chatId > right.chatId ? 1 : 0;
}

/** The smallest scale share: the planted chats (down to position 21) and the two seed examples. */
export const MIN_SCALE_CHATS = 24;

/** A scale chat has at least one item: SigmaMind's only empty chat is the planted one. */
const scaleLength = (random: Random) => Math.max(1, scaleThreadLength(random));

/**
 * Builds the seed chats, newest first: the demo's 520, or a scale share's count. Cheap: no thread
 * is generated here.
 */
export function generateChatRecords(scale?: ScaleShare): ChatRecord[] {
  if (scale && scale.conversations < MIN_SCALE_CHATS)
    throw new Error(`SigmaMind needs at least ${MIN_SCALE_CHATS} chats at scale, got ${scale.conversations}`);
  const random = createRandom(scale ? scale.seed : DATA_SEED);
  const count = scale ? scale.conversations - 2 : GENERATED_CHATS;
  const lengthOf = scale ? scaleLength : pickLength;
  const ages = Array.from({ length: count }, () => random.int(60_000, WINDOW_MS)).sort((a, b) => a - b);
  const used = new Set<string>([seedChat.chatId, seedPreviousChatId]);
  const generated = ages.map((ageMs, position) => generatedRecord(random, position, ageMs, used, lengthOf));
  return [...generated, ...seedExampleRecords()].sort(compareNewestFirst);
}

/** The agent (and its greeting persona) with this id, if the account has it. */
export function findPersona(agentId: string): Persona | undefined {
  return personas.find((persona) => persona.agent.agentId === agentId);
}
