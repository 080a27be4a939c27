/**
 * The simulated Zaia workspace's seed data: about 200 owners and 560 chats over the ~120 days
 * before `SIMULATOR_NOW`, generated from a fixed seed so every run sees the same data. Threads are
 * not built here: each chat carries a `ThreadPlan` and its messages (the last two included) are
 * produced on demand (`chat-messages.ts`).
 *
 * In scale mode (`core/scale.ts`) the same generator makes a share's number of chats from the
 * share's seed, with one owner per six chats and the scale length profile; the hostile chats, the
 * hostile title and the three long threads stay.
 */
import { emailFor, hostileMessages, personName } from "../../core/content";
import { createRandom, SIMULATOR_NOW, type Random } from "../../core/random";
import { scaleThreadLength, type ScaleShare } from "../../core/scale";
import {
  chatTitles,
  ownerHandles,
  zaiaAgents,
  zaiaChannels,
  zaiaSquads,
  zaiaStaffIds,
  zaiaWorkspaceId,
  type ZaiaChannel,
  type ZaiaChannelType,
  type ZaiaTicketStatus,
} from "./catalog";
import type { ThreadPlan, ZaiaWireMessage } from "./thread";

/** Chats with threads of exactly 100, 1,000 and 10,000 messages, for tests and the benchmark. */
export const zaiaLongThreadIds = {
  hundred: "f9c0a6fb-f88a-42e2-9278-b42cba4ac1db",
  thousand: "82a12a1e-ecce-4a16-973d-47d9df63593d",
  tenThousand: "ddf23893-cae8-4fac-9dc6-f89e0ea0dbf6",
} as const;

/** Chats whose first user message is hostile HTML, for the renderer's safety tests. */
export const zaiaHostileChatIds = {
  script: "b604ceb2-5a6a-4c03-b52a-9a1346cfde23",
  image: "9d2f3c71-5e8a-4b0f-a6c4-1e7d2b9f8a35",
} as const;

const DATA_SEED = 3_003;
const OWNER_COUNT = 200;
const PLATFORM_USER_OWNERS = 8;
const GENERATED_CHATS = 557;
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

export interface ZaiaOwner {
  id: string;
  name: string | null;
  /** Set for platform users (workspace members), null for external users. */
  email: string | null;
  /** Phone number, handle or email of an external user; null for platform users and some visitors. */
  identifier: string | null;
  /** null for platform users, whom blocking does not apply to. */
  isBlocked: boolean | null;
  homeChannelId: string | null;
}

/** One chat as the simulator stores it; the lean and detail objects are views of it. */
export interface ZaiaChatRecord {
  id: string;
  createdAt: string;
  updatedAt: string;
  isRemoved: boolean;
  channelId: string | null;
  ownerId: string;
  responderId: string;
  currentResponderId: string | null;
  responderVersionId: string | null;
  title: string | null;
  /** The lean chat's stored column; PATCH may change it, and lists sort by it. */
  lastChatMessageCreatedAt: string | null;
  ticketId: string | null;
  ticketStatus: ZaiaTicketStatus | null;
  thread: ThreadPlan;
  /** Messages the live admin call added after the planned thread, oldest first. */
  appended?: readonly ZaiaWireMessage[];
}

export interface ZaiaSeedData {
  owners: readonly ZaiaOwner[];
  chats: readonly ZaiaChatRecord[];
}

function phoneNumber(random: Random): string {
  const country = random.pick(["+55 11 9", "+55 21 9", "+351 91", "+1 415 ", "+44 7700 "]);
  return `${country}${random.digits(4)}-${random.digits(4)}`;
}

function identifierFor(type: ZaiaChannelType | null, name: string | null, random: Random): string | null {
  const handle = random.pick(ownerHandles);
  switch (type) {
    case "whatsapp":
    case "waha":
      return phoneNumber(random);
    case "instagram":
      return `@${handle}.${random.alphanumeric(4).toLowerCase()}`;
    case "widget":
      if (random.chance(0.2)) return null;
      return name ? emailFor(name, random) : `visitor-${random.alphanumeric(10)}`;
    case "api":
      return random.chance(0.5) ? `crm-${random.digits(6)}` : emailFor(name ?? handle, random);
    case null:
      return random.chance(0.5) ? null : `${handle}${random.digits(3)}@example.org`;
    default: {
      const unreachable: never = type;
      throw new Error(`unknown channel type ${String(unreachable)}`);
    }
  }
}

function generateOwners(random: Random, count: number): ZaiaOwner[] {
  const owners: ZaiaOwner[] = [];
  for (let index = 0; index < count; index++) {
    const id = random.uuid();
    if (index < PLATFORM_USER_OWNERS) {
      const name = personName(random);
      owners.push({
        id,
        name,
        email: emailFor(name, random),
        identifier: null,
        isBlocked: null,
        homeChannelId: null,
      });
      continue;
    }
    const home = random.chance(0.05) ? null : random.pick(zaiaChannels);
    const name = random.chance(0.25) ? null : personName(random);
    const blocked = random.chance(0.1) ? null : random.chance(0.04);
    owners.push({
      id,
      name,
      email: null,
      identifier: identifierFor(home?.type ?? null, name, random),
      isBlocked: blocked,
      homeChannelId: home?.id ?? null,
    });
  }
  return owners;
}

function channelById(id: string | null): ZaiaChannel | null {
  return zaiaChannels.find((channel) => channel.id === id) ?? null;
}

const allResponderIds = [
  ...zaiaAgents.map((agent) => agent.superIdentityId),
  ...zaiaSquads.map((squad) => squad.superIdentityId),
];

/** The agent version live when the chat started, or null for squads. */
function versionFor(responderId: string, createdAtMs: number): string | null {
  const agent = zaiaAgents.find((candidate) => candidate.superIdentityId === responderId);
  if (!agent) return null;
  const live = agent.versions.filter((version) => Date.parse(version.createdAt) <= createdAtMs);
  return (live[live.length - 1] ?? agent.versions[0])?.id ?? null;
}

function assistantSendersFor(responderId: string): readonly string[] {
  const squad = zaiaSquads.find((candidate) => candidate.superIdentityId === responderId);
  return squad ? squad.memberSuperIdentityIds : [responderId];
}

export interface ChatShape {
  id: string;
  owner: ZaiaOwner;
  channelId: string | null;
  responderId: string;
  count: number;
  lastAtMs: number;
  spanMs: number;
  title: string | null;
  ticket: { id: string; status: ZaiaTicketStatus } | null;
  isRemoved: boolean;
  withVersion: boolean;
  firstUserMessage: string | null;
}

/** A chat record from its shape; the random draws fill in the rest. */
export function buildChat(shape: ChatShape, random: Random): ZaiaChatRecord {
  const channel = channelById(shape.channelId);
  const firstAtMs = shape.lastAtMs - (shape.count > 1 ? shape.spanMs : 0);
  const createdAtMs = firstAtMs - random.int(0, MINUTE_MS);
  const systemIntro = channel?.type === "widget" && random.chance(0.5);
  const firstResponderTurn = systemIntro ? 2 : 1;
  const humanFromIndex =
    shape.ticket !== null && shape.count >= firstResponderTurn + 5 && random.chance(0.7)
      ? firstResponderTurn + 2 * random.int(1, Math.floor((shape.count - firstResponderTurn - 3) / 2))
      : null;
  const thread: ThreadPlan = {
    chatId: shape.id,
    seed: random.int(1, 2 ** 31 - 1),
    count: shape.count,
    firstAtMs,
    lastAtMs: shape.lastAtMs,
    systemIntro,
    humanFromIndex,
    firstUserMessage: shape.firstUserMessage,
    ownerId: shape.owner.id,
    assistantSenderIds: assistantSendersFor(shape.responderId),
    humanAgentId: humanFromIndex === null ? null : random.pick(zaiaStaffIds),
    threadLength: shape.count > 500 ? 200 : shape.count + 1,
  };
  // The last message is always at `lastAtMs` exactly (see `thread.ts`), so no message is built here.
  const lastMessageAt = shape.count > 0 ? new Date(shape.lastAtMs).toISOString() : null;
  const isSquad = zaiaSquads.some((squad) => squad.superIdentityId === shape.responderId);
  const lastActivityMs = shape.count > 0 ? shape.lastAtMs : createdAtMs;
  return {
    id: shape.id,
    createdAt: new Date(createdAtMs).toISOString(),
    updatedAt: new Date(lastActivityMs + random.int(0, 5_000)).toISOString(),
    isRemoved: shape.isRemoved,
    channelId: shape.channelId,
    ownerId: shape.owner.id,
    responderId: shape.responderId,
    currentResponderId:
      shape.count === 0
        ? null
        : isSquad
          ? random.pick(assistantSendersFor(shape.responderId))
          : shape.responderId,
    responderVersionId: shape.withVersion ? versionFor(shape.responderId, createdAtMs) : null,
    title: shape.title,
    lastChatMessageCreatedAt: lastMessageAt,
    ticketId: shape.ticket?.id ?? null,
    ticketStatus: shape.ticket?.status ?? null,
    thread,
  };
}

function messageCount(random: Random): number {
  if (random.chance(0.04)) return 0;
  if (random.chance(0.08)) return 1;
  if (random.chance(0.08)) return random.int(40, 90);
  return random.int(2, 30);
}

/**
 * The chat at `index` of the generation order: its owner, channel, responder, size and times.
 * `countOf` draws the message count; live additions pass index -1 (no planted content).
 */
export function randomShape(
  random: Random,
  owners: readonly ZaiaOwner[],
  index: number,
  countOf: (random: Random) => number = messageCount,
): ChatShape {
  const owner = random.chance(0.3) ? random.pick(owners.slice(0, 40)) : random.pick(owners);
  let channelId: string | null;
  if (owner.email !== null) channelId = random.chance(0.5) ? null : (zaiaChannels[0]?.id ?? null);
  else if (random.chance(0.05)) channelId = null;
  else
    channelId =
      random.chance(0.8) && owner.homeChannelId ? owner.homeChannelId : random.pick(zaiaChannels).id;
  const channel = channelById(channelId);
  const responderId = random.pick(channel ? channel.responderIds : allResponderIds);
  const count = countOf(random);
  // Skewed towards recent activity, like a live inbox.
  const ageMs = Math.floor(random.next() ** 1.6 * 120 * DAY_MS);
  const lastAtMs = SIMULATOR_NOW - 5 * MINUTE_MS - ageMs;
  const perMessageMs = random.int(15_000, 4 * MINUTE_MS) * (random.chance(0.1) ? 40 : 1);
  const hostile = index === 2 ? hostileMessages[0] : index === 6 ? hostileMessages[1] : null;
  return {
    id: index === 2 ? zaiaHostileChatIds.script : index === 6 ? zaiaHostileChatIds.image : random.uuid(),
    owner,
    channelId,
    responderId,
    count: hostile === null ? count : Math.max(count, 4),
    lastAtMs,
    spanMs: Math.max(count - 1, 1) * perMessageMs,
    title:
      index === 14
        ? "<img src=x onerror=alert('title')> refund"
        : random.chance(0.35)
          ? null
          : random.pick(chatTitles),
    ticket: random.chance(0.2)
      ? { id: random.uuid(), status: random.pick(["open", "open", "pending", "closed", "closed"] as const) }
      : null,
    isRemoved: hostile === null && random.chance(0.05),
    withVersion: !random.chance(0.08),
    firstUserMessage: hostile,
  };
}

function longThreadShapes(owners: readonly ZaiaOwner[], random: Random): ChatShape[] {
  const whatsapp = zaiaChannels.find((channel) => channel.type === "whatsapp");
  const agent = zaiaAgents[0];
  const owner = owners[PLATFORM_USER_OWNERS + 1] ?? owners[0];
  if (!whatsapp || !agent || !owner)
    throw new Error("the Zaia catalog is missing its WhatsApp channel or agents");
  const base = { owner, channelId: whatsapp.id, responderId: agent.superIdentityId, isRemoved: false };
  const shared = { ...base, withVersion: true, firstUserMessage: null, ticket: null };
  return [
    {
      ...shared,
      id: zaiaLongThreadIds.hundred,
      count: 100,
      lastAtMs: SIMULATOR_NOW - 2 * 3_600_000,
      spanMs: DAY_MS,
      title: "Wholesale order follow-up",
    },
    {
      ...shared,
      id: zaiaLongThreadIds.thousand,
      count: 1_000,
      lastAtMs: SIMULATOR_NOW - DAY_MS,
      spanMs: 10 * DAY_MS,
      title: null,
    },
    {
      ...shared,
      id: zaiaLongThreadIds.tenThousand,
      count: 10_000,
      lastAtMs: SIMULATOR_NOW - 3 * 3_600_000,
      spanMs: 30 * DAY_MS,
      title: "Parceiro atacado — pedidos diários 📦",
      ticket: { id: random.uuid(), status: "open" },
    },
  ];
}

/** The smallest scale share: the planted chats (down to index 14) and the three long threads. */
export const MIN_SCALE_CHATS = 18;

/**
 * Builds the seed data from scratch: the demo's, or a scale share's (tests time this; everything
 * else uses `zaiaSeedData` for the demo).
 */
export function generateZaiaSeedData(scale?: ScaleShare): ZaiaSeedData {
  if (scale && scale.conversations < MIN_SCALE_CHATS)
    throw new Error(`Zaia needs at least ${MIN_SCALE_CHATS} chats at scale, got ${scale.conversations}`);
  const random = createRandom(scale ? scale.seed : DATA_SEED);
  const owners = generateOwners(
    random,
    scale ? Math.max(OWNER_COUNT, Math.round(scale.conversations / 6)) : OWNER_COUNT,
  );
  const generatedChats = scale ? scale.conversations - 3 : GENERATED_CHATS;
  const countOf = scale ? scaleThreadLength : messageCount;
  const shapes: ChatShape[] = [];
  for (let index = 0; index < generatedChats; index++)
    shapes.push(randomShape(random, owners, index, countOf));
  shapes.push(...longThreadShapes(owners, random));
  const seen = new Set<string>();
  const chats: ZaiaChatRecord[] = [];
  for (const shape of shapes) {
    if (seen.has(shape.id)) continue;
    seen.add(shape.id);
    chats.push(buildChat(shape, random));
  }
  return { owners, chats };
}

let seedData: ZaiaSeedData | null = null;

/** The seed data; built once per process (it is immutable, and stores copy what they change). */
export function zaiaSeedData(): ZaiaSeedData {
  seedData ??= generateZaiaSeedData();
  return seedData;
}

export { zaiaWorkspaceId };
