/**
 * Zaia chat messages. Every message is a pure function of its chat's thread plan and its index,
 * so a chat's last two messages are known at start-up without building the thread, and a thread
 * of 10,000 messages is only built when someone reads it (then kept in a small cache).
 */
import { assistantText, systemNotes, userText } from "../../core/content";
import { createRandom, type Random } from "../../core/random";
import { humanAgentTexts, type ZaiaMessageRole } from "./catalog";

/** A message as `GET /api/v1/chat-messages` returns it (providers.md §11). */
export interface ZaiaWireMessage {
  id: string;
  chatId: string;
  chatThreadId: string | null;
  role: ZaiaMessageRole;
  content: string | null;
  createdAt: string;
  senderId: string | null;
}

/** Everything needed to produce a chat's messages on demand. */
export interface ThreadPlan {
  chatId: string;
  seed: number;
  count: number;
  firstAtMs: number;
  lastAtMs: number;
  /** Whether the thread opens with a system note (widget sessions). */
  systemIntro: boolean;
  /** Index of the "transferred to a human" note; later responder turns are `human`. */
  humanFromIndex: number | null;
  /** Replaces the first user message (hostile-content conversations). */
  firstUserMessage: string | null;
  ownerId: string;
  /** Who answers as `assistant` (the agent, or the agents of a squad). */
  assistantSenderIds: readonly string[];
  humanAgentId: string | null;
  /** Messages per chat thread; a new `chatThreadId` starts after this many. */
  threadLength: number;
}

const PREVIEW_MAX_CHARACTERS = 280;

function mix(seed: number, index: number): number {
  return (seed ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0;
}

function hex(random: Random, length: number): string {
  return Array.from({ length }, () => random.int(0, 15).toString(16)).join("");
}

/**
 * A UUID v4 whose last 8 hex digits are a bijection of the index, so ids never collide inside a
 * thread however long it is.
 */
function messageId(random: Random, index: number): string {
  const unique = (Math.imul(index + 1, 0x9e3779b1) >>> 0).toString(16).padStart(8, "0");
  const variant = "89ab"[random.int(0, 3)] ?? "8";
  return `${hex(random, 8)}-${hex(random, 4)}-4${hex(random, 3)}-${variant}${hex(random, 3)}-${hex(random, 4)}${unique}`;
}

/** The id of the plan's k-th chat thread. */
export function chatThreadId(plan: ThreadPlan, threadIndex: number): string {
  return createRandom(mix(plan.seed ^ 0x5bd1e995, threadIndex)).uuid();
}

function roleAt(plan: ThreadPlan, index: number): ZaiaMessageRole {
  if (index === 0 && plan.systemIntro) return "system";
  if (plan.humanFromIndex !== null && index === plan.humanFromIndex) return "system";
  const turn = index - (plan.systemIntro ? 1 : 0);
  if (turn % 2 === 0) return "user";
  if (plan.humanFromIndex !== null && index > plan.humanFromIndex) return "human";
  return "assistant";
}

function timeAt(plan: ThreadPlan, index: number, random: Random): number {
  if (plan.count <= 1) return plan.firstAtMs;
  const step = (plan.lastAtMs - plan.firstAtMs) / (plan.count - 1);
  const base = plan.firstAtMs + Math.round(index * step);
  const inner = index > 0 && index < plan.count - 1;
  return inner ? base + Math.floor(random.next() * step * 0.4) : base;
}

let messagesBuilt = 0;

/** How many messages this process has built so far: tests check that start-up builds none. */
export function builtMessageCount(): number {
  return messagesBuilt;
}

/** The message at `index` (0-based, oldest first) of a chat. */
export function messageAt(plan: ThreadPlan, index: number): ZaiaWireMessage {
  messagesBuilt += 1;
  const random = createRandom(mix(plan.seed, index));
  const id = messageId(random, index);
  const createdAt = new Date(timeAt(plan, index, random)).toISOString();
  const role = roleAt(plan, index);
  const threadId = chatThreadId(plan, Math.floor(index / plan.threadLength));
  const firstUserIndex = plan.systemIntro ? 1 : 0;
  switch (role) {
    case "system": {
      const content =
        index === plan.humanFromIndex
          ? "The customer was transferred to a human agent."
          : random.pick(systemNotes);
      return { id, chatId: plan.chatId, chatThreadId: null, role, content, createdAt, senderId: null };
    }
    case "user": {
      let content: string | null;
      if (index === firstUserIndex && plan.firstUserMessage !== null) content = plan.firstUserMessage;
      else content = random.chance(0.02) ? null : userText(random);
      return {
        id,
        chatId: plan.chatId,
        chatThreadId: threadId,
        role,
        content,
        createdAt,
        senderId: plan.ownerId,
      };
    }
    case "assistant": {
      const senderId = plan.assistantSenderIds.length > 0 ? random.pick(plan.assistantSenderIds) : null;
      const content = assistantText(random);
      return { id, chatId: plan.chatId, chatThreadId: threadId, role, content, createdAt, senderId };
    }
    case "human": {
      const content = random.pick(humanAgentTexts);
      return {
        id,
        chatId: plan.chatId,
        chatThreadId: threadId,
        role,
        content,
        createdAt,
        senderId: plan.humanAgentId,
      };
    }
    default: {
      const unreachable: never = role;
      throw new Error(`unknown role ${String(unreachable)}`);
    }
  }
}

/** The "content preview" the chat details show: the first 280 characters, never a split emoji. */
export function previewOf(content: string | null): string | null {
  if (content === null) return null;
  const characters = Array.from(content);
  if (characters.length <= PREVIEW_MAX_CHARACTERS) return content;
  return characters.slice(0, PREVIEW_MAX_CHARACTERS - 1).join("") + "…";
}

const THREAD_CACHE_SIZE = 16;
const threadCache = new Map<string, readonly ZaiaWireMessage[]>();

/** The whole thread, oldest first; long threads are kept in a small least-recently-used cache. */
export function threadMessages(plan: ThreadPlan): readonly ZaiaWireMessage[] {
  const key = `${plan.chatId}:${plan.seed}:${plan.count}`;
  const cached = threadCache.get(key);
  if (cached) {
    threadCache.delete(key);
    threadCache.set(key, cached);
    return cached;
  }
  const messages = Array.from({ length: plan.count }, (_, index) => messageAt(plan, index));
  if (plan.count >= 50) {
    threadCache.set(key, messages);
    const oldest = threadCache.keys().next();
    if (threadCache.size > THREAD_CACHE_SIZE && !oldest.done) threadCache.delete(oldest.value);
  }
  return messages;
}

/** How many threads are cached (reported by the simulator's stats). */
export function cachedThreadCount(): number {
  return threadCache.size;
}
