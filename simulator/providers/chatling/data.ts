/**
 * Deterministic seed data for the simulated Chatling project: three chatbots with about 160
 * conversations each, contacts, seed 004's conversation verbatim, hostile first messages, and two
 * long threads with fixed ids. Only conversation metadata is built here; messages come from
 * `threads.ts` on first read.
 *
 * In scale mode (`core/scale.ts`) the same generator makes a share's number of conversations from
 * the share's seed, split over the three chatbots like the demo's, with one contact per five
 * conversations and the scale length profile; the seed conversation, the hostile ones and the long
 * threads stay.
 */
import { emailFor, hostileMessages, personName } from "../../core/content";
import { createRandom, SIMULATOR_NOW, type Random } from "../../core/random";
import { scaleThreadLength, type ScaleShare } from "../../core/scale";
import { seedConversation, seedConversationChatbotId } from "./seed-conversation";
import { ThreadCache, type ThreadPlan } from "./threads";
import { chatlingTimestamp, type ChatlingChatbot, type ChatlingContact, type ChatlingMessage } from "./wire";

const DATA_SEED = 0x0c4a7119;
const DAY_MS = 86_400_000;

/** The project's chatbots. The first keeps the id and name of providers.md §11's example. */
export const chatlingChatbots: readonly ChatlingChatbot[] = [
  {
    id: seedConversationChatbotId,
    name: "My chatbot",
    version: "2.0",
    visibility: "public",
    created_at: "2024-05-02T09:12:44+00:00",
  },
  {
    id: "4309158726",
    name: "Soporte Tienda 🛍️",
    version: "2.0",
    visibility: "private",
    created_at: "2025-01-20T14:03:10+00:00",
  },
  {
    id: "6624870135",
    name: "Billing & Accounts — 账单助手",
    version: "1.0",
    visibility: "public",
    created_at: "2025-09-08T08:30:00+00:00",
  },
];

/** Threads long enough to exercise paging, with ids tests can rely on. */
export const chatlingLongThreads = {
  tenThousand: { chatbotId: "9761342719", conversationId: "5000010000", messageCount: 10_000 },
  oneThousand: { chatbotId: "4309158726", conversationId: "5000001000", messageCount: 1_000 },
} as const;

/** One conversation per hostile string, each opening with it as the first user message. */
export const chatlingHostileConversations: readonly {
  chatbotId: string;
  conversationId: string;
  firstUserText: string;
}[] = hostileMessages.map((text, index) => ({
  chatbotId: seedConversationChatbotId,
  conversationId: String(5_000_000_100 + index),
  firstUserText: text,
}));

/** The seed conversation's contact, so the contacts endpoint can answer for it. */
const seedContact: ChatlingContact = {
  id: "qtr89df0-112d-d197-b541-3f8674663246",
  name: "Michael Smith",
  email: "michael.smith@example.com",
  phone: null,
  company: null,
  created_at: "2024-06-14T15:45:34+00:00",
};

const generatedConversationCounts = [159, 157, 164] as const;
const companies = [
  "Acme GmbH",
  "Globex",
  "Umbrella S.A.",
  "株式会社サンプル",
  "Initech",
  "شركة المثال",
] as const;

/** One conversation's metadata; its messages are either fixed (the seed) or planned. */
export interface ConversationRecord {
  chatbotId: string;
  id: string;
  contactId: string | null;
  archived: 0 | 1;
  important: 0 | 1;
  createdAt: string;
  createdAtMs: number;
  thread: { kind: "fixed"; messages: ChatlingMessage[] } | { kind: "planned"; plan: ThreadPlan };
  /** Messages the live admin call added after the thread, oldest first. */
  appended?: ChatlingMessage[];
}

export interface ChatlingState {
  chatbots: readonly ChatlingChatbot[];
  /** Each chatbot's conversations, oldest first (ties by id). */
  conversationsByChatbot: Map<string, ConversationRecord[]>;
  /** Every conversation by `conversationKey`, for lookups in O(1) at scale. */
  conversationIndex: Map<string, ConversationRecord>;
  contactsByChatbot: Map<string, ChatlingContact[]>;
  threads: ThreadCache;
}

/** `chatbotId/conversationId`: a conversation's key in the index and the thread cache. */
export function conversationKey(chatbotId: string, conversationId: string): string {
  return `${chatbotId}/${conversationId}`;
}

/** Conversations that every size of data holds: seed 004's, the hostile ones and the long threads. */
const PLANTED_CONVERSATIONS = 1 + hostileMessages.length + Object.keys(chatlingLongThreads).length;
/** The smallest scale share: the planted conversations and one generated per chatbot. */
export const MIN_SCALE_CONVERSATIONS = PLANTED_CONVERSATIONS + chatlingChatbots.length;

/** Generated conversations per chatbot: the demo's, or a scale share split like them. */
function generatedCounts(scale: ScaleShare | undefined): readonly number[] {
  if (!scale) return generatedConversationCounts;
  if (scale.conversations < MIN_SCALE_CONVERSATIONS)
    throw new Error(
      `Chatling needs at least ${MIN_SCALE_CONVERSATIONS} conversations at scale, got ${scale.conversations}`,
    );
  const total = scale.conversations - PLANTED_CONVERSATIONS;
  const weight = generatedConversationCounts.reduce((sum, count) => sum + count, 0);
  const counts = generatedConversationCounts.map((count) => Math.floor((total * count) / weight));
  counts[counts.length - 1] = total - counts.slice(0, -1).reduce((sum, count) => sum + count, 0);
  return counts;
}

/** A UUID-shaped id that is not hex, like seed 004's `qtr89df0-112d-d197-b541-3f8674663246`. */
function contactId(random: Random): string {
  const part = (length: number) => random.alphanumeric(length).toLowerCase();
  return `${part(8)}-${part(4)}-${part(4)}-${part(4)}-${part(12)}`;
}

function generateContacts(random: Random, count: number): ChatlingContact[] {
  return Array.from({ length: count }, () => {
    const name = random.chance(0.8) ? personName(random) : null;
    return {
      id: contactId(random),
      name,
      email: random.chance(0.75) ? emailFor(name ?? "visitor", random) : null,
      phone: random.chance(0.3) ? `+1 555 01${random.int(10, 99)}` : null,
      company: random.chance(0.35) ? random.pick(companies) : null,
      created_at: chatlingTimestamp(SIMULATOR_NOW - random.int(1, 200 * 24 * 3600) * 1000),
    };
  });
}

function threadLength(random: Random): number {
  const roll = random.next();
  if (roll < 0.03) return 0;
  if (roll < 0.12) return 1;
  if (roll < 0.75) return random.int(2, 12);
  if (roll < 0.95) return random.int(13, 40);
  return random.int(41, 160);
}

function uniqueConversationId(random: Random, taken: Set<string>): string {
  for (;;) {
    const id = random.digits(10);
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}

function planned(
  chatbotId: string,
  id: string,
  contact: string | null,
  createdAtMs: number,
  plan: Omit<ThreadPlan, "startsAt">,
  flags: { archived: 0 | 1; important: 0 | 1 },
): ConversationRecord {
  return {
    chatbotId,
    id,
    contactId: contact,
    ...flags,
    createdAt: chatlingTimestamp(createdAtMs),
    createdAtMs,
    thread: { kind: "planned", plan: { ...plan, startsAt: createdAtMs } },
  };
}

/**
 * Builds the whole project from the fixed seed (or a scale share's); calling it again yields
 * identical data.
 */
export function buildChatlingState(scale?: ScaleShare): ChatlingState {
  const counts = generatedCounts(scale);
  const lengthOf = scale ? scaleThreadLength : threadLength;
  const random = createRandom(scale ? scale.seed : DATA_SEED);
  const taken = new Set<string>([
    seedConversation.id,
    chatlingLongThreads.tenThousand.conversationId,
    chatlingLongThreads.oneThousand.conversationId,
    ...chatlingHostileConversations.map((conversation) => conversation.conversationId),
  ]);
  const conversationsByChatbot = new Map<string, ConversationRecord[]>();
  const contactsByChatbot = new Map<string, ChatlingContact[]>();

  chatlingChatbots.forEach((chatbot, chatbotIndex) => {
    const generatedHere = counts[chatbotIndex] ?? 0;
    const contacts = generateContacts(random, scale ? Math.max(50, Math.round(generatedHere / 5)) : 50);
    if (chatbot.id === seedConversationChatbotId) contacts.unshift({ ...seedContact });
    contactsByChatbot.set(chatbot.id, contacts);
    // Contacts that conversations still point at but the contacts endpoint no longer has (404).
    const deletedContactIds = [contactId(random), contactId(random), contactId(random)];
    const pickContact = (): string | null => {
      if (random.chance(0.15)) return null;
      return random.chance(0.05) ? random.pick(deletedContactIds) : random.pick(contacts).id;
    };
    const flags = () =>
      ({ archived: random.chance(0.1) ? 1 : 0, important: random.chance(0.1) ? 1 : 0 }) as const;

    const records: ConversationRecord[] = [];
    for (let index = 0; index < generatedHere; index++) {
      const createdAtMs = SIMULATOR_NOW - random.int(6 * 3600, 120 * 24 * 3600) * 1000;
      const plan = {
        seed: random.int(1, 2_147_483_646),
        length: lengthOf(random),
        firstUserText: null,
        maxUserGapSeconds: 600,
      };
      records.push(
        planned(chatbot.id, uniqueConversationId(random, taken), pickContact(), createdAtMs, plan, flags()),
      );
    }

    if (chatbot.id === seedConversationChatbotId) {
      const { messages, ...rest } = structuredClone(seedConversation);
      records.push({
        chatbotId: chatbot.id,
        id: rest.id,
        contactId: rest.contact_id,
        archived: rest.archived,
        important: rest.important,
        createdAt: rest.created_at,
        createdAtMs: Date.parse(rest.created_at),
        thread: { kind: "fixed", messages: messages.reverse() },
      });
      chatlingHostileConversations.forEach((hostile, index) => {
        const createdAtMs = SIMULATOR_NOW - (index + 1) * 3 * 3600 * 1000;
        const plan = {
          seed: random.int(1, 2_147_483_646),
          length: random.int(4, 12),
          firstUserText: hostile.firstUserText,
          maxUserGapSeconds: 600,
        };
        records.push(
          planned(chatbot.id, hostile.conversationId, pickContact(), createdAtMs, plan, {
            archived: 0,
            important: 0,
          }),
        );
      });
    }
    for (const long of Object.values(chatlingLongThreads)) {
      if (long.chatbotId !== chatbot.id) continue;
      const createdAtMs = SIMULATOR_NOW - (long.messageCount >= 10_000 ? 16 : 3) * DAY_MS;
      const plan = {
        seed: random.int(1, 2_147_483_646),
        length: long.messageCount,
        firstUserText: null,
        maxUserGapSeconds: 240,
      };
      records.push(
        planned(chatbot.id, long.conversationId, pickContact(), createdAtMs, plan, {
          archived: 0,
          important: 1,
        }),
      );
    }

    records.sort((left, right) => left.createdAtMs - right.createdAtMs || left.id.localeCompare(right.id));
    conversationsByChatbot.set(chatbot.id, records);
  });

  const conversationIndex = new Map<string, ConversationRecord>();
  for (const records of conversationsByChatbot.values())
    for (const record of records) conversationIndex.set(conversationKey(record.chatbotId, record.id), record);
  return {
    chatbots: chatlingChatbots,
    conversationsByChatbot,
    conversationIndex,
    contactsByChatbot,
    threads: new ThreadCache(),
  };
}

/**
 * A conversation's messages, oldest first: its thread (generated on first use and kept in a
 * bounded cache) and any the live admin call appended.
 */
export function messagesOf(state: ChatlingState, record: ConversationRecord): ChatlingMessage[] {
  const thread =
    record.thread.kind === "fixed"
      ? record.thread.messages
      : state.threads.get(conversationKey(record.chatbotId, record.id), record.thread.plan);
  return record.appended && record.appended.length > 0 ? [...thread, ...record.appended] : thread;
}

/** How many messages the conversation holds, without generating its thread. */
export function messageCountOf(record: ConversationRecord): number {
  const thread = record.thread.kind === "fixed" ? record.thread.messages.length : record.thread.plan.length;
  return thread + (record.appended?.length ?? 0);
}

/** Keeps an edited thread (a rated answer) until the next reset. */
export function pinThread(state: ChatlingState, record: ConversationRecord): void {
  if (record.thread.kind === "planned")
    state.threads.pin(conversationKey(record.chatbotId, record.id), record.thread.plan);
}

export function findConversation(
  state: ChatlingState,
  chatbotId: string,
  conversationId: string,
): ConversationRecord | undefined {
  return state.conversationIndex.get(conversationKey(chatbotId, conversationId));
}
