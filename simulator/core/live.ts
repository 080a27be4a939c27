/**
 * Live changes while the simulator runs: `POST /__admin/conversations/:provider` adds, changes
 * (new messages, so the last activity moves) or removes conversations of one provider, so that
 * Parley's incremental sync, its reconciliation and the "N new conversations" banner can be tested.
 *
 * The core validates the body and picks the conversations to change or remove; each provider
 * applies the changes to its own data through `LiveConversations`. Everything is deterministic:
 * after `POST /__admin/reset`, the same calls give the same answers (same ids, texts and times).
 */
import { z } from "zod";
import { SIMULATOR_NOW, type Random } from "./random";

/** A conversation as the admin answer reports it. */
export interface LiveConversation {
  /** The provider's own conversation id (what its API takes in paths). */
  id: string;
  /** Where the id lives when the provider has several lists (Chatling: the chatbot id). */
  scope?: string;
  /** The provider's notion of last activity after the change, as it would report it; null if none. */
  lastActivityAt: string | null;
  /** Messages the conversation holds after the change (before it, for a removal). */
  messages: number;
}

/** What a provider implements to take part in scale mode and live changes. */
export interface LiveConversations {
  /** Conversations and messages served now. */
  size(): { conversations: number; messages: number };
  /**
   * The fewest provider calls that read every conversation and every message through the
   * provider's paging, with how they were counted: the bench compares Parley's backfill with it.
   */
  backfillFloor(): { calls: number; detail: string };
  /** Ids of the conversations served now, in a stable order (count-based changes pick from them). */
  ids(): readonly string[];
  /** Adds `count` new conversations of `messagesEach` messages, newer than every other one. */
  add(count: number, messagesEach: number): LiveConversation[];
  /** Appends `messagesEach` messages (alternating speakers) to each conversation; ids exist. */
  change(ids: readonly string[], messagesEach: number): LiveConversation[];
  /** Deletes the conversations at the provider: gone from every list, 404 when read; ids exist. */
  remove(ids: readonly string[]): LiveConversation[];
}

/**
 * The simulated clock of changes: starts at `SIMULATOR_NOW` (every seed time is before it) and
 * moves at least one second per change, so changed and added conversations are always the newest
 * and times repeat exactly after a reset.
 */
export class MutationClock {
  private last = SIMULATOR_NOW;

  /** The next instant: one second after the previous one, and not before `notBeforeMs`. */
  next(notBeforeMs = 0): number {
    this.last = Math.max(this.last + 1_000, notBeforeMs);
    return this.last;
  }

  reset(): void {
    this.last = SIMULATOR_NOW;
  }
}

const MAX_PER_CALL = 10_000;
const idList = z.array(z.string().min(1).max(200)).max(MAX_PER_CALL);
const countOrIds = z.union([z.number().int().min(0).max(MAX_PER_CALL), idList]);

/** The body of `POST /__admin/conversations/:provider`. */
export const liveChangeSchema = z.strictObject({
  /** How many new conversations to add. */
  add: z.number().int().min(0).max(MAX_PER_CALL).optional(),
  /** How many conversations to change (picked by the simulator), or exactly which ones. */
  change: countOrIds.optional(),
  /** How many conversations to remove (picked by the simulator), or exactly which ones. */
  remove: countOrIds.optional(),
  /** Messages per added conversation and new messages per changed one (default 2). */
  messages: z.number().int().min(1).max(200).optional(),
});

export type LiveChange = z.infer<typeof liveChangeSchema>;

export type LiveChangeOutcome =
  | { ok: true; added: LiveConversation[]; changed: LiveConversation[]; removed: LiveConversation[] }
  | { ok: false; problems: string[] };

const DEFAULT_MESSAGES = 2;

function duplicatesIn(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const id of ids) (seen.has(id) ? duplicates : seen).add(id);
  return [...duplicates];
}

function listed(ids: readonly string[]): string {
  const shown = ids.slice(0, 10).map((id) => `"${id}"`);
  return ids.length > 10 ? `${shown.join(", ")} and ${ids.length - 10} more` : shown.join(", ");
}

/** Picks `count` distinct ids from `pool`, skipping `excluded`, deterministically from `random`. */
function pickIds(pool: readonly string[], count: number, excluded: ReadonlySet<string>, random: Random) {
  const candidates = pool.filter((id) => !excluded.has(id));
  // A partial Fisher–Yates shuffle: the first `count` entries end up a uniform random choice.
  for (let index = 0; index < count; index++) {
    const swap = random.int(index, candidates.length - 1);
    const chosen = candidates[swap] as string;
    candidates[swap] = candidates[index] as string;
    candidates[index] = chosen;
  }
  return candidates.slice(0, count);
}

/**
 * Validates a change against the provider's current conversations and applies it (changes, then
 * removals, then additions). Nothing is applied unless the whole change is valid.
 */
export function applyLiveChange(
  live: LiveConversations,
  change: LiveChange,
  random: Random,
): LiveChangeOutcome {
  const messages = change.messages ?? DEFAULT_MESSAGES;
  const add = change.add ?? 0;
  const changeIds = Array.isArray(change.change) ? change.change : [];
  const removeIds = Array.isArray(change.remove) ? change.remove : [];
  const changeCount = typeof change.change === "number" ? change.change : 0;
  const removeCount = typeof change.remove === "number" ? change.remove : 0;
  if (add + changeIds.length + removeIds.length + changeCount + removeCount === 0)
    return { ok: false, problems: ["nothing to do: give add, change or remove (a count or a list of ids)"] };

  const pool = live.ids();
  const known = new Set(pool);
  const problems: string[] = [];
  for (const [name, ids] of [
    ["change", changeIds],
    ["remove", removeIds],
  ] as const) {
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length > 0) problems.push(`${name}: no such conversation ${listed(unknown)}`);
    const duplicates = duplicatesIn(ids);
    if (duplicates.length > 0) problems.push(`${name}: listed twice ${listed(duplicates)}`);
  }
  const removing = new Set(removeIds);
  const both = changeIds.filter((id) => removing.has(id));
  if (both.length > 0) problems.push(`change and remove both name ${listed(both)}`);
  const available = pool.length - new Set([...changeIds, ...removeIds]).size;
  if (changeCount + removeCount > available)
    problems.push(
      `change and remove ask for ${changeCount + removeCount} more conversations, but only ${available} are left`,
    );
  if (problems.length > 0) return { ok: false, problems };

  const named = new Set([...changeIds, ...removeIds]);
  const pickedToChange = pickIds(pool, changeCount, named, random);
  for (const id of pickedToChange) named.add(id);
  const pickedToRemove = pickIds(pool, removeCount, named, random);
  const changed = live.change([...changeIds, ...pickedToChange], messages);
  const removed = live.remove([...removeIds, ...pickedToRemove]);
  const added = live.add(add, messages);
  return { ok: true, added, changed, removed };
}
