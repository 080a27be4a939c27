/**
 * The building blocks of the fuzz routes: the fixture (real ids the generators mix in), the route
 * description the runner uses, and generators for paths and requests shared by reads and writes.
 */
import fc from "fast-check";
import {
  headerSet,
  hostilePairs,
  pathSegment,
  queryString,
  type FuzzRequest,
  type Session,
} from "./fuzz-inputs";

export interface FuzzFixture {
  simulatorUrl: string;
  connections: Record<"sigmamind" | "cozmox" | "zaia" | "chatling", string>;
  /** One real conversation id per provider. */
  conversations: Record<"sigmamind" | "cozmox" | "zaia" | "chatling", string>;
  /** Connections the fuzz may rename, re-point and remove. */
  spareConnections: readonly string[];
  /** A staff user the fuzz may change through the admin endpoints. */
  targetUserId: string;
}

export interface FuzzRoute {
  name: string;
  /** The route as `apiRoutes` in tests/integration/harness.ts names it. */
  pattern: string;
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** This method's share of the route's inputs (a route's shares add up to 1). */
  share: number;
  requests: fc.Arbitrary<FuzzRequest>;
  /** better-auth's routes answer some refusals in better-auth's own shape. */
  betterAuth?: boolean;
  /** Whether a refused request may still add one audit row (it reached moderation or sign-in). */
  auditsRefusal?: (request: FuzzRequest) => boolean;
}

export type Provider = keyof FuzzFixture["connections"];

/**
 * Valid provider calls go mostly to SigmaMind, Cozmox and Zaia: Chatling's documented budget
 * (300 calls a minute per connection) would otherwise make Parley wait, and a wait past the
 * provider timeout is a real 502, not a bug.
 */
export const cheapProviders: readonly Provider[] = ["sigmamind", "cozmox", "zaia"];

/** A request from its parts, with generated headers. */
export function build(
  path: fc.Arbitrary<string>,
  query: fc.Arbitrary<string>,
  session: fc.Arbitrary<Session>,
  body?: fc.Arbitrary<string | undefined>,
): fc.Arbitrary<FuzzRequest> {
  return fc
    .record({ path, query, session, headerSet, body: body ?? fc.constant(undefined) })
    .map((drawn) => ({
      path: drawn.path,
      query: drawn.query,
      session: drawn.session,
      headers: drawn.headerSet.headers,
      crossSite: drawn.headerSet.crossSite,
      ...(drawn.body === undefined ? {} : { rawBody: drawn.body }),
    }));
}

/** A hostile query string over `keys` (and random keys). */
export const hostileQuery = (keys: readonly string[]) => queryString(hostilePairs(keys));

/** Query pairs from a record, leaving out undefined values. */
export const pairsOf = (record: Record<string, string | number | undefined>): [string, string][] =>
  Object.entries(record).flatMap(([key, value]): [string, string][] =>
    value === undefined ? [] : [[key, String(value)]],
  );

/** `/api/conversations/<connection>/<conversation>`: a real pair now and then, else hostile parts. */
export function conversationPath(
  fixture: FuzzFixture,
  providers: readonly Provider[],
  validWeight: number,
): fc.Arbitrary<string> {
  const realPair = fc
    .oneof(
      { weight: 9, arbitrary: fc.constantFrom(...providers.filter((provider) => provider !== "chatling")) },
      { weight: providers.includes("chatling") ? 1 : 0, arbitrary: fc.constant<Provider>("chatling") },
    )
    .map(
      (provider) =>
        `/api/conversations/${fixture.connections[provider]}/${encodeURIComponent(fixture.conversations[provider])}`,
    );
  const realConnection = fc
    .tuple(fc.constantFrom(...cheapProviders), pathSegment([]))
    .map(([provider, conversation]) => `/api/conversations/${fixture.connections[provider]}/${conversation}`);
  const hostile = fc
    .tuple(pathSegment(Object.values(fixture.connections)), pathSegment(Object.values(fixture.conversations)))
    .map(([connection, conversation]) => `/api/conversations/${connection}/${conversation}`);
  return fc.oneof(
    { weight: validWeight, arbitrary: realPair },
    { weight: 4, arbitrary: realConnection },
    { weight: 6, arbitrary: hostile },
  );
}

/** The request's body parsed as JSON, or undefined. */
export function parsedBody(request: FuzzRequest): unknown {
  try {
    return JSON.parse(request.rawBody ?? "");
  } catch {
    return undefined;
  }
}
