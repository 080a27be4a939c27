/**
 * Lazy message threads. A conversation stores only a plan (seed, length, first user text); its
 * messages are generated on first read from that plan alone and then cached, so start-up stays
 * fast and the same plan always yields the same thread, even after a reset.
 */
import { assistantText, systemNotes, userText } from "../../core/content";
import { LruCache } from "../../core/lru";
import { createRandom, type Random } from "../../core/random";
import {
  chatlingTimestamp,
  type ChatlingMessage,
  type ChatlingMessageData,
  type ChatlingSource,
} from "./wire";

export interface ThreadPlan {
  seed: number;
  length: number;
  /** Epoch ms of the first message (also the conversation's `created_at`). */
  startsAt: number;
  /** Forces the first user message (hostile strings for the renderer's tests). */
  firstUserText: string | null;
  /** Largest gap in seconds between a bot answer and the next user message (long threads use less). */
  maxUserGapSeconds: number;
}

const knowledgeBaseSources: readonly ChatlingSource[] = [
  { type: "webpage", title: "Shipping and delivery - Help Center", url: "https://help.example.com/shipping" },
  { type: "webpage", title: "Returns & refunds - Help Center", url: "https://help.example.com/returns" },
  {
    type: "webpage",
    title: "Resetting your password - Help Center",
    url: "https://help.example.com/account/password",
  },
  { type: "webpage", title: "Plans and pricing", url: "https://example.com/pricing" },
  {
    type: "webpage",
    title: "Envíos internacionales — Centro de ayuda",
    url: "https://help.example.com/es/envios",
  },
  {
    type: "file",
    title: "Refund policy 2026.pdf",
    url: "https://files.example.com/kb/refund-policy-2026.pdf",
  },
  { type: "file", title: "配送ガイド.pdf", url: "https://files.example.com/kb/shipping-guide-ja.pdf" },
  { type: "text", title: "Opening hours (snippet)", url: "https://help.example.com/contact#hours" },
];

function pickSources(random: Random): ChatlingSource[] {
  if (!random.chance(0.55)) return [];
  const count = random.int(1, 3);
  const chosen = new Set<ChatlingSource>();
  while (chosen.size < count) chosen.add(random.pick(knowledgeBaseSources));
  return [...chosen].map((source) => ({ ...source }));
}

function pickRating(random: Random): ChatlingMessageData["helpful_value"] {
  const roll = random.next();
  if (roll < 0.12) return 1;
  if (roll < 0.18) return -1;
  return null;
}

/**
 * A bot message. Most are knowledge-base answers with `data`; about one in ten is a Builder flow
 * message that carries `is_ai_kb_response: false` and no `data` at all (seed 004: "data varies
 * depending on the message type").
 */
export function botMessage(random: Random, id: string, createdAt: string): ChatlingMessage {
  const text = assistantText(random);
  if (random.chance(0.1)) return { id, text, role: "bot", is_ai_kb_response: false, created_at: createdAt };
  return {
    id,
    text,
    role: "bot",
    is_ai_kb_response: true,
    data: { helpful_value: pickRating(random), sources: pickSources(random) },
    created_at: createdAt,
  };
}

/** Builds the whole thread, oldest first, with strictly increasing whole-second timestamps. */
export function generateThread(plan: ThreadPlan): ChatlingMessage[] {
  const random = createRandom(plan.seed);
  const firstMessageId = random.int(1_000_000_000, 8_000_000_000);
  const messages: ChatlingMessage[] = [];
  let time = Math.floor(plan.startsAt / 1000) * 1000;
  let nextRole: "user" | "bot" = "user";
  let userMessagesSoFar = 0;
  const opensWithSystemNote = plan.length > 2 && random.chance(0.1);

  for (let index = 0; index < plan.length; index++) {
    const id = String(firstMessageId + index);
    const createdAt = chatlingTimestamp(time);
    if ((index === 0 && opensWithSystemNote) || (index > 2 && random.chance(0.02))) {
      messages.push({ id, text: random.pick(systemNotes), role: "system", created_at: createdAt });
    } else if (nextRole === "user") {
      const text =
        userMessagesSoFar === 0 && plan.firstUserText !== null ? plan.firstUserText : userText(random);
      messages.push({ id, text, role: "user", created_at: createdAt });
      userMessagesSoFar += 1;
      nextRole = random.chance(0.06) ? "user" : "bot";
    } else {
      messages.push(botMessage(random, id, createdAt));
      nextRole = "user";
    }
    const gapSeconds = nextRole === "bot" ? random.int(2, 20) : random.int(8, plan.maxUserGapSeconds);
    time += gapSeconds * 1000;
  }
  return messages;
}

/** Generated threads kept at once: every demo thread, a bounded share of a scale's. */
const CACHED_THREADS = 1_000;

/**
 * Generates threads on first read and keeps the recently read ones; a thread that was edited (an
 * answer rated) is pinned, so the edit lives until `clear()` (the state's reset).
 */
export class ThreadCache {
  private readonly recent = new LruCache<string, ChatlingMessage[]>(CACHED_THREADS);
  private readonly pinned = new Map<string, ChatlingMessage[]>();

  get(key: string, plan: ThreadPlan): ChatlingMessage[] {
    const kept = this.pinned.get(key) ?? this.recent.get(key);
    if (kept) return kept;
    const thread = generateThread(plan);
    this.recent.set(key, thread);
    return thread;
  }

  /** Keeps the thread (as `get` last returned it) until `clear()`, because it was edited. */
  pin(key: string, plan: ThreadPlan): void {
    if (this.pinned.has(key)) return;
    this.pinned.set(key, this.get(key, plan));
    this.recent.delete(key);
  }

  get size(): number {
    return this.recent.size + this.pinned.size;
  }

  clear(): void {
    this.recent.clear();
    this.pinned.clear();
  }
}
