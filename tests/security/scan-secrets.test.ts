/**
 * `scripts/scan-secrets.mjs`, run as `npm test` runs it: clean assets pass, a provider key or
 * PARLEY_SECRET in a client file or the server log fails naming the file and the secret (never
 * printing it), and a scan that cannot run fails too.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { simulatorKeys } from "@/simulator/keys";

const SECRET = "scan-test-secret-0123456789abcdefghijkl";
let workDir: string;
let staticDir: string;
let logFile: string;

function scan(...extra: string[]) {
  const result = spawnSync(
    process.execPath,
    ["scripts/scan-secrets.mjs", "--static", staticDir, "--log", logFile, ...extra],
    {
      cwd: process.cwd(),
      env: { ...process.env, PARLEY_SECRET: SECRET },
      encoding: "utf8",
    },
  );
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

beforeEach(() => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), "parley-scan-"));
  staticDir = path.join(workDir, "static");
  fs.mkdirSync(path.join(staticDir, "chunks", "app"), { recursive: true });
  fs.writeFileSync(path.join(staticDir, "chunks", "app", "page.js"), 'console.log("keyHint …d4a6");');
  fs.writeFileSync(path.join(staticDir, "chunks", "main.js"), "export const x = 1;");
  logFile = path.join(workDir, "server.log");
  fs.writeFileSync(logFile, "[parley] listening on http://127.0.0.1:3100\n");
});
afterEach(() => fs.rmSync(workDir, { recursive: true, force: true }));

describe("scan-secrets", () => {
  it("passes clean assets and logs with a one-line summary", () => {
    const { code, output } = scan();
    expect(code).toBe(0);
    expect(output.trim().split("\n")).toHaveLength(1);
    expect(output).toMatch(
      /^scan-secrets: ok — 2 client files and 1 log file\(s\).* 8 provider keys and \d+ PARLEY_SECRET value\(s\); none found/,
    );
  });

  it("fails on a provider key inside a client chunk, naming the file and the key but not printing it", () => {
    fs.appendFileSync(
      path.join(staticDir, "chunks", "app", "page.js"),
      `\nconst k = "${simulatorKeys.zaia.secondary}";`,
    );
    const { code, output } = scan();
    expect(code).toBe(1);
    expect(output).toContain(`LEAK in ${path.join(staticDir, "chunks", "app", "page.js")}: zaia.secondary`);
    expect(output).toContain("FAILED — 1 file(s) contain secrets");
    expect(output).not.toContain(simulatorKeys.zaia.secondary);
  });

  it("fails on PARLEY_SECRET or a key in the server log", () => {
    fs.appendFileSync(
      logFile,
      `config: ${SECRET}\nAuthorization: Bearer ${simulatorKeys.chatling.primary}\n`,
    );
    const { code, output } = scan();
    expect(code).toBe(1);
    expect(output).toContain(`LEAK in ${logFile}: chatling.primary, PARLEY_SECRET (environment)`);
    expect(output).not.toContain(SECRET);
  });

  it("refuses to pass when there is nothing to scan", () => {
    fs.rmSync(staticDir, { recursive: true });
    expect(scan().code).toBe(2);
    fs.mkdirSync(staticDir);
    expect(scan("--log", path.join(workDir, "missing.log")).code).toBe(2);
    expect(scan("--log").code).toBe(2);
  });
});
