import { describe, expect, it } from "vitest";
import {
  adminStandingChange,
  lastAdminRefusal,
  parseUserAdminBody,
  userAdminOperation,
} from "./admin-operations";
import { isLastActiveAdmin, passwordProblem } from "./roles";

describe("userAdminOperation", () => {
  it("recognises the wrapped better-auth admin endpoints and nothing else", () => {
    expect(userAdminOperation("/api/auth/admin/set-role")).toBe("set-role");
    expect(userAdminOperation("/api/auth/admin/ban-user")).toBe("ban-user");
    expect(userAdminOperation("/api/auth/admin/list-users")).toBeNull();
    expect(userAdminOperation("/api/auth/sign-in/email")).toBeNull();
    expect(userAdminOperation("/api/auth/admin/constructor")).toBeNull();
  });
});

describe("parseUserAdminBody", () => {
  it("refuses a new user whose password is shorter than 10 characters", () => {
    const parsed = parseUserAdminBody("create-user", {
      email: "a@b.c",
      name: "A",
      password: "short",
      role: "staff",
    });
    expect(parsed).toEqual({ ok: false, message: "password: at least 10 characters" });
  });

  it("keeps the password out of the parsed body", () => {
    const parsed = parseUserAdminBody("create-user", {
      email: " Sam@Example.com ",
      name: " Sam ",
      password: "long-enough-password",
    });
    expect(parsed).toEqual({
      ok: true,
      body: { operation: "create-user", email: "sam@example.com", name: "Sam", role: undefined },
    });
    expect(JSON.stringify(parsed)).not.toContain("long-enough-password");
  });

  it("needs a user id for actions on a user", () => {
    expect(parseUserAdminBody("ban-user", {})).toMatchObject({ ok: false });
    expect(parseUserAdminBody("set-user-password", { userId: "u1", newPassword: "x" })).toMatchObject({
      ok: false,
      message: expect.stringContaining("at least 10"),
    });
    expect(
      parseUserAdminBody("set-user-password", { userId: "u1", newPassword: "another-long-password" }),
    ).toEqual({
      ok: true,
      body: { operation: "set-user-password", userId: "u1", newPassword: "another-long-password" },
    });
  });
});

describe("adminStandingChange", () => {
  it("names what would take an administrator's standing away", () => {
    expect(adminStandingChange({ operation: "set-role", userId: "u", role: "staff" })).toBe("demote");
    expect(adminStandingChange({ operation: "set-role", userId: "u", role: "admin" })).toBeNull();
    expect(adminStandingChange({ operation: "ban-user", userId: "u" })).toBe("deactivate");
    expect(adminStandingChange({ operation: "remove-user", userId: "u" })).toBe("remove");
    expect(adminStandingChange({ operation: "update-user", userId: "u", data: { banned: true } })).toBe(
      "deactivate",
    );
    expect(adminStandingChange({ operation: "update-user", userId: "u", data: { role: ["staff"] } })).toBe(
      "demote",
    );
    expect(adminStandingChange({ operation: "update-user", userId: "u", data: { name: "New" } })).toBeNull();
    expect(adminStandingChange({ operation: "unban-user", userId: "u" })).toBeNull();
  });

  it("explains the refusal with the words the UI and tests look for", () => {
    expect(lastAdminRefusal("demote")).toContain("last administrator");
  });
});

describe("isLastActiveAdmin", () => {
  const admin = { id: "a", role: "admin", banned: false };
  it("is true only for the one active administrator", () => {
    expect(isLastActiveAdmin([admin, { id: "s", role: "staff", banned: false }], "a")).toBe(true);
    expect(isLastActiveAdmin([admin, { id: "b", role: "admin", banned: false }], "a")).toBe(false);
    // A deactivated administrator cannot stand in.
    expect(isLastActiveAdmin([admin, { id: "b", role: "admin", banned: true }], "a")).toBe(true);
    expect(isLastActiveAdmin([admin], "s")).toBe(false);
  });
});

describe("passwordProblem", () => {
  it("enforces 10 to 128 characters and refuses easy ones", () => {
    expect(passwordProblem("123456789")).toMatch(/at least 10/);
    expect(passwordProblem("1234567890")).toMatch(/keyboard run/);
    expect(passwordProblem("a-long-enough-password")).toBeNull();
    expect(passwordProblem("x".repeat(129))).toMatch(/at most 128/);
  });
});
