import { beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));

const { SESSION_CACHE_TTL_MS, cachedSession, forgetSessions, rememberSession, sessionGeneration } =
  await import("./session-cache");

const actor = { id: "u1", email: "a@parley.local", name: "A", role: "staff" as const };
const now = 1_000_000;
const inAnHour = new Date(now + 3_600_000);

describe("session cache", () => {
  beforeEach(() => forgetSessions());

  it("answers a remembered cookie until the time to live runs out", () => {
    rememberSession("cookie-1", actor, inAnHour, sessionGeneration(), now);
    expect(cachedSession("cookie-1", now + 1)).toEqual(actor);
    expect(cachedSession("cookie-1", now + SESSION_CACHE_TTL_MS - 1)).toEqual(actor);
    expect(cachedSession("cookie-1", now + SESSION_CACHE_TTL_MS)).toBeNull();
    expect(cachedSession("other-cookie", now + 1)).toBeNull();
  });

  it("never answers past the session's own expiry", () => {
    rememberSession("cookie-1", actor, new Date(now + 1_000), sessionGeneration(), now);
    expect(cachedSession("cookie-1", now + 999)).toEqual(actor);
    expect(cachedSession("cookie-1", now + 1_000)).toBeNull();
  });

  it("forgets everything when users or sessions change", () => {
    rememberSession("cookie-1", actor, inAnHour, sessionGeneration(), now);
    forgetSessions();
    expect(cachedSession("cookie-1", now + 1)).toBeNull();
  });

  it("does not keep a lookup that was in flight while a change landed", () => {
    const before = sessionGeneration();
    forgetSessions(); // a ban, say, lands while the lookup is still reading the old state
    rememberSession("cookie-1", actor, inAnHour, before, now);
    expect(cachedSession("cookie-1", now + 1)).toBeNull();
  });

  it("stays bounded, dropping the oldest entries first", () => {
    const generation = sessionGeneration();
    for (let index = 0; index < 5_001; index += 1)
      rememberSession(`cookie-${index}`, actor, inAnHour, generation, now);
    expect(cachedSession("cookie-0", now + 1)).toBeNull();
    expect(cachedSession("cookie-1", now + 1)).toEqual(actor);
    expect(cachedSession("cookie-5000", now + 1)).toEqual(actor);
  });
});
