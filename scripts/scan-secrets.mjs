#!/usr/bin/env node
/**
 * Searches the built client assets and server logs for secrets that must never reach them: the
 * simulator's demo provider keys (read from simulator/keys.ts) and PARLEY_SECRET (from the
 * environment, the e2e server's config and any data directory's secret.key).
 *
 *   node scripts/scan-secrets.mjs --log <server log> [--log <another>] [--static <dir>]
 *
 * `--static` defaults to .next/static (the files every browser downloads). Prints one line per
 * file that holds a secret (naming the secret, never showing it) and a one-line summary.
 * Exit codes: 0 nothing found, 1 a secret was found, 2 the scan could not run (missing build or
 * log, or no keys to look for), so a broken scan never passes silently.
 */
import fs from "node:fs";
import path from "node:path";

const root = process.cwd();

function fail(message) {
  console.error(`scan-secrets: cannot scan — ${message}`);
  process.exit(2);
}

function parseArguments(argv) {
  const options = { staticDir: path.join(root, ".next", "static"), logs: [] };
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    const value = argv[index + 1];
    if ((argument === "--log" || argument === "--static") && (value === undefined || value.startsWith("--")))
      fail(`${argument} needs a path`);
    if (argument === "--log") options.logs.push(path.resolve(value));
    else if (argument === "--static") options.staticDir = path.resolve(value);
    else fail(`unknown argument ${argument} (usage: scan-secrets.mjs --log <file> [--static <dir>])`);
    index += 1;
  }
  return options;
}

/** The demo keys, read from the simulator's key file so the list never drifts from it. */
function providerKeys() {
  const file = path.join(root, "simulator", "keys.ts");
  if (!fs.existsSync(file)) fail(`${shown(file)} not found (run from the repository root)`);
  const source = fs.readFileSync(file, "utf8");
  const keys = [];
  for (const match of source.matchAll(
    /^\s*(\w+):\s*\{\s*primary:\s*"([^"]+)",\s*secondary:\s*"([^"]+)"\s*\}/gm,
  )) {
    keys.push(
      { label: `${match[1]}.primary`, value: match[2] },
      { label: `${match[1]}.secondary`, value: match[3] },
    );
  }
  if (keys.length === 0) fail("no provider keys found in simulator/keys.ts");
  return keys;
}

/** PARLEY_SECRET values this machine's servers may have used. */
function serverSecrets() {
  const candidates = [];
  if (process.env.PARLEY_SECRET)
    candidates.push({ label: "PARLEY_SECRET (environment)", value: process.env.PARLEY_SECRET });
  const playwrightConfig = path.join(root, "playwright.config.ts");
  if (fs.existsSync(playwrightConfig)) {
    const match = /PARLEY_SECRET:\s*"([^"]+)"/.exec(fs.readFileSync(playwrightConfig, "utf8"));
    if (match?.[1]) candidates.push({ label: "PARLEY_SECRET (e2e server)", value: match[1] });
  }
  const dataDirs = new Set(
    [process.env.PARLEY_DATA_DIR ?? "data", "data", ".e2e-data"].map((dir) => path.resolve(root, dir)),
  );
  for (const dir of dataDirs) {
    const file = path.join(dir, "secret.key");
    if (fs.existsSync(file)) {
      const value = fs.readFileSync(file, "utf8").trim();
      if (value) candidates.push({ label: `PARLEY_SECRET (${shown(file)})`, value });
    }
  }
  const unique = new Map(candidates.map((candidate) => [candidate.value, candidate]));
  return [...unique.values()];
}

/** A path as printed: relative to the repository when inside it, absolute otherwise. */
function shown(file) {
  const relative = path.relative(root, file);
  return relative && !relative.startsWith("..") ? relative : file;
}

function filesUnder(dir) {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

function main() {
  const options = parseArguments(process.argv.slice(2));
  if (!fs.existsSync(options.staticDir) || !fs.statSync(options.staticDir).isDirectory())
    fail(`${shown(options.staticDir)} does not exist (build the app first)`);
  for (const log of options.logs) if (!fs.existsSync(log)) fail(`log file ${log} does not exist`);

  const keys = providerKeys();
  const parleySecrets = serverSecrets();
  const secrets = [...keys, ...parleySecrets].map((secret) => ({
    ...secret,
    bytes: Buffer.from(secret.value),
  }));
  const files = [...filesUnder(options.staticDir), ...options.logs];
  let bytes = 0;
  const leaks = [];
  for (const file of files) {
    const content = fs.readFileSync(file);
    bytes += content.length;
    const found = secrets.filter((secret) => content.includes(secret.bytes)).map((secret) => secret.label);
    if (found.length > 0) leaks.push({ file: shown(file), found });
  }

  const scope = `${files.length - options.logs.length} client files and ${options.logs.length} log file(s), ${(bytes / 1_048_576).toFixed(1)} MB`;
  const targets = `${keys.length} provider keys and ${parleySecrets.length} PARLEY_SECRET value(s)`;
  if (leaks.length === 0) {
    console.log(`scan-secrets: ok — ${scope} searched for ${targets}; none found`);
    return;
  }
  for (const leak of leaks) console.error(`scan-secrets: LEAK in ${leak.file}: ${leak.found.join(", ")}`);
  console.error(
    `scan-secrets: FAILED — ${leaks.length} file(s) contain secrets (${scope} searched for ${targets})`,
  );
  process.exit(1);
}

main();
