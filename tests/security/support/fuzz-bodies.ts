/**
 * Request bodies for the write routes: valid ones (so the checks past validation run) and bodies
 * of the right shape with hostile values (so the deeper checks, such as the base URL rules, see
 * them too).
 */
import fc from "fast-check";
import { hostileString } from "./fuzz-inputs";
import { cheapProviders, type FuzzFixture } from "./fuzz-route-kit";

/** Base URLs the connection routes must refuse (see lib/connections/base-url.ts). */
export const hostileBaseUrls = [
  "http://api.example.com",
  "file:///etc/passwd",
  "javascript:alert(1)",
  "https://user:pass@api.example.com",
  "https://api.example.com/?token=1",
  "https://[::ffff:127.0.0.1]",
  "https://0.0.0.0",
  "ftp://api.example.com",
  "not a url",
] as const;

/** Generators of valid and shaped bodies for one fixture. */
export function writeBodies(fixture: FuzzFixture) {
  const moderationBody = fc.oneof(
    fc.record({ important: fc.boolean() }),
    fc.record({ archived: fc.boolean(), trashed: fc.boolean() }),
    fc.record({ title: fc.constantFrom("Renamed by the fuzz test", null) }),
  );
  const simulatorBase = fc
    .constantFrom(...cheapProviders)
    .map((provider) => ({ provider, baseUrl: `${fixture.simulatorUrl}/${provider}` }));
  // Bodies of the right shape with hostile values: they pass the first checks and reach the deeper ones.
  const providerish = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...cheapProviders, "chatling") },
    { weight: 1, arbitrary: hostileString },
  );
  const baseUrlish = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...hostileBaseUrls) },
    { weight: 1, arbitrary: simulatorBase.map(({ baseUrl }) => baseUrl) },
    { weight: 1, arbitrary: hostileString },
  );
  const connectionShaped = fc.record(
    { provider: providerish, name: hostileString, baseUrl: baseUrlish, apiKey: hostileString },
    { requiredKeys: ["provider", "name", "baseUrl", "apiKey"] },
  );
  const updateShaped = fc.record(
    { name: hostileString, baseUrl: baseUrlish, apiKey: hostileString },
    { requiredKeys: [] },
  );
  const testShaped = fc.record(
    {
      provider: providerish,
      baseUrl: baseUrlish,
      apiKey: hostileString,
      connectionId: fc.oneof(fc.constantFrom(...Object.values(fixture.connections)), hostileString),
    },
    { requiredKeys: ["provider", "baseUrl"] },
  );
  const moderationShaped = fc.record(
    {
      important: fc.boolean(),
      archived: fc.boolean(),
      trashed: fc.boolean(),
      title: fc.oneof(hostileString, fc.constant(null)),
    },
    { requiredKeys: [] },
  );
  const userAdminShaped = fc.record(
    {
      userId: fc.oneof(fc.constant(fixture.targetUserId), hostileString),
      role: fc.oneof(fc.constantFrom("staff", "admin"), hostileString),
      email: hostileString,
      name: hostileString,
      password: hostileString,
    },
    { requiredKeys: [] },
  );
  const signInShaped = fc.record(
    {
      email: fc.oneof(fc.constantFrom("staff@parley.local", "ghost@parley.local"), hostileString),
      password: hostileString,
    },
    { requiredKeys: ["email", "password"] },
  );
  return {
    moderationBody,
    simulatorBase,
    connectionShaped,
    updateShaped,
    testShaped,
    moderationShaped,
    userAdminShaped,
    signInShaped,
  };
}
