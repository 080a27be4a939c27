/**
 * Property-based fuzzing of the admin routes for connections and the audit log (see
 * support/fuzz-session.ts): reads change nothing and never answer 5xx; adding, updating, testing
 * and removing connections change data only when they succeed.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { fuzzGroups } from "./support/fuzz-routes";
import { registerFuzzSession } from "./support/fuzz-session";

const session = registerFuzzSession();
const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();

describe("API fuzzing: connections and audit", () => {
  for (const name of fuzzGroups.connections.reads)
    it(`${name} changes nothing`, () => session.read(name), 600_000);

  describe("writes", () => {
    beforeAll(() => session.addSpareConnections(12));
    for (const name of fuzzGroups.connections.writes)
      it(`${name} changes nothing when refused`, () => session.write(name), 600_000);
  });

  it("left Object.prototype untouched", () => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
    expect("polluted" in {}).toBe(false);
  });
});
