/**
 * Property-based fuzzing of the conversation routes (see support/fuzz-session.ts): the list,
 * threads, messages, history and facets change nothing and never answer 5xx; moderation and
 * delete-at-provider change data (Parley's or the provider's) only when they succeed.
 */
import { describe, expect, it } from "vitest";
import { fuzzGroups } from "./support/fuzz-routes";
import { registerFuzzSession } from "./support/fuzz-session";

const session = registerFuzzSession();
const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();

describe("API fuzzing: conversations", () => {
  for (const name of fuzzGroups.conversations.reads)
    it(`${name} changes nothing`, () => session.read(name), 600_000);
  for (const name of fuzzGroups.conversations.writes)
    it(`${name} changes nothing when refused`, () => session.write(name), 600_000);

  it("left Object.prototype untouched", () => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
    expect("polluted" in {}).toBe(false);
  });
});
