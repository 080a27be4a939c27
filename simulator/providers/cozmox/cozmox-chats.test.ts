/**
 * The chat API as seed 002 documents it: chats grouped by `sessionId`, chains linked by
 * `previousChatId` (each chat carrying the whole history before it), one-off chats with neither,
 * and accounts where `/session` is empty or absent.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { simulatorKeys } from "../../keys";
import { startSimulator, type RunningSimulator } from "../../core/server";
import { startTestSimulator } from "../../testing";
import { generateCozmoxData } from "./data";
import { createCozmoxProvider } from "./index";

const chatSchema = z.looseObject({
  id: z.string(),
  createdAt: z.string(),
  sessionId: z.string().optional(),
  previousChatId: z.string().optional(),
  name: z.string().optional(),
  messages: z.array(z.unknown()).optional(),
  output: z.array(z.unknown()).optional(),
});
type Chat = z.infer<typeof chatSchema>;
const pageSchema = z.object({
  results: z.array(z.looseObject({ id: z.string() })),
  metadata: z.object({ itemsPerPage: z.number(), totalItems: z.number(), currentPage: z.number() }),
});

const auth = { authorization: `Bearer ${simulatorKeys.cozmox.primary}` };

async function call(simulator: RunningSimulator, path: string) {
  const response = await fetch(`${simulator.url}/cozmox${path}`, { headers: auth });
  return { status: response.status, body: (await response.json()) as unknown };
}

async function allChats(simulator: RunningSimulator): Promise<Chat[]> {
  const chats: Chat[] = [];
  for (let page = 1; page < 20; page++) {
    const { body } = await call(simulator, `/chat?limit=1000&sortOrder=ASC&page=${page}`);
    const { results } = pageSchema.parse(body);
    chats.push(...results.map((row) => chatSchema.parse(row)));
    if (results.length < 1000) break;
  }
  return chats;
}

let simulator: RunningSimulator;
let chats: Chat[];
beforeAll(async () => {
  simulator = await startTestSimulator();
  chats = await allChats(simulator);
});
afterAll(async () => simulator.close());

describe("Cozmox simulator: how chats form conversations", () => {
  it("serves one-off chats with neither sessionId nor previousChatId", () => {
    const loose = chats.filter((chat) => !chat.sessionId && !chat.previousChatId);
    const followed = new Set(chats.map((chat) => chat.previousChatId));
    expect(loose.filter((chat) => !followed.has(chat.id)).length).toBeGreaterThan(20);
  });

  it("links chains by previousChatId, each chat carrying the whole history before it", () => {
    const byId = new Map(chats.map((chat) => [chat.id, chat]));
    // Seed 002's example prints both fields (`<string>`, its own id); every generated chat has one.
    const linked = chats.filter((chat) => chat.previousChatId !== undefined && chat.id !== "<string>");
    expect(linked.length).toBeGreaterThan(100);
    for (const chat of linked) {
      expect(chat.sessionId, "sessionId and previousChatId are mutually exclusive").toBeUndefined();
      const previous = byId.get(chat.previousChatId ?? "");
      if (!previous) throw new Error(`chat ${chat.id} follows a chat that does not exist`);
      expect(Date.parse(previous.createdAt)).toBeLessThan(Date.parse(chat.createdAt));
      const history = [...(previous.messages ?? []), ...(previous.output ?? [])];
      expect(chat.messages?.slice(0, history.length)).toEqual(history);
    }
    // Some chains are longer than a session's 20-message window: the whole history still travels.
    expect(Math.max(...linked.map((chat) => chat.messages?.length ?? 0))).toBeGreaterThan(22);
  });

  it("names a chain on its first chat and never lists a chain as a session", async () => {
    const firsts = chats.filter(
      (chat) =>
        !chat.sessionId && !chat.previousChatId && chats.some((next) => next.previousChatId === chat.id),
    );
    expect(firsts.some((chat) => chat.name !== undefined)).toBe(true);
    const { body } = await call(simulator, "/session?limit=1000");
    const sessionIds = new Set(pageSchema.parse(body).results.map((session) => session.id));
    expect(firsts.every((chat) => !sessionIds.has(chat.id))).toBe(true);
    expect(chats.filter((chat) => chat.sessionId).every((chat) => sessionIds.has(chat.sessionId ?? ""))).toBe(
      true,
    );
  });

  it("builds the org as a function of a count and a seed", () => {
    const small = generateCozmoxData({ conversations: 30 });
    const full = generateCozmoxData();
    expect(small.conversations).toHaveLength(31);
    expect(small.conversations.slice(0, 30)).toEqual(full.conversations.slice(0, 30));
    const other = generateCozmoxData({ conversations: 30, seed: 7 });
    expect(other.conversations[20]?.id).not.toBe(small.conversations[20]?.id);
    expect(new Set(small.conversations.map((conversation) => conversation.grouping))).toEqual(
      new Set(["session", "chain"]),
    );
  });
});

describe("Cozmox simulator: accounts without sessions", () => {
  it("answers every /session path with 404 when sessions are absent; chats still work", async () => {
    const absent = await startSimulator({
      port: 0,
      providers: [createCozmoxProvider({ sessions: "absent" })],
    });
    try {
      for (const path of ["/session", "/session?limit=1", "/session/%3Cstring%3E"]) {
        const { status, body } = await call(absent, path);
        expect(status).toBe(404);
        expect(body).toMatchObject({ statusCode: 404, error: "Not Found" });
        expect(JSON.stringify(body)).toContain('"message":"Cannot GET /session');
      }
      const { status, body } = await call(absent, "/chat/%3Cstring%3E");
      expect(status).toBe(200);
      expect(body).toMatchObject({ id: "<string>", sessionId: "<string>" });
    } finally {
      await absent.close();
    }
  });

  it("lists no session when sessions are empty", async () => {
    const empty = await startSimulator({ port: 0, providers: [createCozmoxProvider({ sessions: "empty" })] });
    try {
      const { status, body } = await call(empty, "/session?limit=5");
      expect(status).toBe(200);
      expect(body).toEqual({ results: [], metadata: { itemsPerPage: 5, totalItems: 0, currentPage: 1 } });
      expect((await call(empty, "/session/%3Cstring%3E")).status).toBe(404);
      expect(pageSchema.parse((await call(empty, "/chat?limit=1")).body).metadata.totalItems).toBe(2957);
    } finally {
      await empty.close();
    }
  });

  it("reads the mode from SIMULATOR_COZMOX_SESSIONS and refuses a word it does not know", () => {
    const saved = process.env.SIMULATOR_COZMOX_SESSIONS;
    try {
      process.env.SIMULATOR_COZMOX_SESSIONS = "sometimes";
      expect(() => createCozmoxProvider()).toThrow(/served, empty, absent/);
      process.env.SIMULATOR_COZMOX_SESSIONS = "absent";
      const routes = createCozmoxProvider().routes.filter((route) => route.pattern.startsWith("/session"));
      expect(routes).toHaveLength(3);
    } finally {
      if (saved === undefined) delete process.env.SIMULATOR_COZMOX_SESSIONS;
      else process.env.SIMULATOR_COZMOX_SESSIONS = saved;
    }
  });
});
