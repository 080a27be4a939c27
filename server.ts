/**
 * Parley's HTTP server: Next.js behind a thin Node server that binds to loopback (PARLEY_HOST to
 * change), stamps each request with the client's real address (for sign-in rate limits; a client
 * cannot spoof it), and logs unhandled rejections instead of dying.
 *
 * `npm run build` compiles it to `dist/server.mjs`, which serves the production build
 * (`node dist/server.mjs`); `tsx server.ts --dev` runs Next in development.
 */
import http from "node:http";
import v8 from "node:v8";
import fs from "node:fs";
import path from "node:path";
import next from "next";
import { CLIENT_ADDRESS_HEADER, resolveClientAddress } from "./lib/auth/client-address";

const dev = process.argv.includes("--dev");
const host = process.env.PARLEY_HOST ?? "127.0.0.1";
const port = Number(process.env.PORT ?? 3000);
const trustedProxies = (process.env.PARLEY_TRUSTED_PROXIES ?? "")
  .split(",")
  .map((entry) => entry.trim())
  .filter(Boolean);

/**
 * How far V8 lets the JavaScript heap grow past what the last full collection kept, in percent.
 * V8's default on a machine with this much memory is 300 (4×): the ~70 MB Parley keeps alive
 * became ~300 MB resident of garbage, collected only when the heap reached that limit (after the
 * first sync and under steady requests alike). 50 % collects earlier; see bench/results/memory-latest.md.
 * V8 reads this flag each time it sets the next limit, so setting it here, before Next.js loads,
 * applies however the server is started.
 */
const HEAP_GROWING_PERCENT = 50;
v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);

if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number (0-65535), got "${process.env.PORT}".`);
  process.exit(1);
}

process.on("unhandledRejection", (reason) => {
  console.error("[parley] unhandled rejection:", reason instanceof Error ? reason.message : reason);
});

/**
 * In production, Next.js reads the config the build resolved (`.next/required-server-files.json`),
 * as its own standalone server does (the same variable), instead of compiling `next.config.ts`
 * with its SWC compiler at every start: that maps SWC's ~66 MB native binary into the server for
 * its whole life (~25 MB resident; bench/results/memory-latest.md). Headers and redirects are in
 * the build's manifests either way; development reads the file, so edits to it apply.
 */
function adoptBuiltConfig(): void {
  const manifest = path.join(process.cwd(), ".next", "required-server-files.json");
  let config: unknown;
  try {
    config = (JSON.parse(fs.readFileSync(manifest, "utf8")) as { config?: unknown }).config;
  } catch {
    config = undefined;
  }
  if (!config || typeof config !== "object") {
    console.error(`No production build's config in ${manifest}: run \`npm run build\` first.`);
    process.exit(1);
  }
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG ??= JSON.stringify(config);
}

async function main(): Promise<void> {
  if (!dev) adoptBuiltConfig();
  const app = next({ dev, hostname: host, port, dir: process.cwd() });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = http.createServer((request, response) => {
    const forwarded = request.headers["x-forwarded-for"];
    request.headers[CLIENT_ADDRESS_HEADER] = resolveClientAddress(
      request.socket.remoteAddress,
      Array.isArray(forwarded) ? forwarded.join(",") : forwarded,
      trustedProxies,
    );
    handle(request, response).catch((error: unknown) => {
      console.error("[parley] request failed:", error instanceof Error ? error.message : error);
      if (!response.headersSent) {
        response.statusCode = 500;
        response.setHeader("content-type", "application/json");
        response.end(
          JSON.stringify({ error: { code: "internal", message: "Something went wrong on the server." } }),
        );
      }
    });
  });
  server.keepAliveTimeout = 65_000;
  server.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EADDRINUSE") console.error(`Port ${port} is in use: set PORT to a free port.`);
    else console.error("[parley] server error:", error.message);
    process.exit(1);
  });
  server.listen(port, host, () => {
    console.log(`[parley] listening on http://${host}:${port}${dev ? " (development)" : ""}`);
  });
  const stop = () => server.close(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error: unknown) => {
  console.error("[parley] cannot start:", error instanceof Error ? error.message : error);
  process.exit(1);
});
