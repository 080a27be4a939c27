/**
 * fast-check arbitraries for the API fuzz test: hostile strings, query strings, path segments,
 * JSON bodies (valid, nearly valid, garbage, deep, huge, prototype-polluting, not JSON) and
 * headers. Every generated request is one a client could really send: header values are valid
 * byte strings and GET requests carry no body.
 */
import fc from "fast-check";

/** Who a generated request claims to be; `garbage` is a cookie that matches no session. */
export type Session = "staff" | "admin" | "none" | "garbage";

export interface FuzzRequest {
  path: string;
  query: string;
  rawBody?: string;
  headers: Record<string, string>;
  session: Session;
  /** Whether the request carries a cross-site Origin or Sec-Fetch-Site. */
  crossSite: boolean;
}

const specialStrings = [
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "",
  " ",
  "null",
  "undefined",
  "NaN",
  "Infinity",
  "-1",
  "0",
  "1e309",
  "99999999999999999999",
  "2026-02-30",
  "2026-13-01",
  "-271821-04-20T00:00:00Z",
  "+275760-09-13T00:00:00.000Z",
  "0001-01-01",
  "9999-12-31T23:59:59Z",
  "../../etc/passwd",
  "..%2F..%2F",
  "%00",
  "\u0000",
  "\u202e\u0627\u0644",
  "' OR 1=1 --",
  '"; drop table connections; --',
  "<script>alert(1)</script>",
  "${7*7}",
  "all",
  "a,b,,c,",
  "eyJ2IjoxfQ",
  "🙂🙃",
] as const;

/** Strings that break naive parsers: unicode, control characters, numbers, dates, very long text. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 20 }) },
  { weight: 3, arbitrary: fc.constantFrom(...specialStrings) },
  { weight: 1, arbitrary: fc.integer({ min: 200, max: 6_000 }).map((length) => "x".repeat(length)) },
  { weight: 1, arbitrary: fc.double().map(String) },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: true }).map((date) => date.toISOString()) },
);

/** A query string (with its `?`) made of `pairs`, URL-encoded, or occasionally malformed. */
export function queryString(pairs: fc.Arbitrary<[string, string][]>): fc.Arbitrary<string> {
  return fc.oneof(
    {
      weight: 9,
      arbitrary: pairs.map((entries) => {
        const search = new URLSearchParams(entries).toString();
        return search ? `?${search}` : "";
      }),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom("?%", "?%%", "?a=%E0%A4%A", "?&&&=&", "?=", "?limit=1&limit=2", "?view[]=x"),
    },
  );
}

/** Pairs drawn from `keys` (and random keys) with hostile values. */
export function hostilePairs(keys: readonly string[]): fc.Arbitrary<[string, string][]> {
  const key = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...keys) },
    { weight: 1, arbitrary: hostileString },
  );
  return fc.array(fc.tuple(key, hostileString), { maxLength: 6 });
}

/** A path segment: one of `known` (real ids) or a hostile string, URL-encoded. */
export function pathSegment(known: readonly string[], knownWeight = 1): fc.Arbitrary<string> {
  const hostile = hostileString.filter((value) => value.length > 0 && value.length < 3_000);
  const choices =
    known.length > 0
      ? fc.oneof(
          { weight: knownWeight, arbitrary: fc.constantFrom(...known) },
          { weight: 4, arbitrary: hostile },
        )
      : hostile;
  return choices.map((value) => encodeURIComponent(value));
}

const pollutingBodies = [
  '{"__proto__":{"polluted":true},"important":true}',
  '{"constructor":{"prototype":{"polluted":true}},"archived":false}',
  '{"__proto__":{"role":"admin"},"name":"x","provider":"zaia","baseUrl":"https://a.example","apiKey":"0123456789"}',
  '{"title":"\\ud800"}',
  '{"confirm":"\\udfff"}',
  '{"email":"a@b.c","password":"\\u0000\\u0000\\u0000\\u0000\\u0000\\u0000\\u0000\\u0000"}',
  '{"important":true,"important":"yes"}',
  "[]",
  "null",
  "true",
  '"string"',
  "1e400",
  "{",
  "{}}",
  "\ufeff{}",
] as const;

/** A raw request body: valid, nearly valid, any JSON, deep, huge, polluting, or not JSON at all. */
export function rawBody(
  valid: fc.Arbitrary<unknown>,
  nearlyValid: fc.Arbitrary<unknown>,
  validWeight: number,
): fc.Arbitrary<string | undefined> {
  return fc.oneof(
    { weight: validWeight, arbitrary: valid.map((value) => JSON.stringify(value)) },
    { weight: 30, arbitrary: nearlyValid.map((value) => JSON.stringify(value)) },
    { weight: 12, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)) },
    {
      weight: 4,
      arbitrary: fc
        .integer({ min: 50, max: 30_000 })
        .map((depth) => `${"[".repeat(depth)}${"]".repeat(depth)}`),
    },
    {
      weight: 2,
      arbitrary: fc
        .integer({ min: 64_001, max: 200_000 })
        .map((size) => JSON.stringify({ name: "x".repeat(size) })),
    },
    { weight: 6, arbitrary: fc.constantFrom(...pollutingBodies) },
    { weight: 6, arbitrary: fc.string({ unit: "binary", maxLength: 60 }) },
    { weight: 2, arbitrary: fc.constant(undefined) },
  );
}

/** A JSON object with the given keys (and a random one) holding values of any type. */
export function nearlyValidObject(keys: readonly string[]): fc.Arbitrary<Record<string, unknown>> {
  const value = fc.oneof(
    hostileString,
    fc.boolean(),
    fc.integer(),
    fc.double(),
    fc.constant(null),
    fc.array(hostileString, { maxLength: 3 }),
    fc.dictionary(hostileString, hostileString, { maxKeys: 2 }),
  );
  return fc.dictionary(
    fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...keys) }, { weight: 1, arbitrary: hostileString }),
    value,
    {
      maxKeys: 5,
    },
  );
}

const printable = fc
  .string({ unit: "binary-ascii", maxLength: 80 })
  .map((value) => value.replace(/[^\x20-\x7e]/g, ""));

/**
 * Headers: content types, origins (mostly Parley's own, which the harness adds when none is
 * given), fetch metadata, client addresses and random extra headers.
 */
export const headerSet: fc.Arbitrary<{ headers: Record<string, string>; crossSite: boolean }> = fc
  .record(
    {
      contentType: fc.constantFrom(
        "application/json",
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "application/json; charset=utf-16",
        "",
      ),
      origin: fc.oneof(
        { weight: 12, arbitrary: fc.constant(undefined) },
        {
          weight: 1,
          arbitrary: fc.constantFrom("https://evil.example", "null", "http://127.0.0.1:3999", ""),
        },
      ),
      secFetchSite: fc.oneof(
        { weight: 12, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: fc.constantFrom("cross-site", "same-origin", "none", "same-site") },
      ),
      clientAddress: fc.oneof(fc.ipV4(), fc.ipV6(), printable),
      forwardedFor: fc.option(fc.ipV4()),
      extra: fc.dictionary(fc.stringMatching(/^x-fuzz-[a-z]{1,8}$/), printable, { maxKeys: 2 }),
    },
    { requiredKeys: ["contentType", "clientAddress", "extra"] },
  )
  .map((drawn) => {
    const headers: Record<string, string> = {
      ...drawn.extra,
      "x-parley-client-address": drawn.clientAddress,
    };
    if (drawn.contentType) headers["content-type"] = drawn.contentType;
    if (drawn.origin !== undefined) headers.origin = drawn.origin;
    if (drawn.secFetchSite !== undefined) headers["sec-fetch-site"] = drawn.secFetchSite;
    if (drawn.forwardedFor) headers["x-forwarded-for"] = drawn.forwardedFor;
    const crossSite =
      drawn.origin === "https://evil.example" ||
      drawn.origin === "null" ||
      drawn.secFetchSite === "cross-site";
    return { headers, crossSite };
  });

/** Which session a request carries, weighted towards the role that reaches the route's checks. */
export function sessionFor(preferred: "staff" | "admin"): fc.Arbitrary<Session> {
  return fc.oneof(
    { weight: 16, arbitrary: fc.constant(preferred) },
    { weight: 2, arbitrary: fc.constant<Session>(preferred === "admin" ? "staff" : "admin") },
    { weight: 1, arbitrary: fc.constant<Session>("none") },
    { weight: 1, arbitrary: fc.constant<Session>("garbage") },
  );
}
