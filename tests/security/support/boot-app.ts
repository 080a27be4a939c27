/**
 * Boots Parley in-process like `tests/integration/harness.ts`, but with the environment a test
 * chooses (demo mode off, an https public URL…): configuration is read once per process, and the
 * harness always starts in demo mode on http. Requests go to the same route modules Next.js
 * serves. Use it for one configuration per test file (Vitest runs each file in its own process).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { RunningSimulator } from "@/simulator/core/server";
import { startTestSimulator } from "@/simulator/testing";
import { apiRoutes, ORIGIN, type CallOptions } from "../../integration/harness";

export interface BootedApp {
  simulator: RunningSimulator;
  call(method: string, url: string, options?: CallOptions): Promise<Response>;
  /** Signs in and answers the session cookie (`name=value`), whatever its name's prefix. */
  signIn(email: string, password: string): Promise<{ cookie: string; setCookies: string[] }>;
  close(): Promise<void>;
}

type RouteHandler = (
  request: Request,
  context: { params: Promise<Record<string, string>> },
) => Promise<Response>;

function matchRoute(pattern: string, pathname: string): Record<string, string> | null {
  if (pattern.endsWith("/*")) return pathname.startsWith(pattern.slice(0, -1)) ? {} : null;
  const expected = pattern.split("/");
  const actual = pathname.split("/");
  if (expected.length !== actual.length) return null;
  const params: Record<string, string> = {};
  for (const [index, part] of expected.entries()) {
    const value = actual[index] ?? "";
    if (part.startsWith(":")) params[part.slice(1)] = decodeURIComponent(value);
    else if (part !== value) return null;
  }
  return params;
}

function isHandler(value: unknown): value is RouteHandler {
  return typeof value === "function";
}

/**
 * Starts a simulator and an in-memory database (or TEST_DATABASE_URL), sets the environment
 * (`undefined` removes a variable) and seeds the demo accounts and connections.
 */
export async function bootApp(environment: Record<string, string | undefined>): Promise<BootedApp> {
  const simulator = await startTestSimulator();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "parley-security-"));
  const values: Record<string, string | undefined> = {
    PORT: "3999",
    PARLEY_DATA_DIR: dataDir,
    PARLEY_SECRET: "security-test-secret-0123456789abcdef",
    PARLEY_DEMO: "1",
    PARLEY_SIMULATOR_PORT: String(simulator.port),
    PARLEY_PROVIDER_TIMEOUT_MS: "1500",
    PARLEY_BREAKER_HALF_OPEN_MS: "300",
    ...environment,
  };
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  const { openDatabase, openMemoryDatabase, installDatabase } = await import("@/lib/db/client");
  const testDatabaseUrl = process.env.TEST_DATABASE_URL;
  const handle = testDatabaseUrl
    ? openDatabase({ databaseUrl: testDatabaseUrl, dataDir })
    : openMemoryDatabase();
  installDatabase(handle);
  await handle.ready;
  if (testDatabaseUrl) {
    const { sql } = await import("drizzle-orm");
    await handle.db.execute(
      sql`truncate table audit_log, moderation_overlay, connections, session, account, verification, rate_limit, "user" restart identity cascade`,
    );
  }
  const { seedDemo } = await import("@/lib/demo/seed");
  await seedDemo(handle.db);

  async function call(method: string, url: string, options: CallOptions = {}): Promise<Response> {
    const full = new URL(url, ORIGIN);
    for (const route of apiRoutes) {
      const params = matchRoute(route.pattern, full.pathname);
      if (!params) continue;
      const handler = (await route.load())[method];
      if (!isHandler(handler)) return new Response(null, { status: 405 });
      const headers: Record<string, string> = { ...options.headers };
      if (options.cookie) headers.cookie = options.cookie;
      let body = options.rawBody;
      if (options.body !== undefined) {
        body = JSON.stringify(options.body);
        headers["content-type"] ??= "application/json";
      }
      if (method !== "GET" && method !== "HEAD" && !("origin" in headers)) headers.origin = ORIGIN;
      headers["x-parley-client-address"] ??= "127.0.0.1";
      return handler(new Request(full, { method, headers, body }), { params: Promise.resolve(params) });
    }
    throw new Error(`no route for ${full.pathname}`);
  }

  async function signIn(email: string, password: string) {
    const response = await call("POST", "/api/auth/sign-in/email", { body: { email, password } });
    if (response.status !== 200) throw new Error(`sign-in failed for ${email}: ${response.status}`);
    const setCookies = response.headers.getSetCookie();
    const session = setCookies.find((value) =>
      /^(__Secure-|__Host-)?better-auth\.session_token=/.test(value),
    );
    if (!session) throw new Error("no session cookie");
    return { cookie: session.split(";")[0] ?? "", setCookies };
  }

  return {
    simulator,
    call,
    signIn,
    close: async () => {
      await simulator.close();
      await handle.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
