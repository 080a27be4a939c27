/**
 * The simulated Zaia workspace's live state: working copies of the seed chats plus chats created
 * through the API. Renames and removals change only the copies, so `reset()` restores the seed
 * data exactly. Times written by changes come from a simulated clock that starts at
 * `SIMULATOR_NOW`, so they are deterministic too.
 */
import { createRandom, SIMULATOR_NOW, type Random } from "../../core/random";
import { zaiaAgents, zaiaChannels } from "./catalog";
import type { ZaiaChatRecord, ZaiaOwner, ZaiaSeedData } from "./data";
import { cachedThreadCount } from "./thread";

const CREATED_IDS_SEED = 3_303;

export class ZaiaStore {
  private chats: ZaiaChatRecord[] = [];
  private byId = new Map<string, ZaiaChatRecord>();
  private readonly owners: Map<string, ZaiaOwner>;
  private ticks = 0;
  private random: Random = createRandom(CREATED_IDS_SEED);

  constructor(private readonly seed: ZaiaSeedData) {
    this.owners = new Map(seed.owners.map((owner) => [owner.id, owner]));
    this.reset();
  }

  reset(): void {
    this.chats = this.seed.chats.map((chat) => ({ ...chat }));
    this.byId = new Map(this.chats.map((chat) => [chat.id, chat]));
    this.ticks = 0;
    this.random = createRandom(CREATED_IDS_SEED);
  }

  /** The next instant of the simulated clock, one second after the previous change. */
  private now(): string {
    this.ticks += 1;
    return new Date(SIMULATOR_NOW + this.ticks * 1_000).toISOString();
  }

  all(): readonly ZaiaChatRecord[] {
    return this.chats;
  }

  find(id: string): ZaiaChatRecord | null {
    return this.byId.get(id) ?? null;
  }

  owner(id: string): ZaiaOwner | null {
    return this.owners.get(id) ?? null;
  }

  create(input: { channelId: string | null; ownerId: string; title: string | null }): ZaiaChatRecord {
    const channel = zaiaChannels.find((candidate) => candidate.id === input.channelId);
    const responderId = channel?.responderIds[0] ?? zaiaAgents[0]?.superIdentityId ?? "";
    const agent = zaiaAgents.find((candidate) => candidate.superIdentityId === responderId);
    const id = this.random.uuid();
    const at = this.now();
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
      last: null,
      penultimate: null,
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
    this.chats.push(chat);
    this.byId.set(id, chat);
    return chat;
  }

  update(
    chat: ZaiaChatRecord,
    changes: { title?: string | null; lastChatMessageCreatedAt?: string | null },
  ): void {
    if (changes.title !== undefined) chat.title = changes.title;
    if (changes.lastChatMessageCreatedAt !== undefined)
      chat.lastChatMessageCreatedAt = changes.lastChatMessageCreatedAt;
    chat.updatedAt = this.now();
  }

  remove(chat: ZaiaChatRecord): void {
    if (chat.isRemoved) return;
    chat.isRemoved = true;
    chat.updatedAt = this.now();
  }

  stats(): Record<string, number> {
    return {
      chats: this.chats.length,
      removedChats: this.chats.filter((chat) => chat.isRemoved).length,
      messages: this.chats.reduce((sum, chat) => sum + chat.thread.count, 0),
      owners: this.owners.size,
      channels: zaiaChannels.length,
      cachedThreads: cachedThreadCount(),
    };
  }
}
