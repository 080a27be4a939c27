/**
 * The authorization matrix: for every API route and method, a request valid enough that the
 * answer reflects authorization, and the status each caller must get (anonymous, staff, admin).
 * Refusals on Parley's routes use `{ error: { code, message } }`; better-auth's endpoints refuse
 * in better-auth's shape.
 */
import type { ProviderId } from "@/lib/model/conversation";
import { simulatorKeys } from "@/simulator/keys";
import type { Harness } from "../../integration/harness";
import { exportViewsRows } from "./authorization-rows-export-views";
import { bulkAndLabelRows } from "./authorization-rows-bulk-labels";
import { noteRows } from "./authorization-rows-notes";
import { authRows } from "./authorization-rows-auth";
import { reviewRows } from "./authorization-rows-review";

export type Who = "anonymous" | "staff" | "admin";
export const everyone: readonly Who[] = ["anonymous", "staff", "admin"];

export interface Fixture {
  simulatorUrl: string;
  connectionIds: Harness["connectionIds"];
  conversationIds: Record<ProviderId, string>;
  spareConnectionId: string;
  targetUserId: string;
  removableUserIds: Record<Who, string>;
  /** A shared saved view (made by an admin) the matrix renames and deletes. */
  sharedViewId: string;
}

export interface MatrixRow {
  route: string;
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  name: string;
  url: (fixture: Fixture) => string;
  body?: (fixture: Fixture, who: Who) => unknown;
  expected: Record<Who, number>;
  /** Parley's routes answer refusals as `{ error: { code, message } }`; better-auth has its own shape. */
  shape: "parley" | "better-auth";
  /** Sign in afresh for this row (sign-out ends the session it is called with). */
  freshSession?: boolean;
}

const MISSING_ZAIA_CHAT = "00000000-0000-4000-8000-000000000000";
export const conversationUrl = (fixture: Fixture, provider: ProviderId) =>
  `/api/conversations/${fixture.connectionIds[provider]}/${encodeURIComponent(fixture.conversationIds[provider])}`;
const simulatorBase = (fixture: Fixture, provider: ProviderId) => `${fixture.simulatorUrl}/${provider}`;
const signedIn = (admin: number) => ({ anonymous: 401, staff: 403, admin });
const anyone = (status: number) => ({ anonymous: 401, staff: status, admin: status });
const publicly = (status: number) => ({ anonymous: status, staff: status, admin: status });

export const matrix: MatrixRow[] = [
  {
    route: "/api/health",
    method: "GET",
    name: "health",
    url: () => "/api/health",
    expected: publicly(200),
    shape: "parley",
  },
  {
    route: "/api/openapi.json",
    method: "GET",
    name: "openapi",
    url: () => "/api/openapi.json",
    expected: anyone(200),
    shape: "parley",
  },
  {
    route: "/api/conversations",
    method: "GET",
    name: "list",
    url: () => "/api/conversations?limit=5",
    expected: anyone(200),
    shape: "parley",
  },
  {
    route: "/api/conversations/:connectionId/:conversationId",
    method: "GET",
    name: "thread",
    url: (f) => conversationUrl(f, "sigmamind"),
    expected: anyone(200),
    shape: "parley",
  },
  {
    route: "/api/conversations/:connectionId/:conversationId",
    method: "GET",
    name: "thread of a missing connection",
    url: () => "/api/conversations/no-such-connection/1",
    expected: anyone(404),
    shape: "parley",
  },
  {
    route: "/api/conversations/:connectionId/:conversationId",
    method: "PATCH",
    name: "moderate",
    url: (f) => conversationUrl(f, "sigmamind"),
    body: () => ({ important: true }),
    expected: anyone(200),
    shape: "parley",
  },
  {
    route: "/api/conversations/:connectionId/:conversationId",
    method: "PATCH",
    name: "moderate a missing conversation",
    url: (f) => `/api/conversations/${f.connectionIds.zaia}/${MISSING_ZAIA_CHAT}`,
    body: () => ({ archived: true }),
    expected: anyone(404),
    shape: "parley",
  },
  {
    route: "/api/conversations/:connectionId/:conversationId",
    method: "DELETE",
    name: "delete at the provider",
    url: (f) => conversationUrl(f, "zaia"),
    body: (f) => ({ confirm: f.conversationIds.zaia }),
    expected: signedIn(204),
    shape: "parley",
  },
  {
    route: "/api/conversations/:connectionId/:conversationId/messages",
    method: "GET",
    name: "messages",
    url: (f) => `${conversationUrl(f, "cozmox")}/messages?limit=5`,
    expected: anyone(200),
    shape: "parley",
  },
  {
    route: "/api/conversations/:connectionId/:conversationId/history",
    method: "GET",
    name: "history",
    url: (f) => `${conversationUrl(f, "sigmamind")}/history`,
    expected: anyone(200),
    shape: "parley",
  },
  {
    route: "/api/facets",
    method: "GET",
    name: "facets",
    url: () => "/api/facets",
    expected: anyone(200),
    shape: "parley",
  },
  {
    route: "/api/analytics/costs",
    method: "GET",
    name: "costs",
    url: () => "/api/analytics/costs?groupBy=responder",
    expected: anyone(200),
    shape: "parley",
  },
  {
    route: "/api/sync",
    method: "GET",
    name: "sync state",
    url: () => "/api/sync",
    expected: anyone(200),
    shape: "parley",
  },
  {
    route: "/api/sync",
    method: "POST",
    name: "sync now",
    url: () => "/api/sync",
    body: (f) => ({ connectionId: f.connectionIds.sigmamind }),
    expected: anyone(202),
    shape: "parley",
  },
  {
    route: "/api/sync",
    method: "POST",
    name: "sync a missing connection",
    url: () => "/api/sync",
    body: () => ({ connectionId: "no-such-connection" }),
    expected: anyone(404),
    shape: "parley",
  },
  {
    route: "/api/connections",
    method: "GET",
    name: "list connections",
    url: () => "/api/connections",
    expected: signedIn(200),
    shape: "parley",
  },
  {
    route: "/api/connections",
    method: "POST",
    name: "add a connection",
    url: () => "/api/connections",
    body: (f, who) => ({
      provider: "zaia",
      name: `Matrix ${who}`,
      baseUrl: simulatorBase(f, "zaia"),
      apiKey: simulatorKeys.zaia.secondary,
    }),
    expected: signedIn(201),
    shape: "parley",
  },
  {
    route: "/api/connections/test",
    method: "POST",
    name: "test a key",
    url: () => "/api/connections/test",
    body: (f) => ({
      provider: "sigmamind",
      baseUrl: simulatorBase(f, "sigmamind"),
      apiKey: simulatorKeys.sigmamind.primary,
    }),
    expected: signedIn(200),
    shape: "parley",
  },
  {
    route: "/api/connections/:id",
    method: "PATCH",
    name: "rename a connection",
    url: (f) => `/api/connections/${f.spareConnectionId}`,
    body: () => ({ name: "Renamed by the matrix" }),
    expected: signedIn(200),
    shape: "parley",
  },
  {
    route: "/api/connections/:id",
    method: "PATCH",
    name: "update a missing connection",
    url: () => "/api/connections/no-such-connection",
    body: () => ({ name: "Nobody" }),
    expected: signedIn(404),
    shape: "parley",
  },
  {
    route: "/api/connections/:id",
    method: "DELETE",
    name: "remove a connection",
    url: (f) => `/api/connections/${f.spareConnectionId}`,
    expected: signedIn(204),
    shape: "parley",
  },
  {
    route: "/api/connections/:id",
    method: "DELETE",
    name: "remove a missing connection",
    url: () => "/api/connections/no-such-connection",
    expected: signedIn(404),
    shape: "parley",
  },
  {
    route: "/api/audit",
    method: "GET",
    name: "audit log",
    url: () => "/api/audit?limit=5",
    expected: signedIn(200),
    shape: "parley",
  },
  {
    route: "/api/audit/export",
    method: "GET",
    name: "audit export",
    url: () => "/api/audit/export",
    expected: signedIn(200),
    shape: "parley",
  },
  ...exportViewsRows,
  ...bulkAndLabelRows,
  ...noteRows,
  ...reviewRows,
  {
    route: "/api/csp-report",
    method: "POST",
    name: "CSP violation report (public: browsers send it on their own)",
    url: () => "/api/csp-report",
    body: () => ({ "csp-report": { "violated-directive": "script-src-elem", "blocked-uri": "inline" } }),
    expected: publicly(204),
    shape: "parley",
  },
  ...authRows,
];
