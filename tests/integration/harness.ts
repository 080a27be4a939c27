/**
 * Integration harness: the real route handlers, services, adapters and HTTP client, against a
 * real simulator on a free loopback port and an in-memory PGlite (or TEST_DATABASE_URL). Requests
 * are made as `Request` objects and routed to the same modules Next.js serves.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Database } from "@/lib/db/client";
import type { RunningSimulator } from "@/simulator/core/server";
import { resetSimulator, setFaults, startTestSimulator } from "@/simulator/testing";

type RouteModule = Record<string, unknown>;
type RouteEntry = { pattern: string; load: () => Promise<RouteModule> };

/** Every API route, as Next.js maps them. */
export const apiRoutes: RouteEntry[] = [
  { pattern: "/api/health", load: () => import("@/app/api/health/route") },
  { pattern: "/api/openapi.json", load: () => import("@/app/api/openapi.json/route") },
  { pattern: "/api/conversations", load: () => import("@/app/api/conversations/route") },
  { pattern: "/api/conversations/export", load: () => import("@/app/api/conversations/export/route") },
  {
    pattern: "/api/conversations/:connectionId/:conversationId",
    load: () => import("@/app/api/conversations/[connectionId]/[conversationId]/route"),
  },
  {
    pattern: "/api/conversations/:connectionId/:conversationId/messages",
    load: () => import("@/app/api/conversations/[connectionId]/[conversationId]/messages/route"),
  },
  {
    pattern: "/api/conversations/:connectionId/:conversationId/export",
    load: () => import("@/app/api/conversations/[connectionId]/[conversationId]/export/route"),
  },
  {
    pattern: "/api/conversations/:connectionId/:conversationId/history",
    load: () => import("@/app/api/conversations/[connectionId]/[conversationId]/history/route"),
  },
  {
    pattern: "/api/conversations/:connectionId/:conversationId/labels",
    load: () => import("@/app/api/conversations/[connectionId]/[conversationId]/labels/route"),
  },
  {
    pattern: "/api/conversations/:connectionId/:conversationId/notes",
    load: () => import("@/app/api/conversations/[connectionId]/[conversationId]/notes/route"),
  },
  {
    pattern: "/api/conversations/:connectionId/:conversationId/notes/:noteId",
    load: () => import("@/app/api/conversations/[connectionId]/[conversationId]/notes/[noteId]/route"),
  },
  { pattern: "/api/users/directory", load: () => import("@/app/api/users/directory/route") },
  {
    pattern: "/api/conversations/:connectionId/:conversationId/review",
    load: () => import("@/app/api/conversations/[connectionId]/[conversationId]/review/route"),
  },
  { pattern: "/api/review/options", load: () => import("@/app/api/review/options/route") },
  { pattern: "/api/analytics/review", load: () => import("@/app/api/analytics/review/route") },
  { pattern: "/api/labels", load: () => import("@/app/api/labels/route") },
  { pattern: "/api/labels/:id", load: () => import("@/app/api/labels/[id]/route") },
  {
    pattern: "/api/labels/:id/conversations",
    load: () => import("@/app/api/labels/[id]/conversations/route"),
  },
  { pattern: "/api/facets", load: () => import("@/app/api/facets/route") },
  { pattern: "/api/bulk", load: () => import("@/app/api/bulk/route") },
  { pattern: "/api/bulk/:id", load: () => import("@/app/api/bulk/[id]/route") },
  { pattern: "/api/bulk/:id/retry", load: () => import("@/app/api/bulk/[id]/retry/route") },
  { pattern: "/api/bulk/:id/undo", load: () => import("@/app/api/bulk/[id]/undo/route") },
  { pattern: "/api/analytics/costs", load: () => import("@/app/api/analytics/costs/route") },
  { pattern: "/api/sync", load: () => import("@/app/api/sync/route") },
  { pattern: "/api/connections", load: () => import("@/app/api/connections/route") },
  { pattern: "/api/connections/test", load: () => import("@/app/api/connections/test/route") },
  { pattern: "/api/connections/:id", load: () => import("@/app/api/connections/[id]/route") },
  { pattern: "/api/audit", load: () => import("@/app/api/audit/route") },
  { pattern: "/api/audit/export", load: () => import("@/app/api/audit/export/route") },
  { pattern: "/api/users/sign-in-locks", load: () => import("@/app/api/users/sign-in-locks/route") },
  { pattern: "/api/views", load: () => import("@/app/api/views/route") },
  // Before `/api/views/:id`, as Next.js prefers a static segment to a dynamic one.
  { pattern: "/api/views/counts", load: () => import("@/app/api/views/counts/route") },
  { pattern: "/api/views/:id", load: () => import("@/app/api/views/[id]/route") },
  { pattern: "/api/settings", load: () => import("@/app/api/settings/route") },
  { pattern: "/api/csp-report", load: () => import("@/app/api/csp-report/route") },
  { pattern: "/api/auth/*", load: () => import("@/app/api/auth/[...all]/route") },
];

/** The first full sync of every connection, awaited, without a request budget (see above). */
export async function syncEverything(db: Database): Promise<void> {
  const { connections } = await import("@/lib/db/schema");
  const { handleFor } = await import("@/lib/connections/runtime");
  const { withKey } = await import("@/lib/connections/repository");
  const { syncToEnd } = await import("@/lib/index/sync/run-sync");
  const { clearProcessState } = await import("@/lib/process-state");
  const rows = await db.select().from(connections);
  // The embedded database shares this thread with the simulator: under load a provider call can
  // wait longer than the 1.5 s the fault tests use, so the first sync gets a roomier timeout.
  const timeout = process.env.PARLEY_PROVIDER_TIMEOUT_MS;
  process.env.PARLEY_PROVIDER_TIMEOUT_MS = "30000";
  clearProcessState("config");
  const handles = rows.map((row) => ({ row, handle: handleFor(withKey(row), null) }));
  process.env.PARLEY_PROVIDER_TIMEOUT_MS = timeout;
  clearProcessState("config");
  // Like the job queue, a run that failed (a timeout while the embedded database kept this thread
  // busy) is tried again; it resumes from its bookmarks.
  await Promise.all(
    handles.map(async ({ row, handle }) => {
      for (let attempt = 1; ; attempt++) {
        try {
          await syncToEnd(db, handle, row.indexTranscripts, { budgetMs: 600_000 });
          return;
        } catch (error) {
          if (attempt >= 5) throw error;
          await new Promise((resolve) => setTimeout(resolve, 500));
        }
      }
    }),
  );
}

export const ORIGIN = "http://127.0.0.1:3999";

function match(pattern: string, pathname: string): Record<string, string> | null {
  if (pattern.endsWith("/*")) return pathname.startsWith(pattern.slice(0, -1)) ? {} : null;
  const expected = pattern.split("/");
  const actual = pathname.split("/");
  if (expected.length !== actual.length) return null;
  const params: Record<string, string> = {};
  for (let index = 0; index < expected.length; index++) {
    const part = expected[index] as string;
    const value = actual[index] as string;
    if (part.startsWith(":")) params[part.slice(1)] = decodeURIComponent(value);
    else if (part !== value) return null;
  }
  return params;
}

export interface CallOptions {
  cookie?: string;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}

export interface Harness {
  simulator: RunningSimulator;
  call(method: string, url: string, options?: CallOptions): Promise<Response>;
  json<T = unknown>(method: string, url: string, options?: CallOptions): Promise<{ status: number; body: T }>;
  signIn(email: string, password: string): Promise<string>;
  adminCookie: string;
  staffCookie: string;
  connectionIds: Record<"sigmamind" | "cozmox" | "zaia" | "chatling", string>;
  setFaults(provider: string, faults: Record<string, unknown>): Promise<void>;
  /** Runs a sync of every connection to its end (what the job queue does every interval). */
  sync(): Promise<void>;
  /** One sync job of a provider's connection, as the queue runs it; answers its error, or null. */
  syncOnce(provider: keyof Harness["connectionIds"]): Promise<unknown>;
  resetSimulator(): Promise<void>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /**
   * Keep transcripts in the index (default false: the demo connections are switched to metadata
   * only, whose first sync takes seconds; reading every transcript takes minutes on PGlite here).
   * Either way the first full sync of every connection is awaited before the harness answers.
   */
  transcripts?: boolean;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  // The first sync reads every transcript; Chatling's 300 calls a minute would make it minutes long
  // here. The shared database budget is tested on its own (lib/index/budget tests).
  process.env.SIMULATOR_CHATLING_RATE_LIMIT ??= "1000000";
  const simulator = await startTestSimulator();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "parley-it-"));
  Object.assign(process.env, {
    PORT: "3999",
    PARLEY_DATA_DIR: dataDir,
    PARLEY_SECRET: "integration-test-secret-0123456789abcdef",
    PARLEY_DEMO: "1",
    PARLEY_SIMULATOR_PORT: String(simulator.port),
    PARLEY_PROVIDER_TIMEOUT_MS: "1500",
    PARLEY_BREAKER_HALF_OPEN_MS: "300",
  });
  const { openDatabase, openMemoryDatabase, installDatabase } = await import("@/lib/db/client");
  const handle = process.env.TEST_DATABASE_URL
    ? openDatabase({ databaseUrl: process.env.TEST_DATABASE_URL, dataDir })
    : openMemoryDatabase();
  installDatabase(handle);
  await handle.ready;
  if (process.env.TEST_DATABASE_URL) {
    const { sql } = await import("drizzle-orm");
    await handle.db.execute(
      sql`truncate table audit_log, moderation_overlay, saved_views, app_settings, labels, connections, session, account, verification, rate_limit, "user", request_budget_calls restart identity cascade`,
    );
  }
  const { seedDemo } = await import("@/lib/demo/seed");
  await seedDemo(handle.db);
  const { connections } = await import("@/lib/db/schema");
  const rows = await handle.db.select().from(connections);
  const connectionIds = Object.fromEntries(
    rows.map((row) => [row.provider, row.id]),
  ) as Harness["connectionIds"];
  if (!options.transcripts) await handle.db.update(connections).set({ indexTranscripts: false });
  await syncEverything(handle.db);

  async function call(method: string, url: string, options: CallOptions = {}): Promise<Response> {
    const full = new URL(url, ORIGIN);
    const entry = apiRoutes
      .map((route) => ({ route, params: match(route.pattern, full.pathname) }))
      .find((candidate) => candidate.params);
    // Like Next.js: a path no route file matches (a "." segment normalised away, say) is a 404.
    if (!entry?.params)
      return Response.json({ error: { code: "not_found", message: "No such route." } }, { status: 404 });
    const routeModule = await entry.route.load();
    const handler = routeModule[method];
    if (typeof handler !== "function") return new Response(null, { status: 405 });
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (options.cookie) headers.cookie = options.cookie;
    let body: string | undefined = options.rawBody;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers["content-type"] ??= "application/json";
    }
    if (method !== "GET" && method !== "HEAD" && !("origin" in headers)) headers.origin = ORIGIN;
    headers["x-parley-client-address"] ??= "127.0.0.1";
    const request = new Request(full, { method, headers, body });
    return (
      handler as (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>
    )(request, {
      params: Promise.resolve(entry.params),
    });
  }

  async function json<T>(method: string, url: string, options?: CallOptions) {
    const response = await call(method, url, options);
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
  }

  async function signIn(email: string, password: string): Promise<string> {
    const response = await call("POST", "/api/auth/sign-in/email", { body: { email, password } });
    if (response.status !== 200)
      throw new Error(`sign-in failed for ${email}: ${response.status} ${await response.text()}`);
    const setCookie = response.headers
      .getSetCookie()
      .find((value) => value.startsWith("better-auth.session_token="));
    if (!setCookie) throw new Error("no session cookie");
    return setCookie.split(";")[0] as string;
  }

  const adminCookie = await signIn("admin@parley.local", "parley-demo-admin");
  const staffCookie = await signIn("staff@parley.local", "parley-demo-staff");

  return {
    simulator,
    call,
    json,
    signIn,
    adminCookie,
    staffCookie,
    connectionIds,
    setFaults: (provider, faults) => setFaults(simulator.url, provider, faults),
    sync: () => syncEverything(handle.db),
    syncOnce: async (provider) => {
      const { runSyncJob } = await import("@/lib/index/service");
      try {
        await runSyncJob(handle.db, { connectionId: connectionIds[provider] });
        return null;
      } catch (error) {
        return error;
      }
    },
    resetSimulator: () => resetSimulator(simulator.url),
    close: async () => {
      await simulator.close();
      await handle.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
