/**
 * Sign-in cannot be used to find accounts, guess passwords or lock anyone out: unknown users and
 * wrong passwords get the same answer; after five failures an account's failed addresses wait
 * longer and longer, refusals while waiting are not counted, and the right password from an
 * address that has not failed always gets through; each address has a per-minute limit on
 * failures (successes do not count); parallel guesses are checked one at a time; admins see and
 * clear an account's failures; passwords are stored only as scrypt hashes; the answer carries no
 * session token.
 */
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAuth } from "@/lib/auth/auth";
import { FREE_FAILURES, PASSWORD_FAILURE } from "@/lib/auth/sign-in-guard";
import { getDatabase } from "@/lib/db/client";
import { account, auditLog, user } from "@/lib/db/schema";
import { startHarness, type Harness } from "../integration/harness";

const PASSWORD = "correct-horse-battery";
let harness: Harness;
let nextNet = 1;

beforeAll(async () => {
  harness = await startHarness();
  const emails = ["victim@parley.local", "cleared@parley.local", "burst@parley.local", "known@parley.local"];
  for (const email of [...emails, "hashed-one@parley.local", "hashed-two@parley.local"])
    await getAuth().api.createUser({ body: { email, password: PASSWORD, name: email, role: "staff" } });
});
afterAll(async () => harness?.close());

/** A fresh /24 for each test, so per-address limits of one test do not reach another. */
function network(): (host: number) => string {
  const net = nextNet++;
  return (host) => `10.${60 + net}.0.${host}`;
}

async function attempt(email: string, password: string, address: string, extra: Record<string, string> = {}) {
  const response = await harness.call("POST", "/api/auth/sign-in/email", {
    body: { email, password },
    headers: { "x-parley-client-address": address, ...extra },
  });
  const text = await response.text();
  return {
    status: response.status,
    body: (text ? JSON.parse(text) : null) as unknown,
    retryAfter: response.headers.get("retry-after"),
    cookies: response.headers.getSetCookie(),
  };
}

async function countedFailures(email: string): Promise<number> {
  const db = await getDatabase();
  const rows = await db
    .select({ value: count() })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.action, "auth.sign_in"),
        eq(auditLog.error, PASSWORD_FAILURE),
        eq(auditLog.actorEmail, email),
      ),
    );
  return rows[0]?.value ?? 0;
}

/** Five failures from `attacker`, three more from fresh addresses: the account now waits 8 s. */
async function failEightTimes(email: string, attacker: string, at: (host: number) => string) {
  for (let index = 0; index < FREE_FAILURES; index++)
    expect((await attempt(email, `wrong-password-${index}`, attacker)).status).toBe(401);
  for (let index = 0; index < 3; index++)
    expect((await attempt(email, `wrong-password-x${index}`, at(100 + index))).status).toBe(401);
}

describe("sign-in answers", () => {
  it("gives an unknown user and a wrong password the same status and message, and no token", async () => {
    const at = network();
    const unknown = await attempt("nobody-here@parley.local", "some-password-1", at(1));
    const wrong = await attempt("staff@parley.local", "some-password-1", at(2));
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(unknown.status);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.cookies).toEqual([]);
    const right = await attempt("staff@parley.local", "parley-demo-staff", at(3));
    expect(right.status).toBe(200);
    expect(JSON.stringify(right.body)).not.toMatch(/"token"/);
    expect(right.body).toMatchObject({ user: { email: "staff@parley.local" } });
  });

  it("records the claimed email bounded and unverified", async () => {
    const at = network();
    const long = `${"x".repeat(1_000)}@parley.local`;
    await attempt(long, "wrong-password-0", at(1));
    const db = await getDatabase();
    const [row] = await db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.action, "auth.sign_in"), eq(auditLog.after, { address: at(1), verified: false })),
      );
    expect(row?.actorEmail?.length).toBeLessThanOrEqual(320);
    expect(row?.actorId).toBeNull();
  });
});

describe("per-account delay", () => {
  it("delays only addresses that failed, never counts its own refusals, and lets the right password in from elsewhere", async () => {
    const at = network();
    const email = "victim@parley.local";
    await failEightTimes(email, at(1), at);
    const refused = await attempt(email, "wrong-password-again", at(1));
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({
      error: { code: "rate_limited", message: expect.stringContaining("Too many failed sign-ins") },
    });
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect(Number(refused.retryAfter)).toBeLessThanOrEqual(8);
    for (let index = 0; index < 10; index++) expect((await attempt(email, PASSWORD, at(1))).status).toBe(429);
    expect(await countedFailures(email)).toBe(8);
    const owner = await attempt(email, PASSWORD, at(50));
    expect(owner.status).toBe(200);
    expect(owner.cookies.length).toBeGreaterThan(0);
  });

  it("treats an unknown email exactly like a known one", async () => {
    const at = network();
    await failEightTimes("known@parley.local", at(1), at);
    await failEightTimes("ghost@parley.local", at(2), at);
    const known = await attempt("known@parley.local", "wrong-again-1", at(1));
    const ghost = await attempt("ghost@parley.local", "wrong-again-1", at(2));
    expect([known.status, ghost.status]).toEqual([429, 429]);
    // The same answer, up to the seconds left to wait (the two accounts failed a few seconds apart).
    const shape = (body: unknown) => JSON.stringify(body).replace(/\d+/g, "N");
    expect(shape(ghost.body)).toBe(shape(known.body));
  });

  it("checks parallel guesses one at a time", async () => {
    const at = network();
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, index) => attempt("burst@parley.local", `burst-guess-${index}`, at(1))),
    );
    const tried = answers.filter((answer) => answer.status === 401).length;
    expect(tried).toBeGreaterThanOrEqual(FREE_FAILURES);
    expect(tried).toBeLessThanOrEqual(FREE_FAILURES + 1);
    expect(answers.filter((answer) => answer.status === 429)).toHaveLength(20 - tried);
  });
});

describe("admins see and clear an account's failures", () => {
  it("lists the account with its delay, and clearing it lets the failed address try again", async () => {
    const at = network();
    const email = "cleared@parley.local";
    await failEightTimes(email, at(1), at);
    expect((await attempt(email, "wrong-again", at(1))).status).toBe(429);
    const staff = await harness.call("GET", "/api/users/sign-in-locks", { cookie: harness.staffCookie });
    expect(staff.status).toBe(403);
    const listed = await harness.json<{
      items: { email: string; failures: number; delayedUntil: string | null }[];
    }>("GET", "/api/users/sign-in-locks", { cookie: harness.adminCookie });
    expect(listed.body.items.find((item) => item.email === email)).toMatchObject({
      failures: 8,
      delayedUntil: expect.any(String),
    });
    const cleared = await harness.call("DELETE", "/api/users/sign-in-locks", {
      cookie: harness.adminCookie,
      body: { email },
    });
    expect(cleared.status).toBe(204);
    expect((await attempt(email, "wrong-after-clear", at(1))).status).toBe(401);
    const after = await harness.json<{ items: { email: string; failures: number }[] }>(
      "GET",
      "/api/users/sign-in-locks",
      {
        cookie: harness.adminCookie,
      },
    );
    expect(after.body.items.find((item) => item.email === email)?.failures).toBe(1);
    const db = await getDatabase();
    const rows = await db.select().from(auditLog).where(eq(auditLog.action, "user.clear_sign_in_lock"));
    expect(rows.at(-1)).toMatchObject({
      actorEmail: "admin@parley.local",
      after: { email },
      outcome: "success",
    });
  });
});

describe("per-address limit", () => {
  it("does not count successful sign-ins: an office behind one address signs in freely", async () => {
    const at = network();
    for (let index = 0; index < 15; index++)
      expect(
        (await attempt("staff@parley.local", "parley-demo-staff", at(1))).status,
        `sign-in ${index}`,
      ).toBe(200);
  });

  it("counts failures on the server-set client address; X-Forwarded-For does not open a fresh bucket", async () => {
    const at = network();
    const statuses: number[] = [];
    for (let index = 0; index < 12; index++) {
      const answer = await attempt(`probe-${index}@parley.local`, "wrong-password", at(1), {
        "x-forwarded-for": `198.51.100.${index + 1}`,
        "x-real-ip": `198.51.100.${index + 1}`,
      });
      statuses.push(answer.status);
    }
    expect(statuses.slice(0, 10)).toEqual(Array<number>(10).fill(401));
    expect(statuses.slice(10)).toEqual([429, 429]);
    const spoofed = await attempt("staff@parley.local", "parley-demo-staff", at(1), {
      "x-forwarded-for": "203.0.113.99",
    });
    expect(spoofed.status).toBe(429);
    expect(spoofed.cookies).toEqual([]);
    expect((await attempt("staff@parley.local", "parley-demo-staff", at(2))).status).toBe(200);
  });
});

describe("password storage", () => {
  it("stores only salted scrypt hashes in better-auth's salt:key hex format", async () => {
    const db = await getDatabase();
    const rows = await db
      .select({ email: user.email, password: account.password })
      .from(account)
      .innerJoin(user, eq(account.userId, user.id));
    const byEmail = new Map(rows.map((row) => [row.email, row.password ?? ""]));
    const plaintexts: Record<string, string> = {
      "admin@parley.local": "parley-demo-admin",
      "staff@parley.local": "parley-demo-staff",
      "hashed-one@parley.local": PASSWORD,
      "hashed-two@parley.local": PASSWORD,
    };
    for (const [email, plaintext] of Object.entries(plaintexts)) {
      const stored = byEmail.get(email) ?? "";
      expect(stored, email).toMatch(/^[0-9a-f]{32}:[0-9a-f]{128}$/);
      expect(stored).not.toContain(plaintext);
    }
    expect(byEmail.get("hashed-one@parley.local")).not.toBe(byEmail.get("hashed-two@parley.local"));
    const everything =
      JSON.stringify(await db.select().from(account)) + JSON.stringify(await db.select().from(user));
    for (const plaintext of Object.values(plaintexts)) expect(everything).not.toContain(plaintext);
  });
});
