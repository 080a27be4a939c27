/**
 * Runs the API fuzz properties against one harness per test file. The routes are split between
 * three files (each its own process, so they share the machine's cores and each stays short):
 * `fuzz.test.ts` (auth, health, OpenAPI, plus the coverage and prototype checks),
 * `fuzz-conversations.test.ts` and `fuzz-connections.test.ts`.
 *
 * Each route in `apiRoutes` gets PARLEY_FUZZ_RUNS inputs (default 1000), shared between its
 * methods; PARLEY_FUZZ_SEED replays a failure.
 */
import fc from "fast-check";
import { afterAll, beforeAll, expect } from "vitest";
import { z } from "zod";
import type { ConversationPage } from "@/lib/model/conversation";
import type { Database } from "@/lib/db/client";
import { simulatorKeys } from "@/simulator/keys";
import { startHarness, type Harness } from "../../integration/harness";
import type { FuzzRequest, Session } from "./fuzz-inputs";
import { fuzzRoutes, type FuzzFixture, type FuzzRoute } from "./fuzz-routes";
import { changedParts, takeSnapshot, type ProviderProbe, type StateSnapshot } from "./state-snapshot";

export const FUZZ_RUNS = Number(process.env.PARLEY_FUZZ_RUNS ?? 1000);
const SEED = process.env.PARLEY_FUZZ_SEED === undefined ? undefined : Number(process.env.PARLEY_FUZZ_SEED);
const PROVIDERS = ["sigmamind", "cozmox", "zaia", "chatling"] as const;
/** Writes that can reach a provider's write API, so the simulator's data joins their snapshot. */
const PROVIDER_WRITES = new Set(["moderate", "delete at provider"]);

const parleyError = z.object({ error: z.object({ code: z.string(), message: z.string() }) }).strict();
const betterAuthError = z.object({ code: z.string().optional(), message: z.string() }).strict();

/**
 * True when resolving the dot segments of `path` (as every HTTP stack does, `%2e` included) leaves
 * fewer segments than the route's pattern has: the request reaches another route.
 */
function collapsesOntoAnotherRoute(path: string, route: FuzzRoute): boolean {
  const resolved = new URL(path, "http://fuzz.invalid").pathname.split("/").length;
  return resolved !== route.pattern.split("/").length;
}

export interface FuzzSession {
  /** Fuzzes a route that must change nothing, accepted or not. */
  read(name: string): Promise<void>;
  /** Fuzzes a write: after each refused request the data must be as before it. */
  write(name: string): Promise<void>;
  /** Creates connections the write routes may rename, re-point and remove. */
  addSpareConnections(count: number): Promise<void>;
  routes(): FuzzRoute[];
  /** The harness, for hand-written cases next to the generated ones. */
  harness(): Harness;
}

export function runsFor(route: FuzzRoute): { numRuns: number; seed?: number } {
  return { numRuns: Math.ceil(FUZZ_RUNS * route.share), ...(SEED === undefined ? {} : { seed: SEED }) };
}

function describeRequest(route: FuzzRoute, request: FuzzRequest): string {
  const body = request.rawBody === undefined ? "" : ` body=${request.rawBody.slice(0, 200)}`;
  const crossSite = request.crossSite ? " cross-site" : "";
  return `${route.method} ${request.path.slice(0, 200)}${request.query.slice(0, 200)} as ${request.session}${crossSite}${body}`;
}

/** Registers the harness hooks of a fuzz test file and answers the runner. */
export function registerFuzzSession(): FuzzSession {
  let harness: Harness;
  let db: Database;
  let fixture: FuzzFixture;
  let probes: ProviderProbe[];
  const answered = new Map<string, Map<number, number>>();

  beforeAll(async () => {
    // The snapshot reads Chatling directly with the second key; only Parley's own budget should bind.
    process.env.SIMULATOR_CHATLING_RATE_LIMIT = "1000000";
    harness = await startHarness();
    const { getDatabase } = await import("@/lib/db/client");
    const { getAuth } = await import("@/lib/auth/auth");
    db = await getDatabase();
    const conversations: Record<string, string> = {};
    for (const provider of PROVIDERS) {
      const page = await harness.json<ConversationPage>(
        "GET",
        `/api/conversations?connection=${harness.connectionIds[provider]}&limit=1`,
        {
          cookie: harness.adminCookie,
        },
      );
      conversations[provider] = page.body.items[0]?.id ?? "";
    }
    const target = await getAuth().api.createUser({
      body: {
        email: "fuzz-target@parley.local",
        password: "a-long-enough-password",
        name: "Fuzz target",
        role: "staff",
      },
    });
    fixture = {
      simulatorUrl: harness.simulator.url,
      connections: harness.connectionIds,
      conversations: {
        sigmamind: conversations.sigmamind ?? "",
        cozmox: conversations.cozmox ?? "",
        zaia: conversations.zaia ?? "",
        chatling: conversations.chatling ?? "",
      },
      spareConnections: [],
      targetUserId: target.user.id,
    };
    const [chatbotId, chatlingConversation] = fixture.conversations.chatling.split("-");
    probes = [
      {
        url: `${harness.simulator.url}/chatling/v2/chatbots/${chatbotId}/conversations/${chatlingConversation}`,
        headers: { authorization: `Bearer ${simulatorKeys.chatling.secondary}` },
      },
      {
        url: `${harness.simulator.url}/zaia/api/v1/chats/${fixture.conversations.zaia}`,
        headers: { authorization: simulatorKeys.zaia.secondary },
      },
    ];
  }, 120_000);

  afterAll(async () => {
    const summary = [...answered].map(
      ([route, statuses]) =>
        `${route}: ${[...statuses].map(([status, times]) => `${status}×${times}`).join(" ")}`,
    );
    if (summary.length > 0)
      process.stdout.write(`fuzz answers (${FUZZ_RUNS} inputs per route)\n  ${summary.join("\n  ")}\n`);
    await harness?.close();
  });

  function cookieFor(session: Session): string | undefined {
    switch (session) {
      case "staff":
        return harness.staffCookie;
      case "admin":
        return harness.adminCookie;
      case "none":
        return undefined;
      case "garbage":
        return "better-auth.session_token=forged.c2lnbmF0dXJl; better-auth.session_token=; =;";
      default: {
        const unreachable: never = session;
        return unreachable;
      }
    }
  }

  /** Sends one request and checks the answer's status and shape; answers the status. */
  async function send(route: FuzzRoute, request: FuzzRequest): Promise<number> {
    const response = await harness.call(route.method, `${request.path}${request.query}`, {
      cookie: cookieFor(request.session),
      rawBody: route.method === "GET" ? undefined : request.rawBody,
      headers: request.headers,
    });
    const text = await response.text();
    const where = `${describeRequest(route, request)} → ${response.status} ${text.slice(0, 300)}`;
    const statuses = answered.get(route.name) ?? new Map<number, number>();
    statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    answered.set(route.name, statuses);
    expect(response.status < 300 || (response.status >= 400 && response.status < 500), where).toBe(true);
    if (response.status >= 400) {
      // better-auth answers a few refusals (404 for an unknown endpoint, 401) with an empty body,
      // and so does Next.js a method that the route a collapsed path reaches does not serve
      // (`/api/bulk/./retry` is `/api/bulk/retry`, the route of a job named "retry").
      const emptyAllowed =
        route.betterAuth === true ||
        (response.status === 405 && collapsesOntoAnotherRoute(request.path, route));
      expect(text !== "" || emptyAllowed, where).toBe(true);
      const shape = route.betterAuth ? z.union([parleyError, betterAuthError]) : parleyError;
      if (text !== "") expect(shape.safeParse(JSON.parse(text)).success, where).toBe(true);
    }
    return response.status;
  }

  function routeNamed(name: string): FuzzRoute {
    const route = fuzzRoutes(fixture).find((candidate) => candidate.name === name);
    if (!route) throw new Error(`no fuzz route ${name}`);
    return route;
  }

  return {
    routes: () => fuzzRoutes(fixture),
    harness: () => harness,

    async read(name) {
      const route = routeNamed(name);
      const before = await takeSnapshot(db, harness.simulator.url, { probes, ignoreHealthBookkeeping: true });
      await fc.assert(
        fc.asyncProperty(route.requests, async (request) => void (await send(route, request))),
        runsFor(route),
      );
      const after = await takeSnapshot(db, harness.simulator.url, { probes, ignoreHealthBookkeeping: true });
      expect(changedParts(before, after)).toEqual([]);
    },

    async write(name) {
      const route = routeNamed(name);
      const reachesProviders = PROVIDER_WRITES.has(name);
      const scope = reachesProviders ? { probes } : { simulator: false };
      const providersBefore = await takeSnapshot(db, harness.simulator.url, { probes });
      let baseline: StateSnapshot = await takeSnapshot(db, harness.simulator.url, scope);
      await fc.assert(
        fc.asyncProperty(route.requests, async (request) => {
          const status = await send(route, request);
          const after = await takeSnapshot(db, harness.simulator.url, scope);
          const previous = baseline;
          baseline = after;
          if (status < 300) return;
          const auditAllowed =
            route.auditsRefusal?.(request) === true && after.auditRows - previous.auditRows === 1;
          const changed = changedParts(previous, after).filter(
            (part) => !(part === "auditRows" && auditAllowed),
          );
          expect(changed, `${describeRequest(route, request)} → ${status}`).toEqual([]);
        }),
        runsFor(route),
      );
      if (!reachesProviders) {
        const providersAfter = await takeSnapshot(db, harness.simulator.url, { probes });
        expect(providersAfter.simulator, `${name} never writes to a provider`).toBe(
          providersBefore.simulator,
        );
        expect(providersAfter.providerHeld).toBe(providersBefore.providerHeld);
      }
    },

    async addSpareConnections(count) {
      for (let index = 0; index < count; index++) {
        const created = await harness.json<{ id: string }>("POST", "/api/connections", {
          cookie: harness.adminCookie,
          body: {
            provider: "sigmamind",
            name: `Spare ${index}`,
            baseUrl: `${harness.simulator.url}/sigmamind`,
            apiKey: simulatorKeys.sigmamind.secondary,
          },
        });
        fixture.spareConnections = [...fixture.spareConnections, created.body.id];
      }
    },
  };
}
