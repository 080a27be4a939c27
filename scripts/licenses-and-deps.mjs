#!/usr/bin/env node
/**
 * `npm run audit:licenses-and-deps`: every production dependency (direct and transitive, from
 * package-lock.json) with its version and licence, so a reviewer can check them against an
 * advisory database elsewhere (`npm audit` cannot reach one from here). Direct dependencies are
 * marked `*`. Prints a table, or JSON with `--json`; exits 1 if a package has no licence stated.
 */
import fs from "node:fs";
import path from "node:path";

const root = process.cwd();
const lock = JSON.parse(fs.readFileSync(path.join(root, "package-lock.json"), "utf8"));
const direct = new Set(
  Object.keys(JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).dependencies ?? {}),
);

function licenceOf(location, entry) {
  if (typeof entry.license === "string") return entry.license;
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(root, location, "package.json"), "utf8"));
    if (typeof manifest.license === "string") return manifest.license;
    if (manifest.license && typeof manifest.license.type === "string") return manifest.license.type;
    if (Array.isArray(manifest.licenses))
      return manifest.licenses.map((item) => item.type ?? item).join(" OR ");
  } catch {
    // Not installed here (an optional package for another platform).
  }
  return "UNKNOWN";
}

const rows = [];
for (const [location, entry] of Object.entries(lock.packages ?? {})) {
  if (location === "" || entry.dev || entry.devOptional || entry.link) continue;
  if (entry.optional && !fs.existsSync(path.join(root, location))) continue;
  const name = entry.name ?? location.slice(location.lastIndexOf("node_modules/") + "node_modules/".length);
  rows.push({
    name,
    version: entry.version ?? "?",
    license: licenceOf(location, entry),
    direct: direct.has(name) && !location.includes("/node_modules/", "node_modules/".length),
  });
}
rows.sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));

if (process.argv.includes("--json")) {
  console.log(JSON.stringify(rows, null, 2));
} else {
  const width = Math.max(...rows.map((row) => row.name.length)) + 2;
  for (const row of rows)
    console.log(
      `${row.direct ? "*" : " "} ${row.name.padEnd(width)}${row.version.padEnd(18)} ${row.license}`,
    );
  const licences = new Map();
  for (const row of rows) licences.set(row.license, (licences.get(row.license) ?? 0) + 1);
  console.log(
    `\n${rows.length} production packages (${rows.filter((row) => row.direct).length} direct, marked *)`,
  );
  console.log(
    [...licences]
      .sort((a, b) => b[1] - a[1])
      .map(([licence, count]) => `${licence}: ${count}`)
      .join(", "),
  );
}
process.exit(rows.some((row) => row.license === "UNKNOWN") ? 1 : 0);
