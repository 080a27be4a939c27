import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { simulatorKeys } from "../keys";
import { createAllProviders, providerRegistrations } from "../providers";
import { startTestSimulator } from "../testing";
import { hashString, MAX_SCALE, MIN_SCALE, parseScale, scaleThreadLength, splitScale } from "./scale";
import { createRandom } from "./random";
import type { RunningSimulator } from "./server";

/** Messages of the planted long threads, which every size of data keeps. */
const LONG_THREAD_MESSAGES = 2_000 + (100 + 1_000 + 10_000) + (10_000 + 1_000);
/** Cozmox's 250-chat session holds about 600 messages, and is not counted in the average either. */
const COZMOX_LONG_SESSION_MESSAGES = 600;

describe("SIMULATOR_SCALE parsing", () => {
  it("is off when unset or empty, and reads whole numbers with or without underscores", () => {
    expect(parseScale(undefined)).toBeNull();
    expect(parseScale("")).toBeNull();
    expect(parseScale("  ")).toBeNull();
    expect(parseScale("100000")).toBe(100_000);
    expect(parseScale(" 100_000 ")).toBe(100_000);
    expect(parseScale(String(MIN_SCALE))).toBe(MIN_SCALE);
    expect(parseScale(String(MAX_SCALE))).toBe(MAX_SCALE);
  });

  it.each(["abc", "0", "-5", "12.5", "1e5", String(MIN_SCALE - 1), String(MAX_SCALE + 1), "10 000"])(
    "refuses %j with a message naming the variable and the range",
    (raw) => {
      expect(() => parseScale(raw)).toThrow(
        new RegExp(
          `SIMULATOR_SCALE must be a whole number of conversations from ${MIN_SCALE} to ${MAX_SCALE}`,
        ),
      );
    },
  );
});

describe("the scale split", () => {
  it("gives every conversation to a provider that can scale, in the demo's proportions", () => {
    for (const total of [MIN_SCALE, 2_000, 2_001, 99_999, 100_000, 1_234_567]) {
      const shares = splitScale(total, providerRegistrations);
      const counts = [...shares.values()].map((share) => share.conversations);
      expect(counts.reduce((sum, count) => sum + count, 0)).toBe(total);
      const scalable = providerRegistrations.filter((registration) => registration.createAtScale);
      expect([...shares.keys()]).toEqual(scalable.map((registration) => registration.id));
      const weight = scalable.reduce((sum, registration) => sum + registration.demoConversations, 0);
      for (const registration of scalable) {
        const exact = (total * registration.demoConversations) / weight;
        expect(Math.abs((shares.get(registration.id)?.conversations ?? 0) - exact)).toBeLessThan(1);
      }
    }
  });

  it("seeds each provider from its id and the scale alone", () => {
    const first = splitScale(2_000, providerRegistrations);
    expect(splitScale(2_000, providerRegistrations)).toEqual(first);
    const seeds = [...first.values()].map((share) => share.seed);
    expect(new Set(seeds).size).toBe(seeds.length);
    expect(first.get("zaia")?.seed).toBe(hashString("zaia:2000"));
    expect(splitScale(2_001, providerRegistrations).get("zaia")?.seed).not.toBe(first.get("zaia")?.seed);
  });

  it("draws about ten messages per conversation", () => {
    const random = createRandom(42);
    const lengths = Array.from({ length: 50_000 }, () => scaleThreadLength(random));
    const mean = lengths.reduce((sum, length) => sum + length, 0) / lengths.length;
    expect(mean).toBeGreaterThan(9.5);
    expect(mean).toBeLessThan(10.5);
    expect(Math.min(...lengths)).toBe(0);
    expect(Math.max(...lengths)).toBe(80);
  });
});

describe("the providers at a scale of 2,000", () => {
  const providers = createAllProviders({ scale: 2_000 });

  it("serve exactly 2,000 conversations with about ten messages each, all four providers", () => {
    const scaled = providers.filter((provider) => provider.live);
    expect(scaled.map((provider) => provider.id)).toEqual(["sigmamind", "cozmox", "zaia", "chatling"]);
    const sizes = scaled.map((provider) => provider.live?.size() ?? { conversations: 0, messages: 0 });
    expect(sizes.reduce((sum, size) => sum + size.conversations, 0)).toBe(2_000);
    const messages =
      sizes.reduce((sum, size) => sum + size.messages, 0) -
      LONG_THREAD_MESSAGES -
      COZMOX_LONG_SESSION_MESSAGES;
    expect(messages / 2_000).toBeGreaterThan(8.5);
    expect(messages / 2_000).toBeLessThan(11.5);
    // Each provider about a quarter, in proportion to its demo size.
    for (const size of sizes) expect(size.conversations).toBeGreaterThan(440);
  });

  it("are rebuilt identically, and differently for another scale", () => {
    const again = createAllProviders({ scale: 2_000 });
    const other = createAllProviders({ scale: 2_001 });
    for (const [index, provider] of providers.entries()) {
      if (!provider.live) continue;
      expect(again[index]?.live?.ids()).toEqual(provider.live.ids());
      expect(again[index]?.live?.size()).toEqual(provider.live.size());
      expect(other[index]?.live?.ids()).not.toEqual(provider.live.ids());
    }
  });
});

describe("a simulator at scale serves the same bytes every time", () => {
  let first: RunningSimulator;
  let second: RunningSimulator;
  beforeAll(async () => {
    [first, second] = await Promise.all([
      startTestSimulator({ scale: 2_000 }),
      startTestSimulator({ scale: 2_000 }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([first.close(), second.close()]);
  });

  const reads: [string, Record<string, string>][] = [
    ["/sigmamind/v1/chats?page=3&size=100", { "x-api-key": simulatorKeys.sigmamind.primary }],
    ["/zaia/api/v1/chats/details?pageNumber=2&pageSize=100", { authorization: simulatorKeys.zaia.primary }],
    ["/cozmox/chat?page=2&limit=100", { authorization: `Bearer ${simulatorKeys.cozmox.primary}` }],
    [
      "/chatling/v2/chatbots/4309158726/conversations?page=7",
      { authorization: `Bearer ${simulatorKeys.chatling.primary}` },
    ],
  ];

  it.each(reads)("GET %s", async (path, headers) => {
    const [left, right] = await Promise.all(
      [first, second].map(async (simulator) => {
        const response = await fetch(`${simulator.url}${path}`, { headers });
        expect(response.status).toBe(200);
        return response.text();
      }),
    );
    expect(left?.length).toBeGreaterThan(1_000);
    expect(right).toBe(left);
  });

  it("reports the scale and each provider's size at GET /__admin/scale", async () => {
    const body = (await (await fetch(`${first.url}/__admin/scale`)).json()) as {
      scale: number;
      providers: Record<string, { live: boolean; conversations?: number; backfillFloor?: { calls: number } }>;
    };
    expect(body.scale).toBe(2_000);
    const conversations = ["sigmamind", "cozmox", "zaia", "chatling"].map(
      (id) => body.providers[id]?.conversations ?? 0,
    );
    expect(conversations.reduce((sum, count) => sum + count, 0)).toBe(2_000);
    expect(body.providers.sigmamind?.backfillFloor?.calls).toBe(Math.ceil((conversations[0] ?? 0) / 100));
  });
});
