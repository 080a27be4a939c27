/**
 * Sign-in cannot be used to find accounts or guess passwords: unknown users and wrong passwords
 * get the same answer; an account locks after 8 failures whatever address they come from; an
 * address is limited on the server-set client address, which X-Forwarded-For cannot change; and
 * passwords are stored only as scrypt hashes.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAuth } from "@/lib/auth/auth";
import { ACCOUNT_FAILURE_LIMIT } from "@/lib/auth/sign-in-guard";
import { getDatabase } from "@/lib/db/client";
import { account, user } from "@/lib/db/schema";
import { startHarness, type Harness } from "../integration/harness";

const PASSWORD = "correct-horse-battery";
let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
  for (const email of ["locked@parley.local", "hashed-one@parley.local", "hashed-two@parley.local"]) {
    await getAuth().api.createUser({ body: { email, password: PASSWORD, name: email, role: "staff" } });
  }
});
afterAll(async () => harness?.close());

async function attempt(email: string, password: string, headers: Record<string, string>) {
  const response = await harness.call("POST", "/api/auth/sign-in/email", {
    body: { email, password },
    headers,
  });
  const text = await response.text();
  const body: unknown = text ? JSON.parse(text) : null;
  return {
    status: response.status,
    body,
    retryAfter: response.headers.get("retry-after"),
    cookies: response.headers.getSetCookie(),
  };
}

describe("sign-in answers", () => {
  it("gives an unknown user and a wrong password the same status and message", async () => {
    const unknown = await attempt("nobody-here@parley.local", "some-password-1", {
      "x-parley-client-address": "10.50.1.1",
    });
    const wrong = await attempt("staff@parley.local", "some-password-1", {
      "x-parley-client-address": "10.50.1.2",
    });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(unknown.status);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.cookies).toEqual([]);
  });
});

describe("per-account limit", () => {
  it(`locks an account after ${ACCOUNT_FAILURE_LIMIT} failures, even for the right password from a new address`, async () => {
    expect(ACCOUNT_FAILURE_LIMIT).toBe(8);
    for (let index = 0; index < ACCOUNT_FAILURE_LIMIT; index++) {
      const failed = await attempt("locked@parley.local", `wrong-password-${index}`, {
        "x-parley-client-address": `10.51.0.${index + 1}`,
      });
      expect(failed.status).toBe(401);
    }
    const locked = await attempt("LOCKED@parley.local", PASSWORD, { "x-parley-client-address": "10.51.1.1" });
    expect(locked.status).toBe(429);
    expect(locked.body).toEqual({
      error: { code: "rate_limited", message: expect.stringContaining("Too many failed sign-ins") },
    });
    expect(locked.retryAfter).toBe("900");
    expect(locked.cookies).toEqual([]);
    const other = await attempt("hashed-one@parley.local", PASSWORD, {
      "x-parley-client-address": "10.51.1.2",
    });
    expect(other.status).toBe(200);
  });

  it("locks an unknown email the same way, so the lock does not reveal which accounts exist", async () => {
    const answers = [];
    for (let index = 0; index <= ACCOUNT_FAILURE_LIMIT; index++) {
      const known = await attempt("hashed-two@parley.local", `wrong-${index}`, {
        "x-parley-client-address": `10.52.0.${index + 1}`,
      });
      const unknown = await attempt("ghost@parley.local", `wrong-${index}`, {
        "x-parley-client-address": `10.52.1.${index + 1}`,
      });
      answers.push([known.status, unknown.status]);
      expect(unknown.body).toEqual(known.body);
    }
    expect(answers.at(-1)).toEqual([429, 429]);
  });
});

describe("per-address limit", () => {
  it("is keyed on the server-set client address; X-Forwarded-For does not open a fresh bucket", async () => {
    const statuses: number[] = [];
    for (let index = 0; index < 12; index++) {
      const answer = await attempt(`probe-${index}@parley.local`, "wrong-password", {
        "x-parley-client-address": "10.53.0.1",
        "x-forwarded-for": `198.51.100.${index + 1}`,
        "x-real-ip": `198.51.100.${index + 1}`,
      });
      statuses.push(answer.status);
    }
    expect(statuses.slice(0, 10)).toEqual(Array<number>(10).fill(401));
    expect(statuses.slice(10)).toEqual([429, 429]);
    const spoofed = await attempt("staff@parley.local", "parley-demo-staff", {
      "x-parley-client-address": "10.53.0.1",
      "x-forwarded-for": "203.0.113.99",
    });
    expect(spoofed.status).toBe(429);
    expect(spoofed.cookies).toEqual([]);
    const elsewhere = await attempt("staff@parley.local", "parley-demo-staff", {
      "x-parley-client-address": "10.53.0.2",
    });
    expect(elsewhere.status).toBe(200);
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
    // The same password hashes differently for each account (a random salt per hash).
    expect(byEmail.get("hashed-one@parley.local")).not.toBe(byEmail.get("hashed-two@parley.local"));
    const everything =
      JSON.stringify(await db.select().from(account)) + JSON.stringify(await db.select().from(user));
    for (const plaintext of Object.values(plaintexts)) expect(everything).not.toContain(plaintext);
  });
});
