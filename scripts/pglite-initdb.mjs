#!/usr/bin/env node
/**
 * Creates an empty PGlite data directory, then exits. Parley runs this in a child process the
 * first time it opens a new data directory: PGlite's `initdb` step loads a second WebAssembly
 * module whose memory (about 450 MB) stays with the process that ran it, so doing it here keeps
 * the server's resident memory at what serving needs. Usage: node scripts/pglite-initdb.mjs DIR
 */
import { PGlite } from "@electric-sql/pglite";

const directory = process.argv[2];
if (!directory) {
  console.error("usage: node scripts/pglite-initdb.mjs <data directory>");
  process.exit(2);
}
const database = new PGlite(directory);
await database.query("select 1");
await database.close();
