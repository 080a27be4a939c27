/**
 * SigmaMind's in-memory state: the seed chats (immutable), plus the changes made through the API
 * (`PATCH` of agent or dynamic variables, chats created with `POST`) and through the simulator's
 * live admin call (items appended, chats added or removed; see `live.ts`). `reset()` drops the
 * changes, which restores the seed data exactly; cached threads survive because they never change
 * (appended items are kept beside them, not in them).
 */
import { assistantText } from "../../core/content";
import { LruCache } from "../../core/lru";
import { createRandom } from "../../core/random";
import { compareNewestFirst, findPersona, personas, type ChatRecord, type Persona } from "./data";
import { generateThread, responseOf, transcriptOf, type GeneratedThread } from "./threads";
import type { ChatStatus, DynamicVariables, WireChat, WireChatItem } from "./wire";

const CREATE_SEED = 0x5161_c000;
/** Generated threads kept at once: every demo thread, a bounded share of a scale's. */
const THREAD_CACHE_SIZE = 1_000;

export interface ChatChange {
  agentId?: string;
  /** null clears the variables, as SigmaMind reports "null or empty" for chats without any. */
  dynamicVariables?: DynamicVariables | null;
  status?: ChatStatus;
  /** Items added after the generated thread by the live admin call, oldest first. */
  appendedItems?: readonly WireChatItem[];
}

export interface NewChat {
  agent: Persona;
  input: string;
  dynamicVariables: DynamicVariables | null;
  previousChat: ChatRecord | null;
}

/** A small string hash, so a created chat's reply depends only on what was asked. */
function hashText(text: string): number {
  let hash = 2166136261;
  for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 16777619);
  return hash >>> 0;
}

export class ChatStore {
  private readonly seedIndex: ReadonlyMap<string, ChatRecord>;
  private readonly threadCache = new LruCache<string, GeneratedThread>(THREAD_CACHE_SIZE);
  /** Created and added chats, newest first. */
  private created: ChatRecord[] = [];
  private changes = new Map<string, ChatChange>();
  /** Chats removed by the live admin call: gone from lists, 404 when read. */
  private removed = new Set<string>();

  /** `seedRecords`: newest first, as `generateChatRecords` builds them. */
  constructor(private readonly seedRecords: readonly ChatRecord[]) {
    this.seedIndex = new Map(seedRecords.map((record) => [record.chatId, record]));
  }

  /** Chats newest first, optionally of one status, with every change applied. */
  list(status: ChatStatus | null): ChatRecord[] {
    const all: ChatRecord[] = [];
    for (const records of [this.created, this.seedRecords])
      for (const record of records) {
        if (this.removed.has(record.chatId)) continue;
        const current = this.withChanges(record);
        if (status === null || current.status === status) all.push(current);
      }
    return all;
  }

  /** The chat with every change applied, or undefined (also when it was removed). */
  find(chatId: string): ChatRecord | undefined {
    if (this.removed.has(chatId)) return undefined;
    const record =
      this.seedIndex.get(chatId) ?? this.created.find((candidate) => candidate.chatId === chatId);
    return record && this.withChanges(record);
  }

  /** Whether any chat, removed ones included, ever had this id (new ids must avoid them all). */
  isTaken(chatId: string): boolean {
    return this.seedIndex.has(chatId) || this.created.some((candidate) => candidate.chatId === chatId);
  }

  /** The newest chat's creation time, so added chats are listed first. */
  newestCreatedAt(): string | undefined {
    return (this.created[0] ?? this.seedRecords[0])?.createdAt;
  }

  /** Records a change until `reset()`; undefined when the chat does not exist. */
  update(chatId: string, change: ChatChange): ChatRecord | undefined {
    if (!this.find(chatId)) return undefined;
    this.changes.set(chatId, { ...this.changes.get(chatId), ...change });
    return this.find(chatId);
  }

  /** Adds a chat made by the live admin call; it is listed by its `createdAt` until `reset()`. */
  add(record: ChatRecord): void {
    const newest = this.newestCreatedAt();
    // Added chats are the newest (the change clock sees to it), so the order usually stays as is.
    if (newest === undefined || record.createdAt > newest) this.created.unshift(record);
    else this.created = [record, ...this.created].sort(compareNewestFirst);
  }

  /** Items the live admin call appended to the chat so far, oldest first. */
  appendedItems(chatId: string): readonly WireChatItem[] {
    return this.changes.get(chatId)?.appendedItems ?? [];
  }

  /** Removes a chat until `reset()`; its id stays taken. */
  remove(chatId: string): void {
    this.removed.add(chatId);
  }

  /** Adds an `in-progress` chat that is listed first until `reset()`. */
  create(request: NewChat): ChatRecord {
    const random = createRandom(CREATE_SEED + this.created.length);
    let chatId = `chat_${random.alphanumeric(16)}`;
    while (this.isTaken(chatId)) chatId = `chat_${random.alphanumeric(16)}`;
    const newest = this.created[0] ?? this.seedRecords[0];
    const createdAt = new Date(
      Math.max(Date.now(), newest ? Date.parse(newest.createdAt) + 1 : 0),
    ).toISOString();
    const history = request.previousChat ? this.threadOf(request.previousChat).messages : [];
    const reply = assistantText(createRandom(hashText(request.input)));
    const messages: WireChatItem[] = [
      ...history,
      { id: `item_${random.alphanumeric(16)}`, role: "user", type: "message", content: [request.input] },
      { id: `item_${random.alphanumeric(16)}`, role: "assistant", type: "message", content: [reply] },
    ];
    const record: ChatRecord = {
      chatId,
      agentId: request.agent.agent.agentId,
      createdAt,
      status: "in-progress",
      dynamicVariables: request.dynamicVariables,
      thread: { kind: "fixed", messages, response: responseOf(messages), transcript: transcriptOf(messages) },
    };
    this.created = [record, ...this.created].sort(compareNewestFirst);
    return record;
  }

  /** The chat's items with any appended by the live admin call. */
  threadOf(record: ChatRecord): GeneratedThread {
    const base = this.baseThreadOf(record);
    const appended = this.changes.get(record.chatId)?.appendedItems ?? [];
    if (appended.length === 0) return base;
    const transcript = [base.transcript, transcriptOf(appended)].filter((text) => text !== "").join("\n");
    // A transcript-only chat keeps its items out of `messages[]`, new ones included.
    if (record.thread.kind === "generated" && record.thread.plan.transcriptOnly)
      return { messages: [], response: [], transcript };
    const messages = [...base.messages, ...appended];
    return { messages, response: responseOf(messages), transcript };
  }

  /** How many items the chat holds, transcript-only ones included, without generating it. */
  itemCount(record: ChatRecord): number {
    const appended = this.changes.get(record.chatId)?.appendedItems?.length ?? 0;
    const thread = record.thread;
    return appended + (thread.kind === "generated" ? thread.plan.length : thread.messages.length);
  }

  /** The thread as seeded, generated on first read and kept in a bounded cache (it never changes). */
  private baseThreadOf(record: ChatRecord): GeneratedThread {
    const thread = record.thread;
    if (thread.kind === "fixed") return thread;
    const cached = this.threadCache.get(record.chatId);
    if (cached) return cached;
    const generated = generateThread(thread.plan);
    this.threadCache.set(record.chatId, generated);
    return generated;
  }

  /** The chat object every chat endpoint answers with, keys in the documented order. */
  toWire(record: ChatRecord): WireChat {
    const thread = this.threadOf(record);
    const agent = record.agentId === null ? undefined : findPersona(record.agentId)?.agent;
    return {
      chatId: record.chatId,
      ...(agent ? { agent: { ...agent } } : {}),
      createdAt: record.createdAt,
      status: record.status,
      transcript: thread.transcript,
      response: thread.response,
      messages: thread.messages,
      dynamicVariables: record.dynamicVariables === null ? null : { ...record.dynamicVariables },
    };
  }

  /** Drops every change, created, added and removed chat: the seed data again, exactly. */
  reset(): void {
    this.created = [];
    this.changes = new Map();
    this.removed = new Set();
  }

  /** Sizes for `/__admin/stats`; `removedChats` only when the live admin call removed some. */
  stats(): Record<string, number> {
    return {
      chats: this.seedRecords.length + this.created.length - this.removed.size,
      agents: personas.length,
      createdChats: this.created.length,
      changedChats: this.changes.size,
      ...(this.removed.size > 0 ? { removedChats: this.removed.size } : {}),
      cachedThreads: this.threadCache.size,
    };
  }

  private withChanges(record: ChatRecord): ChatRecord {
    const change = this.changes.get(record.chatId);
    if (!change) return record;
    return {
      ...record,
      ...(change.agentId === undefined ? {} : { agentId: change.agentId }),
      ...(change.dynamicVariables === undefined ? {} : { dynamicVariables: change.dynamicVariables }),
      ...(change.status === undefined ? {} : { status: change.status }),
    };
  }
}
