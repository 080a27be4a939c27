/**
 * A small client for Parley's HTTP API as a browser would use it: the session cookie from
 * `POST /api/auth/sign-in/email`, the `Origin` header every mutating request needs, and zod
 * schemas for the parts of the answers the bench and the resilience suite read.
 */
import { z } from "zod";
import { apiErrorSchema, moderationStateSchema } from "@/lib/conversations/api-schemas";
import { syncStatusSchema, type SyncStatus } from "@/lib/model/sync-status";
import { backfillFinished } from "./sync-calls";
import {
  conversationPageSchema,
  providerIdSchema,
  providerIds,
  threadPageSchema,
  messagePageSchema,
  type Conversation,
  type ConversationPage,
  type Notice,
  type ProviderId,
} from "@/lib/model/conversation";

export { apiErrorSchema, conversationPageSchema, messagePageSchema, threadPageSchema };
export type { Conversation, ConversationPage, Notice };

/** `GET /api/health` as a signed-in user: the database and each connection. */
export const healthSchema = z.object({
  status: z.string(),
  database: z.object({ kind: z.string(), ok: z.boolean() }),
  connections: z.array(
    z.object({ id: z.string(), name: z.string(), provider: providerIdSchema, reachable: z.boolean() }),
  ),
});

const auditRowSchema = z.object({
  id: z.number(),
  action: z.string(),
  outcome: z.enum(["success", "failure"]),
  actorEmail: z.string().nullable(),
});

/** `GET …/history`: this conversation's newest audit rows (at most 100). */
export const historySchema = z.object({ items: z.array(auditRowSchema) });

/** `GET /api/audit`: a page of audit rows, newest first. */
export const auditPageSchema = historySchema.extend({ nextCursor: z.string().nullable() });

/** `PATCH …`: the conversation's moderation state after the change. */
export const moderationAnswerSchema = z.object({ state: moderationStateSchema });

/** An answer of Parley's API, body kept as text and as parsed JSON. */
export interface ApiAnswer {
  status: number;
  /** Milliseconds from sending to the whole body read. */
  ms: number;
  headers: Headers;
  text: string;
  /** Parsed JSON, or undefined when the body is empty or not JSON. */
  json: unknown;
}

const REQUEST_TIMEOUT_MS = 60_000;

function parseJson(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** One signed-in user's view of one Parley instance. */
export class ParleyApi {
  constructor(
    readonly baseUrl: string,
    readonly cookie: string | null,
  ) {}

  async call(method: string, path: string, body?: unknown): Promise<ApiAnswer> {
    const headers: Record<string, string> = { accept: "application/json" };
    if (this.cookie) headers.cookie = this.cookie;
    if (method !== "GET" && method !== "HEAD") headers.origin = this.baseUrl;
    if (body !== undefined) headers["content-type"] = "application/json";
    const started = performance.now();
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      redirect: "manual",
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await response.text();
    return {
      status: response.status,
      ms: performance.now() - started,
      headers: response.headers,
      text,
      json: parseJson(text),
    };
  }

  /** GET that must answer 200 with a body matching `schema`. */
  async get<T>(path: string, schema: z.ZodType<T>): Promise<T> {
    const answer = await this.call("GET", path);
    if (answer.status !== 200)
      throw new Error(`GET ${path} answered ${answer.status}: ${answer.text.slice(0, 300)}`);
    return schema.parse(answer.json);
  }
}

/** Signs in and returns the session cookie (`better-auth.session_token=…`). */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify({ email, password }),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await response.text();
  if (response.status !== 200)
    throw new Error(`sign-in as ${email} answered ${response.status}: ${text.slice(0, 300)}`);
  const cookie = response.headers
    .getSetCookie()
    .find((value) => value.startsWith("better-auth.session_token="));
  const pair = cookie?.split(";")[0];
  if (!pair) throw new Error(`sign-in as ${email} set no session cookie`);
  return pair;
}

/** The demo accounts `PARLEY_DEMO=1` seeds. */
export const demoAccounts = {
  staff: { email: "staff@parley.local", password: "parley-demo-staff" },
  admin: { email: "admin@parley.local", password: "parley-demo-admin" },
} as const;

/** Each provider's demo connection id. */
export type ProviderConnections = Record<ProviderId, string>;

/** Each provider's demo connection id, from `/api/health` as the demo admin (anonymous health has no detail). */
export async function demoConnections(baseUrl: string): Promise<ProviderConnections> {
  const cookie = await signIn(baseUrl, demoAccounts.admin.email, demoAccounts.admin.password);
  const health = await new ParleyApi(baseUrl, cookie).get("/api/health", healthSchema);
  const byProvider = new Map(health.connections.map((connection) => [connection.provider, connection.id]));
  const missing = providerIds.filter((provider) => !byProvider.has(provider));
  if (missing.length > 0) throw new Error(`no demo connection for ${missing.join(", ")}`);
  const pick = (provider: ProviderId) => byProvider.get(provider) ?? "";
  return {
    sigmamind: pick("sigmamind"),
    cozmox: pick("cozmox"),
    zaia: pick("zaia"),
    chatling: pick("chatling"),
  };
}

/** `/api/conversations/:connectionId/:conversationId`, both encoded. */
export const conversationPath = (connectionId: string, conversationId: string) =>
  `/api/conversations/${encodeURIComponent(connectionId)}/${encodeURIComponent(conversationId)}`;

/**
 * Waits until every connection's first listing is in the index (`GET /api/sync` says `listed`), so
 * a run that reads the list starts from every provider's rows and not from a half-built index.
 */
export async function waitForFirstSync(api: ParleyApi, timeoutMs = 120_000): Promise<SyncStatus> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await api.get("/api/sync", syncStatusSchema);
    if (status.connections.length > 0 && status.connections.every((connection) => connection.listed))
      return status;
    if (Date.now() > deadline) {
      const waiting = status.connections
        .filter((connection) => !connection.listed)
        .map(
          (connection) =>
            `${connection.connectionName} (${connection.state}: ${connection.lastError ?? "no error"})`,
        );
      throw new Error(
        `the first sync did not list every connection in ${timeoutMs} ms: ${waiting.join(", ")}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/**
 * Waits until no connection is backfilling (every transcript the backfill reads is in the index),
 * so measurements of the index's reads do not share the machine's two cores with a backfill.
 */
export async function waitForBackfill(api: ParleyApi, timeoutMs = 600_000): Promise<SyncStatus> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await api.get("/api/sync", syncStatusSchema);
    if (backfillFinished(status.connections)) return status;
    if (Date.now() > deadline) {
      const states = status.connections.map(
        (connection) => `${connection.connectionName} ${connection.state}`,
      );
      throw new Error(`the backfill did not finish in ${timeoutMs / 1000} s: ${states.join(", ")}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}
