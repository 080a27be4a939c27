// Preloaded (`node --require`) by command-line scripts that import Parley's server modules: the
// `server-only` marker is a Next.js build-time guard with no package behind it, so outside Next.js
// it resolves to an empty module here. Next.js builds never load this file.
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS preload, run before any loader */
const Module = require("node:module");
const path = require("node:path");
const stub = path.join(__dirname, "server-only-stub.cjs");
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === "server-only" ? stub : resolve.call(this, request, ...rest);
};
