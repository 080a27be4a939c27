/**
 * Scale mode: `SIMULATOR_SCALE=<conversations>` makes the simulator serve that many conversations,
 * about ten messages each on average, instead of the demo data. They are split across the
 * providers that can generate scale data, in the proportions of the demo data.
 *
 * Contract for a provider that joins (see `ProviderRegistration.createAtScale`):
 * - it serves exactly `share.conversations` conversations, built from `share.seed` alone, so the same
 *   `SIMULATOR_SCALE` always serves the same data;
 * - it builds only skeletons at start-up (ids, times, message counts, per-conversation seeds) and
 *   makes message content lazily from each conversation's seed, keeping generated threads in a
 *   bounded cache, so start-up stays fast and memory modest;
 * - it keeps the shapes of its demo data (every language of `content.ts`, markdown, tool calls,
 *   hostile HTML, its planted special conversations and long threads);
 * - it implements `SimulatedProvider.live` (`core/live.ts`), so the admin endpoint can change it.
 *
 * Without `SIMULATOR_SCALE` every provider is created exactly as before, with its demo data.
 */
import type { SimulatedProvider, SimulatedProviderId } from "./provider";
import { createRandom, type Random } from "./random";

export const MIN_SCALE = 200;
export const MAX_SCALE = 1_000_000;

/** One provider's part of the scale data. */
export interface ScaleShare {
  /** Exactly how many conversations the provider serves, its planted special ones included. */
  conversations: number;
  /** The seed every skeleton of this provider is generated from. */
  seed: number;
}

/** How the simulator builds one provider, with its demo data or at scale. */
export interface ProviderRegistration {
  id: SimulatedProviderId;
  /** How many conversations the demo data holds: the provider's weight in the scale split. */
  demoConversations: number;
  create(): SimulatedProvider;
  /**
   * Present when the provider can generate scale data. A provider without it keeps serving its
   * demo data in scale mode and takes no part in the split.
   */
  createAtScale?(share: ScaleShare): SimulatedProvider;
}

/**
 * Reads `SIMULATOR_SCALE`: null when unset or empty, else a whole number of conversations from
 * `MIN_SCALE` to `MAX_SCALE` (`100000` and `100_000` are both accepted). Throws a message meant
 * for the person starting the simulator.
 */
export function parseScale(raw: string | undefined): number | null {
  if (raw === undefined || raw.trim() === "") return null;
  const cleaned = raw.trim().replace(/_/g, "");
  const value = /^\d+$/.test(cleaned) ? Number(cleaned) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < MIN_SCALE || value > MAX_SCALE)
    throw new Error(
      `SIMULATOR_SCALE must be a whole number of conversations from ${MIN_SCALE} to ${MAX_SCALE}, got "${raw}".`,
    );
  return value;
}

/** A stable 32-bit hash (FNV-1a), so each provider's seed depends only on its id and the scale. */
export function hashString(text: string): number {
  let hash = 2166136261;
  for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 16777619);
  return hash >>> 0;
}

/**
 * Splits `total` conversations over the registrations that can scale, proportionally to their
 * demo sizes (largest remainder, ties in registration order), so the shares add up to `total`.
 */
export function splitScale(
  total: number,
  registrations: readonly ProviderRegistration[],
): Map<SimulatedProviderId, ScaleShare> {
  const scalable = registrations.filter((registration) => registration.createAtScale !== undefined);
  const weight = scalable.reduce((sum, registration) => sum + registration.demoConversations, 0);
  const shares = new Map<SimulatedProviderId, ScaleShare>();
  if (scalable.length === 0 || weight <= 0) return shares;
  const exact = scalable.map((registration) => (total * registration.demoConversations) / weight);
  const counts = exact.map(Math.floor);
  let missing = total - counts.reduce((sum, count) => sum + count, 0);
  const byRemainder = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((left, right) => right.remainder - left.remainder || left.index - right.index);
  for (const { index } of byRemainder) {
    if (missing <= 0) break;
    counts[index] = (counts[index] ?? 0) + 1;
    missing -= 1;
  }
  scalable.forEach((registration, index) =>
    shares.set(registration.id, {
      conversations: counts[index] ?? 0,
      seed: hashString(`${registration.id}:${total}`),
    }),
  );
  return shares;
}

/** Builds every provider: at scale when `scale` is set and the provider can, else with its demo data. */
export function createProviders(
  registrations: readonly ProviderRegistration[],
  scale: number | null,
): SimulatedProvider[] {
  const shares =
    scale === null ? new Map<SimulatedProviderId, ScaleShare>() : splitScale(scale, registrations);
  return registrations.map((registration) => {
    const share = shares.get(registration.id);
    return share && registration.createAtScale ? registration.createAtScale(share) : registration.create();
  });
}

/**
 * A conversation's message count at scale: mostly short support chats with a long tail, about
 * 9.9 on average, so 100,000 conversations hold about a million messages. Shared by the providers
 * so their threads have the same length profile.
 */
export function scaleThreadLength(random: Random): number {
  const roll = random.next();
  if (roll < 0.03) return 0;
  if (roll < 0.13) return 1;
  if (roll < 0.81) return random.int(2, 12);
  if (roll < 0.97) return random.int(13, 30);
  return random.int(31, 80);
}

/** A seeded source of randomness for one purpose of one provider (`"zaia:owners"`, …). */
export function randomFor(seed: number, purpose: string): Random {
  return createRandom((seed ^ hashString(purpose)) >>> 0);
}
