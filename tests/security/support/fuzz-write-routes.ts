/**
 * The write routes the fuzz test sends hostile input to, with the rule for which refused requests
 * may still leave an audit row (moderation, sign-in and user administration audit every attempt
 * that gets far enough).
 */
import fc from "fast-check";
import { z } from "zod";
import { testConnectionSchema } from "@/lib/connections/schemas";
import { conversationPatchSchema, deleteBodySchema } from "@/lib/conversations/api-schemas";
import { MAX_PARAM_LENGTH } from "@/lib/api/handler";
import { containsUnstorableText } from "@/lib/api/unstorable-text";
import { writeBodies } from "./fuzz-bodies";
import {
  hostileString,
  nearlyValidObject,
  pathSegment,
  rawBody,
  sessionFor,
  type FuzzRequest,
  type Session,
} from "./fuzz-inputs";
import {
  build,
  conversationPath,
  hostileQuery,
  parsedBody,
  type FuzzFixture,
  type FuzzRoute,
  type Provider,
} from "./fuzz-route-kit";

const userAdminOperations = [
  "create-user",
  "set-role",
  "update-user",
  "ban-user",
  "unban-user",
  "set-user-password",
  "revoke-user-sessions",
  "remove-user",
] as const;

/** Whether a request gets past the session, origin, body and connection checks into moderation. */
/** The path's ids, decoded as the route sees them (null when a segment cannot be decoded). */
function pathIds(request: FuzzRequest): string[] | null {
  try {
    return request.path.split("/").slice(3, 5).map(decodeURIComponent);
  } catch {
    return null;
  }
}

/**
 * Whether `withApi` audits a refusal of this conversation write: an id over 512 characters, or a
 * role the route does not admit (`adminOnly`), is recorded before any body is read; otherwise the
 * request reaches moderation when its connection exists and its body parses.
 */
function reachesModeration(
  fixture: FuzzFixture,
  request: FuzzRequest,
  body: z.ZodType,
  adminOnly = false,
): boolean {
  if (request.crossSite || (request.session !== "staff" && request.session !== "admin")) return false;
  const ids = pathIds(request);
  if (!ids || containsUnstorableText(ids)) return false;
  if (ids.some((id) => id.length > MAX_PARAM_LENGTH)) return true;
  if (adminOnly && request.session === "staff") return true;
  const connection = ids[0] ?? "";
  return (
    Object.values(fixture.connections).includes(connection) && body.safeParse(parsedBody(request)).success
  );
}

/** The sign-in route audits every attempt whose body names an email (see lib/api/sign-in-request.ts). */
const signInEmail = z.object({ email: z.string().min(1) }).loose();
export function writeRoutes(fixture: FuzzFixture): FuzzRoute[] {
  const {
    moderationBody,
    simulatorBase,
    connectionShaped,
    updateShaped,
    testShaped,
    moderationShaped,
    userAdminShaped,
    signInShaped,
  } = writeBodies(fixture);
  const deletable = fc.constantFrom<Provider>("zaia", "cozmox");
  const deletePath = deletable.map((provider) => ({
    path: `/api/conversations/${fixture.connections[provider]}/${encodeURIComponent(fixture.conversations[provider])}`,
    confirm: fixture.conversations[provider],
  }));
  const spare = pathSegment(fixture.spareConnections, 1).map((id) => `/api/connections/${id}`);

  return [
    {
      name: "add connection",
      pattern: "/api/connections",
      share: 0.6,
      method: "POST",
      requests: build(
        fc.constant("/api/connections"),
        fc.constant(""),
        sessionFor("admin"),
        rawBody(
          simulatorBase.map(({ provider, baseUrl }) => ({
            provider,
            name: "Fuzzed",
            baseUrl,
            apiKey: "fuzz-key-0000",
          })),
          fc.oneof(connectionShaped, nearlyValidObject(["provider", "name", "baseUrl", "apiKey"])),
          2,
        ),
      ),
    },
    {
      name: "update connection",
      pattern: "/api/connections/:id",
      share: 0.6,
      method: "PATCH",
      requests: build(
        spare,
        fc.constant(""),
        sessionFor("admin"),
        rawBody(
          fc.oneof(
            fc.record({ name: fc.constant("Fuzz renamed") }),
            simulatorBase.map(({ baseUrl }) => ({ baseUrl })),
            fc.record({ apiKey: fc.constant("fuzz-key-1111") }),
          ),
          fc.oneof(updateShaped, nearlyValidObject(["name", "baseUrl", "apiKey"])),
          3,
        ),
      ),
    },
    {
      name: "sync now",
      pattern: "/api/sync",
      share: 0.5,
      method: "POST",
      requests: build(
        fc.constant("/api/sync"),
        fc.constant(""),
        sessionFor("staff"),
        rawBody(
          fc.constantFrom(...Object.values(fixture.connections)).map((connectionId) => ({ connectionId })),
          fc.oneof(fc.record({ connectionId: hostileString }), nearlyValidObject(["connectionId"])),
          2,
        ),
      ),
    },
    {
      name: "test connection",
      pattern: "/api/connections/test",
      share: 1,
      method: "POST",
      // Every test that gets past the schema is audited, refused or not.
      auditsRefusal: (request) =>
        request.session === "admin" &&
        !request.crossSite &&
        testConnectionSchema.safeParse(parsedBody(request)).success,
      requests: build(
        fc.constant("/api/connections/test"),
        fc.constant(""),
        sessionFor("admin"),
        rawBody(
          fc.oneof(
            simulatorBase.map(({ provider, baseUrl }) => ({ provider, baseUrl, apiKey: "fuzz-key-2222" })),
            simulatorBase.map(({ provider, baseUrl }) => ({
              provider,
              baseUrl,
              connectionId: fixture.connections[provider],
            })),
          ),
          fc.oneof(testShaped, nearlyValidObject(["provider", "baseUrl", "apiKey", "connectionId"])),
          2,
        ),
      ),
    },
    {
      name: "moderate",
      pattern: "/api/conversations/:connectionId/:conversationId",
      share: 0.35,
      method: "PATCH",
      // The PATCH also takes review fields: a body valid for either reaches a service that audits.
      auditsRefusal: (request) => reachesModeration(fixture, request, conversationPatchSchema),
      requests: build(
        conversationPath(fixture, ["sigmamind", "cozmox", "zaia", "chatling"], 1),
        fc.constant(""),
        sessionFor("staff"),
        rawBody(
          moderationBody,
          fc.oneof(moderationShaped, nearlyValidObject(["important", "archived", "title", "trashed"])),
          3,
        ),
      ),
    },
    {
      name: "delete at provider",
      pattern: "/api/conversations/:connectionId/:conversationId",
      share: 0.25,
      method: "DELETE",
      auditsRefusal: (request) => reachesModeration(fixture, request, deleteBodySchema, true),
      requests: fc.oneof(
        {
          weight: 1,
          arbitrary: deletePath.chain(({ path, confirm }) =>
            build(
              fc.constant(path),
              fc.constant(""),
              sessionFor("admin"),
              fc.constant(JSON.stringify({ confirm })),
            ),
          ),
        },
        {
          weight: 30,
          arbitrary: build(
            conversationPath(fixture, ["cozmox", "zaia"], 1),
            fc.constant(""),
            sessionFor("admin"),
            rawBody(fc.record({ confirm: hostileString }), nearlyValidObject(["confirm"]), 3),
          ),
        },
      ),
    },
    {
      name: "clear sign-in failures",
      pattern: "/api/users/sign-in-locks",
      share: 0.7,
      method: "DELETE",
      requests: build(
        fc.constant("/api/users/sign-in-locks"),
        fc.constant(""),
        sessionFor("admin"),
        rawBody(
          fc.record({ email: fc.constantFrom("staff@parley.local", "ghost@parley.local") }),
          nearlyValidObject(["email"]),
          2,
        ),
      ),
    },
    {
      name: "remove connection",
      pattern: "/api/connections/:id",
      share: 0.4,
      method: "DELETE",
      requests: build(spare, fc.constant(""), sessionFor("admin")),
    },
    {
      name: "user admin",
      pattern: "/api/auth/*",
      share: 0.35,
      method: "POST",
      betterAuth: true,
      // The wrapper audits every request from a signed-in user, refused or not.
      auditsRefusal: (request) => request.session === "staff" || request.session === "admin",
      requests: build(
        fc.oneof(
          {
            weight: 6,
            arbitrary: fc
              .constantFrom(...userAdminOperations)
              .map((operation) => `/api/auth/admin/${operation}`),
          },
          { weight: 1, arbitrary: pathSegment([]).map((segment) => `/api/auth/admin/${segment}`) },
        ),
        fc.constant(""),
        sessionFor("admin"),
        rawBody(
          fc.oneof(
            fc.record({ userId: fc.constant(fixture.targetUserId), role: fc.constantFrom("staff", "admin") }),
            fc.record({
              userId: fc.constant(fixture.targetUserId),
              data: fc.record({ name: fc.constant("Fuzzed name") }),
            }),
            fc.record({
              email: fc.constant("fuzz-created@parley.local"),
              name: fc.constant("Fuzz"),
              password: fc.constant("a-long-enough-password"),
              role: fc.constant("staff"),
            }),
          ),
          fc.oneof(
            userAdminShaped,
            nearlyValidObject([
              "userId",
              "role",
              "email",
              "name",
              "password",
              "newPassword",
              "data",
              "banReason",
            ]),
          ),
          2,
        ),
      ),
    },
    {
      name: "CSP report",
      pattern: "/api/csp-report",
      share: 1,
      method: "POST",
      requests: build(
        fc.constant("/api/csp-report"),
        fc.constant(""),
        fc.constantFrom<Session>("none", "staff"),
        rawBody(
          fc.record({
            "csp-report": fc.record({ "violated-directive": hostileString, "blocked-uri": hostileString }),
          }),
          nearlyValidObject(["csp-report", "document-uri", "violated-directive"]),
          2,
        ),
      ),
    },
    {
      name: "sign in",
      pattern: "/api/auth/*",
      share: 0.35,
      method: "POST",
      betterAuth: true,
      auditsRefusal: (request) =>
        (request.path.endsWith("/sign-in/email") && signInEmail.safeParse(parsedBody(request)).success) ||
        // Own password and name changes are audited for a signed-in caller, refused or not.
        ((request.path.endsWith("/change-password") || request.path.endsWith("/update-user")) &&
          request.session === "staff"),
      requests: build(
        fc.constantFrom(
          "/api/auth/sign-in/email",
          "/api/auth/sign-in/email",
          "/api/auth/sign-in/email",
          "/api/auth/sign-out",
          "/api/auth/sign-up/email",
          "/api/auth/change-password",
          "/api/auth/update-user",
        ),
        fc.oneof(
          { weight: 4, arbitrary: fc.constant("") },
          { weight: 1, arbitrary: hostileQuery(["callbackURL", "redirectTo"]) },
        ),
        fc.oneof(
          { weight: 6, arbitrary: fc.constant<Session>("none") },
          { weight: 1, arbitrary: fc.constantFrom<Session>("staff", "garbage") },
        ),
        rawBody(
          fc.record({
            email: fc.constantFrom("staff@parley.local", "ghost@parley.local"),
            password: fc.constantFrom("wrong-password-1", "x".repeat(129)),
            currentPassword: fc.constantFrom("wrong-password-1", ""),
            newPassword: fc.constantFrom("1234567890", "another-long-password", "staff@parley.local!"),
          }),
          fc.oneof(
            signInShaped,
            nearlyValidObject([
              "email",
              "password",
              "rememberMe",
              "callbackURL",
              "name",
              "currentPassword",
              "newPassword",
              "revokeOtherSessions",
              "role",
            ]),
          ),
          2,
        ),
      ),
    },
  ];
}
