/**
 * The first administrator outside demo mode (`npm run admin:create`): an easy password is
 * refused, a good one creates an admin who can sign in, and the command refuses to run again once
 * an administrator exists. Runs the real command in a child process on a fresh data directory.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "parley-admin-create-"));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function run(email: string, password: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [
        "--require",
        "./scripts/support/server-only.cjs",
        "--import",
        "tsx",
        "scripts/admin-create.ts",
        "--email",
        email,
      ],
      {
        env: {
          PATH: process.env.PATH,
          NODE_ENV: "production",
          PARLEY_DEMO: "0",
          PARLEY_SECRET: "admin-create-test-secret-0123456789abcdef",
          PARLEY_DATA_DIR: dataDir,
        },
        timeout: 90_000,
      },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, output: stdout + stderr }),
    );
    child.stdin?.end(`${password}\n`);
  });
}

describe("npm run admin:create", () => {
  it("refuses an easy password, creates the first admin, then refuses to run again", async () => {
    const weak = await run("first@example.com", "1234567890");
    expect(weak.code).toBe(1);
    expect(weak.output).toMatch(/repeated pattern|keyboard run|common/);
    const created = await run("first@example.com", "Tz8-kq2Lm-vP93x");
    expect(created.output).toContain("Administrator first@example.com created");
    expect(created.code).toBe(0);
    const again = await run("second@example.com", "Tz8-kq2Lm-vP93x-2");
    expect(again.code).toBe(1);
    expect(again.output).toContain("An administrator already exists");
    expect(again.output).not.toContain("Tz8-kq2Lm");
  }, 240_000);
});
