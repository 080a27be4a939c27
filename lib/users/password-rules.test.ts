import { describe, expect, it } from "vitest";
import { weakPasswordProblem } from "./password-rules";

describe("weakPasswordProblem", () => {
  it("refuses repeated characters, runs and keyboard rows", () => {
    for (const password of [
      "aaaaaaaaaa",
      "1234567890",
      "0987654321",
      "abcdefghijkl",
      "qwertyuiop",
      "1212121212",
      "abcabcabcabc",
    ])
      expect(weakPasswordProblem(password), password).toMatch(/repeated pattern|keyboard run|common/);
  });

  it("refuses well-known passwords, also with digits and symbols added or letters spelt as digits", () => {
    for (const password of [
      "password123",
      "P@ssw0rd2024!",
      "Summer2024!",
      "iloveyou12",
      "football!!!",
      "Welcome123456",
      "1q2w3e4r5t",
      "qwerty123456",
    ])
      expect(weakPasswordProblem(password), password).toMatch(/common/);
  });

  it("refuses a password containing the email or its name part", () => {
    expect(weakPasswordProblem("jane.doe-is-great", { email: "Jane.Doe@example.com" })).toMatch(/email/);
    expect(weakPasswordProblem("x-jane.doe@example.com", { email: "jane.doe@example.com" })).toMatch(/email/);
  });

  it("accepts passwords that are not built that way", () => {
    for (const password of [
      "correct-horse-battery",
      "a-long-enough-password",
      "ab83927461",
      "Tz8#kq2Lm!vP",
      "another-long-password",
    ])
      expect(weakPasswordProblem(password, { email: "staff@parley.local" }), password).toBeNull();
  });
});
