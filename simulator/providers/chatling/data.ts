/**
 * Deterministic seed data for the simulated Chatling project: three chatbots with about 160
 * conversations each, contacts, seed 004's conversation verbatim, hostile first messages, and two
 * long threads with fixed ids. Only conversation metadata is built here; messages come from
 * `threads.ts` on first read.
 */
import { emailFor, hostileMessages, personName } from "../../core/content";
import { createRandom, SIMULATOR_NOW, type Random } from "../../core/random";
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
}

export interface ChatlingState {
  chatbots: readonly ChatlingChatbot[];
  /** Each chatbot's conversations, oldest first (ties by id). */
  conversationsByChatbot: Map<string, ConversationRecord[]>;
  contactsByChatbot: Map<string, ChatlingContact[]>;
  threads: ThreadCache;
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

/** Builds the whole project from the fixed seed; calling it again yields identical data. */
export function buildChatlingState(): ChatlingState {
  const random = createRandom(DATA_SEED);
  const taken = new Set<string>([
    seedConversation.id,
    chatlingLongThreads.tenThousand.conversationId,
    chatlingLongThreads.oneThousand.conversationId,
    ...chatlingHostileConversations.map((conversation) => conversation.conversationId),
  ]);
  const conversationsByChatbot = new Map<string, ConversationRecord[]>();
  const contactsByChatbot = new Map<string, ChatlingContact[]>();

  chatlingChatbots.forEach((chatbot, chatbotIndex) => {
    const contacts = generateContacts(random, 50);
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
    const count = generatedConversationCounts[chatbotIndex] ?? 0;
    for (let index = 0; index < count; index++) {
      const createdAtMs = SIMULATOR_NOW - random.int(6 * 3600, 120 * 24 * 3600) * 1000;
      const plan = {
        seed: random.int(1, 2_147_483_646),
        length: threadLength(random),
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

  return {
    chatbots: chatlingChatbots,
    conversationsByChatbot,
    contactsByChatbot,
    threads: new ThreadCache(),
  };
}

/** A conversation's messages, oldest first (generated and cached on first use). */
export function messagesOf(state: ChatlingState, record: ConversationRecord): ChatlingMessage[] {
  if (record.thread.kind === "fixed") return record.thread.messages;
  return state.threads.get(`${record.chatbotId}/${record.id}`, record.thread.plan);
}

export function findConversation(
  state: ChatlingState,
  chatbotId: string,
  conversationId: string,
): ConversationRecord | undefined {
  return state.conversationsByChatbot.get(chatbotId)?.find((record) => record.id === conversationId);
}
