/**
 * SigmaMind's in-memory state: the seed chats (immutable), plus the changes made through the API
 * (`PATCH` of agent or dynamic variables, chats created with `POST`). `reset()` drops the changes,
 * which restores the seed data exactly; cached threads survive because they never change.
 */
import { assistantText } from "../../core/content";
import { createRandom } from "../../core/random";
import {
  compareNewestFirst,
  findPersona,
  generateChatRecords,
  personas,
  type ChatRecord,
  type Persona,
} from "./data";
import { generateThread, responseOf, transcriptOf, type GeneratedThread } from "./threads";
import type { ChatStatus, DynamicVariables, WireChat, WireChatItem } from "./wire";

const CREATE_SEED = 0x5161_c000;

export interface ChatChange {
  agentId?: string;
  /** null clears the variables, as SigmaMind reports "null or empty" for chats without any. */
  dynamicVariables?: DynamicVariables | null;
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
  private readonly seedRecords: readonly ChatRecord[] = generateChatRecords();
  private readonly seedIndex = new Map(this.seedRecords.map((record) => [record.chatId, record]));
  private readonly threadCache = new Map<string, GeneratedThread>();
  /** Created chats, newest first. */
  private created: ChatRecord[] = [];
  private changes = new Map<string, ChatChange>();

  /** Chats newest first, optionally of one status, with every change applied. */
  list(status: ChatStatus | null): ChatRecord[] {
    const all = [...this.created, ...this.seedRecords].map((record) => this.withChanges(record));
    return status === null ? all : all.filter((record) => record.status === status);
  }

  /** The chat with every change applied, or undefined. */
  find(chatId: string): ChatRecord | undefined {
    const record =
      this.seedIndex.get(chatId) ?? this.created.find((candidate) => candidate.chatId === chatId);
    return record && this.withChanges(record);
  }

  /** Records a change until `reset()`; undefined when the chat does not exist. */
  update(chatId: string, change: ChatChange): ChatRecord | undefined {
    if (!this.find(chatId)) return undefined;
    this.changes.set(chatId, { ...this.changes.get(chatId), ...change });
    return this.find(chatId);
  }

  /** Adds an `in-progress` chat that is listed first until `reset()`. */
  create(request: NewChat): ChatRecord {
    const random = createRandom(CREATE_SEED + this.created.length);
    let chatId = `chat_${random.alphanumeric(16)}`;
    while (this.find(chatId)) chatId = `chat_${random.alphanumeric(16)}`;
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

  /** The chat's items, generated on first read and cached (threads never change). */
  threadOf(record: ChatRecord): GeneratedThread {
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

  /** Drops every change and created chat: the seed data again, exactly. */
  reset(): void {
    this.created = [];
    this.changes = new Map();
  }

  /** Sizes for `/__admin/stats`. */
  stats(): Record<string, number> {
    return {
      chats: this.seedRecords.length + this.created.length,
      agents: personas.length,
      createdChats: this.created.length,
      changedChats: this.changes.size,
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
    };
  }
}
