/**
 * The read routes the fuzz test sends hostile input to: mostly input that fails validation (or,
 * for the list, names a connection that does not exist, so the whole query is parsed and then
 * answered 404 before any provider call), plus a share of valid input that reaches providers.
 */
import fc from "fast-check";
import { views } from "@/lib/conversations/api-schemas";
import { pathSegment, queryString, hostilePairs, sessionFor } from "./fuzz-inputs";
import {
  build,
  cheapProviders,
  conversationPath,
  hostileQuery,
  pairsOf,
  type FuzzFixture,
  type FuzzRoute,
} from "./fuzz-route-kit";

const threadQuery = fc.oneof(
  {
    weight: 1,
    arbitrary: queryString(
      fc
        .record({ limit: fc.integer({ min: 1, max: 20 }), cursor: fc.constantFrom(undefined, "0", "3") })
        .map(pairsOf),
    ),
  },
  { weight: 4, arbitrary: hostileQuery(["cursor", "limit"]) },
);

const auditQuery = fc.oneof(
  {
    weight: 1,
    arbitrary: queryString(
      fc
        .record({
          actor: fc.constantFrom(undefined, "staff", "admin@parley.local"),
          action: fc.constantFrom(undefined, "conversation.*", "auth.sign_in"),
          outcome: fc.constantFrom(undefined, "success", "failure"),
          from: fc.constantFrom(undefined, "2026-01-01", "2020-01-01T00:00:00Z"),
          to: fc.constantFrom(undefined, "2030-12-31"),
          limit: fc.integer({ min: 1, max: 200 }),
        })
        .map(pairsOf),
    ),
  },
  {
    weight: 4,
    arbitrary: hostileQuery([
      "actor",
      "action",
      "connection",
      "conversation",
      "outcome",
      "from",
      "to",
      "cursor",
      "limit",
    ]),
  },
);

export function readRoutes(fixture: FuzzFixture): FuzzRoute[] {
  const validList = queryString(
    fc
      .record({
        connection: fc.constantFrom(...cheapProviders).map((provider) => fixture.connections[provider]),
        view: fc.constantFrom(...views),
        sort: fc.constantFrom("recent", "oldest"),
        limit: fc.integer({ min: 1, max: 5 }),
        q: fc.constantFrom(undefined, "refund", "order"),
      })
      .map(pairsOf),
  );
  // Most hostile lists name a connection that does not exist: the whole query is still parsed,
  // then answered 404 before any provider call; a few reach a provider or every connection.
  const listConnection = fc.oneof(
    { weight: 15, arbitrary: fc.constant<string | null>("fuzz-no-such-connection") },
    {
      weight: 4,
      arbitrary: fc.constantFrom(...cheapProviders).map((provider) => fixture.connections[provider]),
    },
    { weight: 1, arbitrary: fc.constant<string | null>(null) },
  );
  const listKeys = [
    "connection",
    "view",
    "channel",
    "channelType",
    "responder",
    "version",
    "status",
    "owner",
    "from",
    "to",
    "q",
    "sort",
    "cursor",
    "limit",
  ];
  const hostileList = queryString(
    fc
      .tuple(listConnection, hostilePairs(listKeys))
      .map(([connection, pairs]): [string, string][] =>
        connection === null ? pairs : [["connection", connection], ...pairs],
      ),
  );
  const noQuery = hostileQuery(["limit", "connection"]);
  const validCosts = queryString(
    fc
      .record({
        connection: fc.constantFrom(...cheapProviders).map((provider) => fixture.connections[provider]),
        view: fc.constantFrom(...views),
        groupBy: fc.constantFrom(undefined, "day", "week", "connection", "provider", "responder", "channel"),
        q: fc.constantFrom(undefined, "refund"),
      })
      .map(pairsOf),
  );

  return [
    {
      name: "list",
      pattern: "/api/conversations",
      share: 1,
      method: "GET",
      requests: build(
        fc.constant("/api/conversations"),
        fc.oneof({ weight: 1, arbitrary: validList }, { weight: 25, arbitrary: hostileList }),
        sessionFor("staff"),
      ),
    },
    {
      name: "thread",
      pattern: "/api/conversations/:connectionId/:conversationId",
      share: 0.4,
      method: "GET",
      requests: build(
        conversationPath(fixture, ["sigmamind", "cozmox", "zaia", "chatling"], 1),
        threadQuery,
        sessionFor("staff"),
      ),
    },
    {
      name: "messages",
      pattern: "/api/conversations/:connectionId/:conversationId/messages",
      share: 1,
      method: "GET",
      requests: build(
        conversationPath(fixture, ["sigmamind", "cozmox", "zaia", "chatling"], 1).map(
          (path) => `${path}/messages`,
        ),
        threadQuery,
        sessionFor("staff"),
      ),
    },
    {
      name: "history",
      pattern: "/api/conversations/:connectionId/:conversationId/history",
      share: 1,
      method: "GET",
      requests: build(
        conversationPath(fixture, ["sigmamind", "cozmox", "zaia", "chatling"], 2).map(
          (path) => `${path}/history`,
        ),
        noQuery,
        sessionFor("staff"),
      ),
    },
    {
      name: "facets",
      pattern: "/api/facets",
      share: 1,
      method: "GET",
      requests: build(fc.constant("/api/facets"), hostileQuery(["connection"]), sessionFor("staff")),
    },
    {
      name: "costs",
      pattern: "/api/analytics/costs",
      share: 1,
      method: "GET",
      requests: build(
        fc.constant("/api/analytics/costs"),
        fc.oneof(
          { weight: 1, arbitrary: validCosts },
          { weight: 25, arbitrary: hostileQuery([...listKeys, "groupBy", "stackBy"]) },
        ),
        sessionFor("staff"),
      ),
    },
    {
      name: "sync state",
      pattern: "/api/sync",
      share: 0.5,
      method: "GET",
      requests: build(fc.constant("/api/sync"), noQuery, sessionFor("staff")),
    },
    {
      name: "connections",
      pattern: "/api/connections",
      share: 0.4,
      method: "GET",
      requests: build(fc.constant("/api/connections"), noQuery, sessionFor("admin")),
    },
    {
      name: "audit",
      pattern: "/api/audit",
      share: 1,
      method: "GET",
      requests: build(fc.constant("/api/audit"), auditQuery, sessionFor("admin")),
    },
    {
      name: "audit export",
      pattern: "/api/audit/export",
      share: 1,
      method: "GET",
      requests: build(fc.constant("/api/audit/export"), auditQuery, sessionFor("admin")),
    },
    {
      name: "sign-in delays",
      pattern: "/api/users/sign-in-locks",
      share: 0.3,
      method: "GET",
      requests: build(fc.constant("/api/users/sign-in-locks"), noQuery, sessionFor("admin")),
    },
    {
      name: "health",
      pattern: "/api/health",
      share: 1,
      method: "GET",
      requests: build(fc.constant("/api/health"), noQuery, sessionFor("staff")),
    },
    {
      name: "openapi",
      pattern: "/api/openapi.json",
      share: 1,
      method: "GET",
      requests: build(fc.constant("/api/openapi.json"), noQuery, sessionFor("staff")),
    },
    {
      name: "auth (GET)",
      pattern: "/api/auth/*",
      share: 0.3,
      method: "GET",
      betterAuth: true,
      requests: build(
        fc.oneof(
          fc.constantFrom("/api/auth/get-session", "/api/auth/admin/list-users", "/api/auth/list-sessions"),
          pathSegment([]).map((segment) => `/api/auth/${segment}`),
        ),
        hostileQuery(["limit", "offset", "searchValue", "sortBy", "disableCookieCache"]),
        sessionFor("admin"),
      ),
    },
  ];
}
