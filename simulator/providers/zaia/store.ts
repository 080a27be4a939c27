/**
 * The simulated Zaia workspace's live state: working copies of the seed chats plus chats created
 * through the API or added by the live admin call. Renames, removals and appended messages change
 * only the copies, so `reset()` restores the seed data exactly. Times written by changes come from
 * a simulated clock that starts at `SIMULATOR_NOW`, so they are deterministic too.
 *
 * The newest-first order every list uses is kept sorted between changes: a 100,000-chat scale
 * would otherwise be sorted again on every page.
 */
import { MutationClock } from "../../core/live";
import { createRandom, type Random } from "../../core/random";
import { zaiaAgents, zaiaChannels } from "./catalog";
import { messageCountOf } from "./chat-messages";
import type { ZaiaChatRecord, ZaiaOwner, ZaiaSeedData } from "./data";
import { cachedThreadCount, type ZaiaWireMessage } from "./thread";

const CREATED_IDS_SEED = 3_303;

/**
 * Newest first by last message time; a chat without messages sorts by its creation time, so a new
 * empty chat is at the top. Ties by id. ISO times in UTC and lowercase UUIDs compare correctly as
 * plain strings.
 */
function byLastMessage(left: ZaiaChatRecord, right: ZaiaChatRecord): number {
  const leftTime = left.lastChatMessageCreatedAt ?? left.createdAt;
  const rightTime = right.lastChatMessageCreatedAt ?? right.createdAt;
  if (leftTime !== rightTime) return leftTime < rightTime ? 1 : -1;
  return left.id < right.id ? -1 : left.id > right.id ? 1 : 0;
}

export class ZaiaStore {
  private chats: ZaiaChatRecord[] = [];
  private byId = new Map<string, ZaiaChatRecord>();
  private sortedChats: readonly ZaiaChatRecord[] | null = null;
  private readonly owners: Map<string, ZaiaOwner>;
  private readonly clock = new MutationClock();
  private random: Random = createRandom(CREATED_IDS_SEED);

  constructor(private readonly seed: ZaiaSeedData) {
    this.owners = new Map(seed.owners.map((owner) => [owner.id, owner]));
    this.reset();
  }

  reset(): void {
    this.chats = this.seed.chats.map((chat) => ({ ...chat }));
    this.byId = new Map(this.chats.map((chat) => [chat.id, chat]));
    this.sortedChats = null;
    this.clock.reset();
    this.random = createRandom(CREATED_IDS_SEED);
  }

  /** The next instant of the simulated clock: a second after the previous change, not before `notBeforeMs`. */
  nextTime(notBeforeMs = 0): string {
    return new Date(this.clock.next(notBeforeMs)).toISOString();
  }

  all(): readonly ZaiaChatRecord[] {
    return this.chats;
  }

  /** Every chat, newest first (see `byLastMessage`); recomputed only after a change. */
  sorted(): readonly ZaiaChatRecord[] {
    this.sortedChats ??= [...this.chats].sort(byLastMessage);
    return this.sortedChats;
  }

  find(id: string): ZaiaChatRecord | null {
    return this.byId.get(id) ?? null;
  }

  owner(id: string): ZaiaOwner | null {
    return this.owners.get(id) ?? null;
  }

  /** Every owner of the workspace, in seed order. */
  allOwners(): readonly ZaiaOwner[] {
    return this.seed.owners;
  }

  create(input: { channelId: string | null; ownerId: string; title: string | null }): ZaiaChatRecord {
    const channel = zaiaChannels.find((candidate) => candidate.id === input.channelId);
    const responderId = channel?.responderIds[0] ?? zaiaAgents[0]?.superIdentityId ?? "";
    const agent = zaiaAgents.find((candidate) => candidate.superIdentityId === responderId);
    const id = this.random.uuid();
    const at = this.nextTime();
    const chat: ZaiaChatRecord = {
      id,
      createdAt: at,
      updatedAt: at,
      isRemoved: false,
      channelId: input.channelId,
      ownerId: input.ownerId,
      responderId,
      currentResponderId: null,
      responderVersionId: agent?.versions[agent.versions.length - 1]?.id ?? null,
      title: input.title,
      lastChatMessageCreatedAt: null,
      ticketId: null,
      ticketStatus: null,
      thread: {
        chatId: id,
        seed: 1,
        count: 0,
        firstAtMs: Date.parse(at),
        lastAtMs: Date.parse(at),
        systemIntro: false,
        humanFromIndex: null,
        firstUserMessage: null,
        ownerId: input.ownerId,
        assistantSenderIds: [responderId],
        humanAgentId: null,
        threadLength: 1,
      },
    };
    this.insert(chat);
    return chat;
  }

  /** Adds a chat built elsewhere (the live admin call); its id must be new. */
  insert(chat: ZaiaChatRecord): void {
    this.chats.push(chat);
    this.byId.set(chat.id, chat);
    this.sortedChats = null;
  }

  update(
    chat: ZaiaChatRecord,
    changes: { title?: string | null; lastChatMessageCreatedAt?: string | null },
  ): void {
    if (changes.title !== undefined) chat.title = changes.title;
    if (changes.lastChatMessageCreatedAt !== undefined)
      chat.lastChatMessageCreatedAt = changes.lastChatMessageCreatedAt;
    chat.updatedAt = this.nextTime();
    this.sortedChats = null;
  }

  /** Zaia's own soft removal (`DELETE`): the chat stays listed with `isRemoved: true`. */
  remove(chat: ZaiaChatRecord): void {
    if (chat.isRemoved) return;
    chat.isRemoved = true;
    chat.updatedAt = this.nextTime();
  }

  /**
   * Appends messages after the chat's last one (the live admin call): the last message time and
   * `updatedAt` move to the newest, and a chat that had none gets its current responder.
   */
  append(chat: ZaiaChatRecord, messages: readonly ZaiaWireMessage[], currentResponderId: string): void {
    const newest = messages.at(-1);
    if (!newest) return;
    chat.appended = [...(chat.appended ?? []), ...messages];
    chat.lastChatMessageCreatedAt = newest.createdAt;
    chat.updatedAt = newest.createdAt;
    chat.currentResponderId ??= currentResponderId;
    this.sortedChats = null;
  }

  /** Deletes chats for good (the live admin call): gone from every list, 404 when read. */
  deleteForGood(ids: ReadonlySet<string>): void {
    this.chats = this.chats.filter((chat) => !ids.has(chat.id));
    for (const id of ids) this.byId.delete(id);
    this.sortedChats = null;
  }

  stats(): Record<string, number> {
    let removedChats = 0;
    let messages = 0;
    for (const chat of this.chats) {
      if (chat.isRemoved) removedChats += 1;
      messages += messageCountOf(chat);
    }
    return {
      chats: this.chats.length,
      removedChats,
      messages,
      owners: this.owners.size,
      channels: zaiaChannels.length,
      cachedThreads: cachedThreadCount(),
    };
  }
}
