/**
 * Cozmox in scale mode (`core/scale.ts`): how a conversation's messages are drawn. A conversation
 * is chats, so the scale profile's message count is split into chats of two messages (the user's
 * input and the answer), some of three or more (a second answer, a system preface on the first
 * turn, a tool round), and a chat of one message (the input, no output yet) when the count is 1.
 * Each chat's count is fixed in its skeleton, so sizes are known without generating content.
 */
import type { Random } from "../../core/random";
import { scaleThreadLength } from "../../core/scale";

/** The part of a conversation plan (`data.ts`) that scale mode draws. */
export interface ScalablePlan {
  index: number;
  chats: number;
  chatMessages?: number[];
  scaleAges?: boolean;
}

/** The showcase (the first 10 conversations) keeps its chats; it stays the newest. */
const SHOWCASE = 10;

/** A showcase chat's messages: mostly an input and one answer. */
function showcaseChatMessages(random: Random): number {
  const roll = random.next();
  return roll < 0.75 ? 2 : roll < 0.85 ? 3 : roll < 0.95 ? 4 : 5;
}

/** Splits `messages` (at least 1) into chats of at least two messages, or one chat of one. */
export function splitIntoChats(messages: number, random: Random): number[] {
  if (messages <= 1) return [1];
  const chats = Math.max(1, Math.floor(messages / 2) - random.int(0, Math.floor(messages / 6)));
  const counts = Array.from({ length: chats }, () => 2);
  for (let extra = messages - 2 * chats; extra > 0; extra--) {
    const index = random.int(0, chats - 1);
    counts[index] = (counts[index] ?? 2) + 1;
  }
  return counts;
}

/** Draws a plan's chats and their message counts (every conversation has at least one chat). */
export function scalePlan(plan: ScalablePlan, random: Random): void {
  if (plan.index < SHOWCASE) {
    plan.chatMessages = Array.from({ length: plan.chats }, () => showcaseChatMessages(random));
    return;
  }
  plan.chatMessages = splitIntoChats(Math.max(1, scaleThreadLength(random)), random);
  plan.chats = plan.chatMessages.length;
  plan.scaleAges = true;
}
