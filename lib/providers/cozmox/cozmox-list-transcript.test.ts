/**
 * `cozmoxListTranscript` on hand-made chats: a chain's thread from its latest chat's kept history
 * (earlier chats drop theirs, so history is kept once), a session's chat by chat, both equal to
 * what `listMessages` assembles; and no transcript wherever the kept messages cannot vouch for the
 * whole thread.
 */
import { describe, expect, it } from "vitest";
import { assembleCozmoxChain } from "./assemble-cozmox-chain";
import { assembleCozmoxThread } from "./assemble-cozmox-thread";
import { buildCozmoxChatIndex, type CozmoxConversationEntry } from "./cozmox-chat-index";
import { cozmoxListTranscript } from "./cozmox-list-transcript";
import { summarizeCozmoxChat } from "./group-cozmox-chats";
import { cozmoxChatSchema, type CozmoxChat } from "./wire-schemas";

const user = (content: string) => ({ role: "user", content });
const bot = (content: string) => ({ role: "assistant", content });
const chat = (fields: Record<string, unknown>): CozmoxChat =>
  cozmoxChatSchema.parse({ updatedAt: fields.createdAt, ...fields });

const chain = [
  chat({
    id: "k1",
    createdAt: "2026-11-19T09:00:00.000Z",
    input: "Hi",
    output: [bot("Hello!")],
    cost: 0.001,
  }),
  chat({
    id: "k2",
    previousChatId: "k1",
    createdAt: "2026-11-19T09:05:00.000Z",
    input: "Where is my order?",
    messages: [user("Hi"), bot("Hello!"), user("Where is my order?")],
    output: [bot("It shipped.")],
    cost: 0.002,
  }),
];
const session = [
  chat({
    id: "s1",
    sessionId: "sess",
    createdAt: "2026-11-19T10:00:00.000Z",
    input: "Refund?",
    output: [bot("Sure.")],
  }),
  chat({
    id: "s2",
    sessionId: "sess",
    createdAt: "2026-11-19T10:01:00.000Z",
    input: "Thanks",
    messages: [user("Refund?"), bot("Sure."), user("Thanks")],
    output: [bot("Anytime.")],
    cost: 0.004,
  }),
];

function entries(chats: readonly CozmoxChat[], keepThreads: boolean, capped = false) {
  const summaries = chats.map((one) => summarizeCozmoxChat(one, keepThreads));
  const index = buildCozmoxChatIndex({
    chats: {
      chats: new Map(summaries.map((one) => [one.id, one])),
      newest: null,
      capped,
      threads: keepThreads,
    },
    sessions: { sessions: null, newest: null },
  });
  const byId = (id: string): CozmoxConversationEntry => {
    const entry = index.byId.get(id);
    if (!entry) throw new Error(`no ${id}`);
    return entry;
  };
  return { index, byId };
}

describe("cozmoxListTranscript", () => {
  it("assembles a chain from its latest chat's kept history, as listMessages does; earlier chats keep none", () => {
    const { byId } = entries([...chain, ...session], true);
    const entry = byId("chat:k1");
    expect(entry.chats.map((one) => one.thread?.kind ?? null)).toEqual([null, "history"]);
    expect(cozmoxListTranscript(entry, true)).toEqual(assembleCozmoxChain("chat:k1", chain[1]!, entry.chats));
    expect(cozmoxListTranscript(entry, true)?.map((message) => message.text)).toEqual([
      "Hi",
      "Hello!",
      "Where is my order?",
      "It shipped.",
    ]);
  });

  it("assembles a session chat by chat, as listMessages does", () => {
    const { byId } = entries([...chain, ...session], true);
    expect(cozmoxListTranscript(byId("sess"), true)).toEqual(assembleCozmoxThread("sess", session));
    expect(cozmoxListTranscript(byId("sess"), true)?.map((message) => message.text)).toEqual([
      "Refund?",
      "Sure.",
      "Thanks",
      "Anytime.",
    ]);
  });

  it("gives none without kept messages, nor for a session when the org's chats were cut at the bound", () => {
    const plain = entries([...chain, ...session], false);
    expect(cozmoxListTranscript(plain.byId("chat:k1"), true)).toBeUndefined();
    expect(cozmoxListTranscript(plain.byId("sess"), true)).toBeUndefined();
    const capped = entries([...chain, ...session], true, true);
    expect(cozmoxListTranscript(capped.byId("sess"), false)).toBeUndefined();
    expect(capped.byId("sess").chats.every((one) => one.thread === null)).toBe(true);
    // A chain's latest chat holds the whole history, whatever the bound cut.
    expect(cozmoxListTranscript(capped.byId("chat:k1"), false)).toHaveLength(4);
  });
});
