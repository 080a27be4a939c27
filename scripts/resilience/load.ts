/**
 * The load: many signed-in clients (a few sessions shared between them) browse lists and threads
 * and moderate their own conversations, with a short think time between actions, recording every
 * request and answer. Each conversation belongs to exactly one client, so the expected final state
 * of each is known from that client's record alone.
 */
import { z } from "zod";
import type { ModerationBody, ModerationState } from "@/lib/conversations/api-schemas";
import type { ProviderId } from "@/lib/model/conversation";
import { CallBudget } from "@/bench/lib/call-budget";
import {
  apiErrorSchema,
  conversationPath,
  moderationAnswerSchema,
  type ParleyApi,
  type ProviderConnections,
} from "@/bench/lib/parley-api";
import { sleep } from "@/bench/lib/processes";
import { chatlingCost, type ChatlingGate } from "./chatling-gate";
import { fields, nextChange, type ModerationRecord } from "./moderation-ledger";

/** A conversation one client alone moderates, with its state before the load. */
export interface OwnedConversation {
  key: string;
  connectionId: string;
  provider: ProviderId;
  id: string;
  initial: ModerationState;
}

/** A conversation any client may open. */
export interface BrowseTarget {
  connectionId: string;
  id: string;
}

/** Everything the load needs. */
export interface LoadSetup {
  sessions: readonly ParleyApi[];
  connections: ProviderConnections;
  /** Per client, the conversations it alone moderates. */
  owned: readonly (readonly OwnedConversation[])[];
  /** Conversations any client may open (no Chatling: its budget is kept for moderation). */
  browse: readonly BrowseTarget[];
  gate: ChatlingGate;
  durationMs: number;
  thinkMs: { min: number; max: number };
}

/** One request of the load and its answer. */
export interface RequestRecord {
  kind: string;
  status: number | null;
  ms: number;
  /** A list answer that carried a "failed" notice (a connection left out). */
  degraded: boolean;
}

/** Every request and moderation of the load. */
export interface LoadOutcome {
  requests: RequestRecord[];
  moderation: Map<string, ModerationRecord[]>;
  /** The first few requests that got no answer or a 4xx/5xx, with what came back. */
  problems: string[];
  durationMs: number;
}

const MAX_PROBLEMS_KEPT = 20;

/**
 * Chatling calls the load itself may start in a minute (moderation of the Chatling conversations
 * some clients own, and lists of every connection), leaving the rest of the budget for the checks.
 */
const LOAD_CHATLING_PER_MINUTE = { moderation: 60, lists: 40 } as const;

const cursorSchema = z.object({ nextCursor: z.string().nullable() });
type Cursor = { path: string; cursor: string };
const listViews = ["important", "archived", "trash"] as const;
const browsedProviders = ["sigmamind", "zaia", "cozmox"] as const;

/** A small seeded generator (mulberry32), so each client's choices repeat from run to run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function pick<T>(random: () => number, items: readonly T[]): T | undefined {
  return items[Math.floor(random() * items.length)];
}

/** Runs every client until the duration ends, then waits for their last requests. */
export async function runLoad(setup: LoadSetup): Promise<LoadOutcome> {
  const outcome: LoadOutcome = { requests: [], moderation: new Map(), problems: [], durationMs: 0 };
  const chatlingBudgets = {
    moderation: new CallBudget({ limit: LOAD_CHATLING_PER_MINUTE.moderation, windowMs: 61_000 }),
    lists: new CallBudget({ limit: LOAD_CHATLING_PER_MINUTE.lists, windowMs: 61_000 }),
  };
  const started = Date.now();
  const deadline = started + setup.durationMs;
  for (const list of setup.owned) for (const owned of list) outcome.moderation.set(owned.key, []);

  async function send(api: ParleyApi, kind: string, method: string, path: string, body?: unknown) {
    try {
      const answer = await api.call(method, path, body);
      const degraded =
        kind.startsWith("list") && answer.status === 200 && answer.text.includes('"kind":"failed"');
      outcome.requests.push({ kind, status: answer.status, ms: answer.ms, degraded });
      if ((answer.status >= 400 || degraded) && outcome.problems.length < MAX_PROBLEMS_KEPT) {
        const said = degraded
          ? `with a failed notice: ${/"kind":"failed".*?"message":"([^"]*)"/.exec(answer.text)?.[1] ?? ""}`
          : answer.text.slice(0, 240);
        outcome.problems.push(
          `${method} ${path}${body === undefined ? "" : ` ${JSON.stringify(body)}`} → ${answer.status} ${said}`,
        );
      }
      return answer;
    } catch (error) {
      outcome.requests.push({ kind, status: null, ms: 0, degraded: false });
      if (outcome.problems.length < MAX_PROBLEMS_KEPT)
        outcome.problems.push(
          `${method} ${path} → no answer: ${error instanceof Error ? error.message : String(error)}`,
        );
      return null;
    }
  }

  /** Room for a Chatling-touching action now, without waiting (else the client does something else). */
  async function chatlingRoom(use: keyof typeof chatlingBudgets, calls: number): Promise<boolean> {
    const budget = chatlingBudgets[use];
    if (budget.waitFor(calls) > 0) return false;
    budget.record(calls);
    await setup.gate.pass(calls);
    return true;
  }

  async function client(index: number): Promise<void> {
    const session = setup.sessions[index % setup.sessions.length];
    const owned = setup.owned[index] ?? [];
    if (!session) return;
    const api: ParleyApi = session;
    const random = seededRandom(index + 1);
    const current = new Map(owned.map((conversation) => [conversation.key, { ...conversation.initial }]));
    const cursors: { list: Cursor | null; thread: Cursor | null } = { list: null, thread: null };
    let moderations = 0;

    const listPath = (connectionId: string | null, view = "inbox", limit = 25) =>
      `/api/conversations?${connectionId ? `connection=${encodeURIComponent(connectionId)}&` : ""}view=${view}&limit=${limit}`;

    /** Reads a list page (`cursor` continues `path`) and remembers where the next page starts. */
    async function list(path: string, kind: string, cursor?: string) {
      const answer = await send(
        api,
        kind,
        "GET",
        cursor ? `${path}&cursor=${encodeURIComponent(cursor)}` : path,
      );
      const parsed = answer?.status === 200 ? cursorSchema.safeParse(answer.json) : null;
      cursors.list =
        parsed?.success && parsed.data.nextCursor ? { path, cursor: parsed.data.nextCursor } : null;
    }

    async function moderate(): Promise<void> {
      let target = pick(random, owned);
      if (target?.provider === "chatling" && !(await chatlingRoom("moderation", chatlingCost.moderation)))
        target = pick(
          random,
          owned.filter((conversation) => conversation.provider !== "chatling"),
        );
      const state = target ? current.get(target.key) : undefined;
      const field = pick(random, fields);
      if (!target || !state || !field) return;
      moderations += 1;
      const change: ModerationBody = nextChange(state, field, `${index}.${moderations}`);
      const answer = await send(
        api,
        "moderate",
        "PATCH",
        conversationPath(target.connectionId, target.id),
        change,
      );
      const answered = answer?.status === 200 ? moderationAnswerSchema.safeParse(answer.json) : null;
      const error = answer && answer.status !== 200 ? apiErrorSchema.safeParse(answer.json) : null;
      outcome.moderation.get(target.key)?.push({
        conversationKey: target.key,
        change,
        status: answer?.status ?? null,
        errorCode: error?.success ? error.data.error.code : null,
        answeredState: answered?.success ? answered.data.state : null,
      });
      if (answer?.status === 200) Object.assign(state, change);
    }

    while (Date.now() < deadline) {
      const roll = random();
      if (roll < 0.3) await moderate();
      else if (roll < 0.52)
        await list(listPath(setup.connections[pick(random, browsedProviders) ?? "zaia"]), "list");
      else if (roll < 0.62 && cursors.list) {
        const { path, cursor } = cursors.list;
        await list(path, "list-next", cursor);
      } else if (roll < 0.8) {
        const target = pick(random, setup.browse);
        if (target) {
          const path = conversationPath(target.connectionId, target.id);
          const answer = await send(api, "thread", "GET", `${path}?limit=200`);
          const parsed = answer?.status === 200 ? cursorSchema.safeParse(answer.json) : null;
          cursors.thread =
            parsed?.success && parsed.data.nextCursor ? { path, cursor: parsed.data.nextCursor } : null;
        }
      } else if (roll < 0.84 && cursors.thread) {
        const { path, cursor } = cursors.thread;
        await send(
          api,
          "thread-next",
          "GET",
          `${path}/messages?limit=200&cursor=${encodeURIComponent(cursor)}`,
        );
        cursors.thread = null;
      } else if (roll < 0.9) {
        const target = pick(random, owned);
        if (target)
          await send(api, "history", "GET", `${conversationPath(target.connectionId, target.id)}/history`);
      } else if (roll < 0.94) {
        const provider = pick(random, browsedProviders) ?? "zaia";
        await list(listPath(setup.connections[provider], pick(random, listViews), 10), "list-view");
      } else if (await chatlingRoom("lists", chatlingCost.list)) await list(listPath(null), "list-all");
      else await list(listPath(setup.connections.sigmamind), "list");
      await sleep(setup.thinkMs.min + random() * (setup.thinkMs.max - setup.thinkMs.min));
    }
  }

  await Promise.all(setup.owned.map((_owned, index) => client(index)));
  outcome.durationMs = Date.now() - started;
  return outcome;
}

/** The nearest-rank percentile (`share` from 0 to 1), NaN for no values. */
export function percentile(values: readonly number[], share: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? Number.NaN;
}

/** Totals of a load run for the report: overall and per kind of request. */
export function summarizeLoad(outcome: LoadOutcome) {
  const answered = outcome.requests.filter((request) => request.status !== null);
  const times = (requests: readonly RequestRecord[]) => requests.map((request) => request.ms);
  const byKind = Object.fromEntries(
    [...new Set(answered.map((request) => request.kind))].map((kind) => {
      const ofKind = times(answered.filter((request) => request.kind === kind));
      return [
        kind,
        {
          requests: ofKind.length,
          p50Ms: Math.round(percentile(ofKind, 0.5)),
          p99Ms: Math.round(percentile(ofKind, 0.99)),
        },
      ];
    }),
  );
  return {
    seconds: Math.round(outcome.durationMs / 1000),
    requests: outcome.requests.length,
    p50Ms: Math.round(percentile(times(answered), 0.5)),
    p99Ms: Math.round(percentile(times(answered), 0.99)),
    moderationRequests: [...outcome.moderation.values()].reduce((sum, records) => sum + records.length, 0),
    byKind,
    problems: outcome.problems,
  };
}
