/**
 * Deterministic randomness for the simulator's seed data: the same seed always yields the same
 * conversations, so tests and demos see identical data on every machine.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  int(minInclusive: number, maxInclusive: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
  /** A UUID v4-shaped string. */
  uuid(): string;
  /** Letters and digits, like the ids SigmaMind and Vapi use. */
  alphanumeric(length: number): string;
  digits(length: number): string;
}

const hexDigits = "0123456789abcdef";
const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  // The string helpers collect characters and join once: a scale of 100,000 conversations draws
  // millions of ids, and one flat string each keeps both the garbage and the memory down.
  const pushHex = (characters: string[], length: number): void => {
    for (let index = 0; index < length; index++) characters.push(hexDigits[int(0, 15)] as string);
  };
  return {
    next,
    int,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error("pick from an empty list");
      return items[int(0, items.length - 1)] as T;
    },
    chance: (probability) => next() < probability,
    uuid: () => {
      const characters: string[] = [];
      pushHex(characters, 8);
      characters.push("-");
      pushHex(characters, 4);
      characters.push("-", "4");
      pushHex(characters, 3);
      characters.push("-", "89ab"[int(0, 3)] as string);
      pushHex(characters, 3);
      characters.push("-");
      pushHex(characters, 12);
      return characters.join("");
    },
    alphanumeric: (length) => {
      const characters: string[] = [];
      for (let index = 0; index < length; index++)
        characters.push(alphabet[int(0, alphabet.length - 1)] as string);
      return characters.join("");
    },
    digits: (length) => {
      const characters = [String(int(1, 9))];
      for (let index = 1; index < length; index++) characters.push(String(int(0, 9)));
      return characters.join("");
    },
  };
}

/** The simulator's "now": fixed, so generated timestamps never drift between runs. */
export const SIMULATOR_NOW = Date.parse("2026-11-20T12:00:00.000Z");
