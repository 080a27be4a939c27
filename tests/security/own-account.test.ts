/**
 * A person's own account: changing the password needs the current one, refuses an easy one, ends
 * the person's other sessions and is audited either way; changing one's name is audited; nothing
 * but the name (and picture) can be changed this way.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAuth } from "@/lib/auth/auth";
import { getDatabase } from "@/lib/db/client";
import { auditLog, user } from "@/lib/db/schema";
import { startHarness, type Harness } from "../integration/harness";

const EMAIL = "changes@parley.local";
const FIRST = "first-long-password-81";
const SECOND = "second-long-password-94";
let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
  await getAuth().api.createUser({ body: { email: EMAIL, password: FIRST, name: "Before", role: "staff" } });
});
afterAll(async () => harness?.close());

async function rows(action: string) {
  const db = await getDatabase();
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.actorEmail, EMAIL)));
}

describe("changing one's own password", () => {
  it("refuses an easy password and a wrong current one, audited", async () => {
    const cookie = await harness.signIn(EMAIL, FIRST);
    for (const newPassword of ["1234567890", "changes-2024-ok", "password2024!"]) {
      const weak = await harness.call("POST", "/api/auth/change-password", {
        cookie,
        body: { currentPassword: FIRST, newPassword },
      });
      expect(weak.status, newPassword).toBe(400);
    }
    const wrong = await harness.call("POST", "/api/auth/change-password", {
      cookie,
      body: { currentPassword: "not-the-password-00", newPassword: SECOND },
    });
    expect(wrong.status).toBe(400);
    const audited = await rows("account.change_password");
    expect(audited).toHaveLength(4);
    expect(audited.every((row) => row.outcome === "failure")).toBe(true);
    expect(JSON.stringify(audited)).not.toMatch(/long-password|1234567890/);
  });

  it("ends the other sessions, keeps this one, and is audited", async () => {
    const elsewhere = await harness.signIn(EMAIL, FIRST);
    const here = await harness.signIn(EMAIL, FIRST);
    const changed = await harness.call("POST", "/api/auth/change-password", {
      cookie: here,
      body: { currentPassword: FIRST, newPassword: SECOND, revokeOtherSessions: false },
    });
    expect(changed.status).toBe(200);
    expect(JSON.stringify(await changed.json())).not.toContain('"token"');
    const renewed = changed.headers
      .getSetCookie()
      .find((value) => value.startsWith("better-auth.session_token="))
      ?.split(";")[0];
    expect((await harness.call("GET", "/api/facets", { cookie: elsewhere })).status).toBe(401);
    expect((await harness.call("GET", "/api/facets", { cookie: renewed ?? here })).status).toBe(200);
    expect((await rows("account.change_password")).at(-1)).toMatchObject({ outcome: "success" });
    await expect(harness.signIn(EMAIL, FIRST)).rejects.toThrow();
    expect(await harness.signIn(EMAIL, SECOND)).toMatch(/session_token/);
  });
});

describe("changing one's own name", () => {
  it("is audited with the name before and after", async () => {
    const cookie = await harness.signIn(EMAIL, SECOND);
    const response = await harness.call("POST", "/api/auth/update-user", { cookie, body: { name: "After" } });
    expect(response.status).toBe(200);
    expect((await rows("account.update")).at(-1)).toMatchObject({
      outcome: "success",
      before: { name: "Before" },
      after: { name: "After" },
    });
  });

  it("refuses any other field, audited, and changes nothing", async () => {
    const cookie = await harness.signIn(EMAIL, SECOND);
    for (const body of [{ name: "X", role: "admin" }, { banned: true }, { email: "other@parley.local" }]) {
      const response = await harness.call("POST", "/api/auth/update-user", { cookie, body });
      expect(response.status).toBe(400);
    }
    const db = await getDatabase();
    expect(
      await db.select({ role: user.role, name: user.name }).from(user).where(eq(user.email, EMAIL)),
    ).toEqual([{ role: "staff", name: "After" }]);
    expect((await rows("account.update")).filter((row) => row.outcome === "failure")).toHaveLength(3);
  });
});
