/**
 * Every route the fuzz test covers (see fuzz-read-routes.ts and fuzz-write-routes.ts) and which
 * test file runs which of them.
 */
import { exportViewsRoutes } from "./fuzz-export-views-routes";
import { bulkReadRoutes, bulkWriteRoutes } from "./fuzz-bulk-routes";
import { readRoutes } from "./fuzz-read-routes";
import { labelRoutes } from "./fuzz-label-routes";
import { noteRoutes } from "./fuzz-note-routes";
import { reviewRoutes } from "./fuzz-review-routes";
import type { FuzzFixture, FuzzRoute } from "./fuzz-route-kit";
import { writeRoutes } from "./fuzz-write-routes";

export type { FuzzFixture, FuzzRoute } from "./fuzz-route-kit";

export function fuzzRoutes(fixture: FuzzFixture): FuzzRoute[] {
  return [
    ...readRoutes(fixture),
    ...bulkReadRoutes(),
    ...writeRoutes(fixture),
    ...bulkWriteRoutes(fixture),
    ...exportViewsRoutes(fixture),
    ...labelRoutes(fixture),
    ...noteRoutes(fixture),
    ...reviewRoutes(fixture),
  ];
}

/** Which file fuzzes which routes (by name); together they cover every route. */
export const fuzzGroups = {
  authAndPublic: {
    reads: ["health", "openapi", "auth (GET)"],
    writes: ["user admin", "sign in", "CSP report"],
  },
  conversations: {
    reads: [
      "list",
      "thread",
      "messages",
      "history",
      "facets",
      "costs",
      "sync state",
      "bulk progress",
      "saved views",
      "views' counts",
      "settings",
      "labels",
      "conversation labels",
      "notes",
      "user directory",
      "conversation review",
      "review options",
      "review progress",
    ],
    writes: [
      "moderate",
      "delete at provider",
      "sync now",
      "bulk start",
      "bulk retry",
      "bulk undo",
      "export",
      "thread download",
      "save view",
      "update view",
      "delete view",
      "change settings",
      "create label",
      "update label",
      "delete label",
      "set conversation labels",
      "change conversation labels",
      "label many conversations",
      "add note",
      "edit note",
      "delete note",
    ],
  },
  connections: {
    reads: ["connections", "audit", "audit export", "sign-in delays"],
    writes: [
      "add connection",
      "update connection",
      "test connection",
      "remove connection",
      "clear sign-in failures",
    ],
  },
} as const;
