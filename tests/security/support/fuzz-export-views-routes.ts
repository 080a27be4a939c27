/**
 * The export (list and thread), saved views and settings routes the fuzz test sends hostile input
 * to. The exports are fuzzed as writes: a successful export leaves its audit row; a refused one
 * must change nothing.
 */
import fc from "fast-check";
import { views } from "@/lib/conversations/api-schemas";
import {
  hostilePairs,
  nearlyValidObject,
  pathSegment,
  queryString,
  rawBody,
  sessionFor,
} from "./fuzz-inputs";
import {
  build,
  cheapProviders,
  conversationPath,
  hostileQuery,
  pairsOf,
  type FuzzFixture,
  type FuzzRoute,
} from "./fuzz-route-kit";

/** A view id that is well formed and never stored: PATCH and DELETE reach the lookup and answer 404. */
const MISSING_VIEW = "00000000-0000-4000-8000-000000000000";

export function exportViewsRoutes(fixture: FuzzFixture): FuzzRoute[] {
  // Valid exports stay small (one connection's trash, or a search that matches little).
  const validExport = queryString(
    fc
      .record({
        format: fc.constantFrom("csv", "jsonl"),
        connection: fc.constantFrom(...cheapProviders).map((provider) => fixture.connections[provider]),
        view: fc.constantFrom("trash", "important"),
        q: fc.constantFrom(undefined, "refund", "zz-no-such-word"),
      })
      .map(pairsOf),
  );
  const exportKeys = [
    "format",
    "connection",
    "view",
    "channel",
    "status",
    "owner",
    "from",
    "to",
    "q",
    "sort",
  ];
  const hostileExport = queryString(
    fc
      .tuple(
        fc.oneof(
          { weight: 15, arbitrary: fc.constant<string | null>("fuzz-no-such-connection") },
          { weight: 1, arbitrary: fc.constant<string | null>(null) },
        ),
        hostilePairs(exportKeys),
      )
      .map(([connection, pairs]): [string, string][] =>
        connection === null ? pairs : [["connection", connection], ...pairs],
      ),
  );
  const viewPath = pathSegment([MISSING_VIEW], 2).map((id) => `/api/views/${id}`);
  const validView = fc.record({
    name: fc.constantFrom("Fuzz view", "Vue ✓"),
    query: fc.constantFrom("", "view=all", `status=ended&view=${views[1]}`),
  });
  const noQuery = hostileQuery(["limit"]);
  const threadExportQuery = fc.oneof(
    {
      weight: 1,
      arbitrary: queryString(fc.constantFrom("md", "json").map((format) => [["format", format]])),
    },
    { weight: 4, arbitrary: hostileQuery(["format"]) },
  );

  return [
    {
      name: "export",
      pattern: "/api/conversations/export",
      share: 1,
      method: "GET",
      requests: build(
        fc.constant("/api/conversations/export"),
        fc.oneof({ weight: 1, arbitrary: validExport }, { weight: 20, arbitrary: hostileExport }),
        sessionFor("staff"),
      ),
    },
    {
      name: "thread download",
      pattern: "/api/conversations/:connectionId/:conversationId/export",
      share: 1,
      method: "GET",
      requests: build(
        conversationPath(fixture, cheapProviders, 1).map((path) => `${path}/export`),
        threadExportQuery,
        sessionFor("staff"),
      ),
    },
    {
      name: "views' counts",
      pattern: "/api/views/counts",
      share: 1,
      method: "GET",
      requests: build(fc.constant("/api/views/counts"), noQuery, sessionFor("staff")),
    },
    {
      name: "saved views",
      pattern: "/api/views",
      share: 0.4,
      method: "GET",
      requests: build(fc.constant("/api/views"), noQuery, sessionFor("staff")),
    },
    {
      name: "save view",
      pattern: "/api/views",
      share: 0.6,
      method: "POST",
      requests: build(
        fc.constant("/api/views"),
        fc.constant(""),
        sessionFor("staff"),
        rawBody(validView, nearlyValidObject(["name", "query", "shared"]), 2),
      ),
    },
    {
      name: "update view",
      pattern: "/api/views/:id",
      share: 0.5,
      method: "PATCH",
      requests: build(
        viewPath,
        fc.constant(""),
        sessionFor("staff"),
        rawBody(validView, nearlyValidObject(["name", "query", "position"]), 2),
      ),
    },
    {
      name: "delete view",
      pattern: "/api/views/:id",
      share: 0.5,
      method: "DELETE",
      requests: build(viewPath, fc.constant(""), sessionFor("staff")),
    },
    {
      name: "settings",
      pattern: "/api/settings",
      share: 0.4,
      method: "GET",
      requests: build(fc.constant("/api/settings"), noQuery, sessionFor("staff")),
    },
    {
      name: "change settings",
      pattern: "/api/settings",
      share: 0.6,
      method: "PATCH",
      // Valid changes keep exports open to staff, so the export fuzz is not refused by them.
      requests: build(
        fc.constant("/api/settings"),
        fc.constant(""),
        sessionFor("admin"),
        rawBody(fc.constant({ exportAdminsOnly: false }), nearlyValidObject(["exportAdminsOnly"]), 2),
      ),
    },
  ];
}
