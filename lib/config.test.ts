import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./config";

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), "parley-config-"));

describe("configuration", () => {
  it("applies the defaults and generates the demo secret once, readable only by its owner", () => {
    const dataDir = tempDir();
    const config = parseConfig({ PARLEY_DATA_DIR: dataDir });
    expect(config).toMatchObject({ port: 3000, simulatorPort: 4010, demo: true, databaseUrl: null });
    const file = path.join(dataDir, "secret.key");
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(parseConfig({ PARLEY_DATA_DIR: dataDir }).secret).toBe(config.secret);
    expect(config.secret.length).toBeGreaterThanOrEqual(32);
  });

  it("turns demo mode off with a database and then requires PARLEY_SECRET, naming the fix", () => {
    expect(() =>
      parseConfig({ DATABASE_URL: "postgres://u:p@127.0.0.1:5432/db", PARLEY_DATA_DIR: tempDir() }),
    ).toThrow(/PARLEY_SECRET is required when demo mode is off.*openssl rand/);
    const config = parseConfig({
      DATABASE_URL: "postgres://u:p@127.0.0.1:5432/db",
      PARLEY_SECRET: "x".repeat(40),
    });
    expect(config.demo).toBe(false);
  });

  it("names the variable and the problem for bad values", () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ PORT: "eighty" }, /PORT: PORT must be a port number/],
      [{ PORT: "70000" }, /PORT/],
      [{ DATABASE_URL: "mysql://x" }, /DATABASE_URL: must be a postgres/],
      [{ PARLEY_SECRET: "short" }, /PARLEY_SECRET: must be at least 32 characters/],
      [{ PARLEY_DEMO: "maybe" }, /PARLEY_DEMO: must be one of/],
      [{ PARLEY_PUBLIC_URL: "not a url" }, /PARLEY_PUBLIC_URL/],
    ];
    for (const [environment, message] of cases) {
      const attempt = () => parseConfig({ PARLEY_DATA_DIR: tempDir(), ...environment });
      expect(attempt).toThrow(ConfigError);
      expect(attempt).toThrow(message);
    }
  });

  it("reads the trusted proxies list and the public URL", () => {
    const config = parseConfig({
      PARLEY_DATA_DIR: tempDir(),
      PARLEY_TRUSTED_PROXIES: "10.0.0.1, 10.0.0.2",
      PARLEY_PUBLIC_URL: "https://parley.example.com/",
    });
    expect(config.trustedProxies).toEqual(["10.0.0.1", "10.0.0.2"]);
    expect(config.publicUrl).toBe("https://parley.example.com");
  });
});
