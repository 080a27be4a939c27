/**
 * The provider simulator's HTTP server: each provider under its own prefix (`/sigmamind`,
 * `/cozmox`, `/zaia`, `/chatling`) with the provider's real paths below it, plus `/__admin/*`
 * (`admin.ts`) for faults, resets, sizes, call counts and live changes. Binds to loopback only.
 */
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { handleAdmin, liveRandomFor, type ProviderRuntime } from "./admin";
import { CallCounter, type KeyLabel } from "./calls";
import { FaultState } from "./faults";
import { json, matchPath, type SimRequest, type SimResponse } from "./http";
import { simulatedProviderIds, type SimulatedProvider, type SimulatedProviderId } from "./provider";

const MAX_BODY_BYTES = 1_000_000;

export interface SimulatorOptions {
  host?: string;
  port: number;
  providers: readonly SimulatedProvider[];
  /** The `SIMULATOR_SCALE` the providers were built with, reported by `GET /__admin/scale`. */
  scale?: number | null;
}

export interface RunningSimulator {
  url: string;
  port: number;
  close(): Promise<void>;
}

function readBody(
  request: IncomingMessage,
): Promise<{ body: unknown; invalidJson: boolean; tooLarge: boolean }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    request.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      if (tooLarge) return resolve({ body: undefined, invalidJson: false, tooLarge });
      if (text.trim() === "") return resolve({ body: undefined, invalidJson: false, tooLarge });
      try {
        resolve({ body: JSON.parse(text), invalidJson: false, tooLarge });
      } catch {
        resolve({ body: undefined, invalidJson: true, tooLarge });
      }
    });
    request.on("error", () => resolve({ body: undefined, invalidJson: true, tooLarge }));
  });
}

function send(response: ServerResponse, result: SimResponse): void {
  if (response.writableEnded || response.destroyed) return;
  const headers: Record<string, string> = { ...(result.headers ?? {}) };
  let payload: string;
  if (result.rawText !== undefined) {
    payload = result.rawText;
    headers["content-type"] ??= "application/json";
  } else if (result.body === undefined) {
    payload = "";
  } else {
    payload = JSON.stringify(result.body);
    headers["content-type"] ??= "application/json; charset=utf-8";
  }
  headers["content-length"] = String(Buffer.byteLength(payload));
  response.writeHead(result.status, headers);
  response.end(payload);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `"GET /v1/chats/:chatId"` for the route a call matches, for the call counts. */
function routeLabel(provider: SimulatedProvider, method: string, path: string): string {
  const route = provider.routes.find(
    (candidate) => candidate.method === method && matchPath(candidate.pattern, path) !== null,
  );
  return `${method} ${route?.pattern ?? "(no route)"}`;
}

/** Which of the provider's keys a call carries, by role; `unauthorized` when the provider refuses it. */
function keyLabel(provider: SimulatedProvider, request: SimRequest): KeyLabel {
  if (!provider.isAuthorized(request)) return "unauthorized";
  const secondary = provider.apiKeys[1];
  const presented = [request.headers.authorization, request.headers["x-api-key"]]
    .filter((value): value is string => typeof value === "string")
    .map((value) => value.replace(/^bearer\s+/i, "").trim());
  return secondary !== undefined && presented.includes(secondary) ? "secondary" : "primary";
}

function withRetryAfter(response: SimResponse, retryAfterSeconds: number): SimResponse {
  return { ...response, headers: { ...response.headers, "retry-after": String(retryAfterSeconds) } };
}

/** The provider's answer to one call, after faults, auth and its rate limit; "hang" to never answer. */
async function answerProvider(runtime: ProviderRuntime, request: SimRequest): Promise<SimResponse | "hang"> {
  const { provider, faults } = runtime;
  const settings = faults.current;
  if (settings.latencyMs > 0) await sleep(settings.latencyMs);
  const decision = faults.decide(request.method);
  if (decision.kind === "hang") return "hang";
  if (!provider.isAuthorized(request)) return provider.unauthorized();

  if (decision.kind === "rate_limited") {
    const limited =
      provider.rateLimit?.response(decision.retryAfterSeconds) ??
      provider.errorResponse(429, "Too many requests");
    return withRetryAfter(limited, decision.retryAfterSeconds);
  }
  if (decision.kind === "error") return provider.errorResponse(503, "Service temporarily unavailable");
  if (decision.kind === "malformed") return { status: 200, rawText: '{"data": [{"id": "trunc' };

  if (provider.rateLimit) {
    const key = String(request.headers.authorization ?? request.headers["x-api-key"] ?? "");
    const now = Date.now();
    const window = runtime.windows.get(key);
    if (!window || now - window.startedAt >= 60_000) runtime.windows.set(key, { startedAt: now, count: 1 });
    else if (window.count >= provider.rateLimit.perMinute) {
      const retryAfterSeconds = Math.max(1, Math.ceil((window.startedAt + 60_000 - now) / 1000));
      return withRetryAfter(provider.rateLimit.response(retryAfterSeconds), retryAfterSeconds);
    } else window.count += 1;
  }

  if (request.invalidJson) return provider.errorResponse(400, "Request body is not valid JSON");

  let methodMismatch = false;
  for (const route of provider.routes) {
    const params = matchPath(route.pattern, request.path);
    if (!params) continue;
    if (route.method !== request.method) {
      methodMismatch = true;
      continue;
    }
    try {
      return await route.handler({ ...request, params });
    } catch (error) {
      console.error(`[simulator] ${provider.id} ${request.method} ${request.path} crashed:`, error);
      return provider.errorResponse(500, "Internal server error");
    }
  }
  if (methodMismatch) return provider.errorResponse(405, "Method not allowed");
  return provider.errorResponse(404, "Not found");
}

export function startSimulator(options: SimulatorOptions): Promise<RunningSimulator> {
  const host = options.host ?? "127.0.0.1";
  const runtimes = new Map<SimulatedProviderId, ProviderRuntime>();
  for (const provider of options.providers)
    runtimes.set(provider.id, {
      provider,
      faults: new FaultState(),
      requests: 0,
      windows: new Map(),
      liveRandom: liveRandomFor(provider.id),
    });
  const calls = new CallCounter();
  const sockets = new Set<Socket>();
  const hung = new Set<ServerResponse>();

  const releaseHung = () => {
    for (const response of hung) response.destroy();
    hung.clear();
  };
  const adminContext = { runtimes, calls, scale: options.scale ?? null, releaseHung };

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", `http://${host}`);
    const method = (request.method ?? "GET").toUpperCase();
    const { body, invalidJson, tooLarge } = await readBody(request);
    if (tooLarge) return send(response, json(413, { error: "body too large" }));

    if (url.pathname.startsWith("/__admin/")) {
      const path = url.pathname.slice("/__admin".length);
      return send(response, handleAdmin(adminContext, { method, path, body, invalidJson }));
    }

    const [, prefix = "", ...rest] = url.pathname.split("/");
    const runtime = runtimes.get(prefix as SimulatedProviderId);
    if (!runtime) return send(response, json(404, { error: `no simulated provider at /${prefix}` }));
    runtime.requests += 1;
    const startedAt = Date.now();
    const simRequest: SimRequest = {
      method,
      path: "/" + rest.join("/"),
      params: {},
      query: url.searchParams,
      headers: request.headers,
      body,
      invalidJson,
    };
    const { provider } = runtime;
    const route = routeLabel(provider, method, simRequest.path);
    const key = keyLabel(provider, simRequest);
    const answer = await answerProvider(runtime, simRequest);
    calls.record(provider.id, key, route, answer === "hang" ? "hang" : String(answer.status), startedAt);
    if (answer === "hang") {
      hung.add(response);
      response.on("close", () => hung.delete(response));
      return;
    }
    send(response, answer);
  }

  const server = http.createServer((request, response) => {
    handle(request, response).catch((error) => {
      console.error("[simulator] request failed:", error);
      send(response, json(500, { error: "simulator failure" }));
    });
  });
  server.keepAliveTimeout = 5_000;
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, host, () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : options.port;
      resolve({
        url: `http://${host}:${port}`,
        port,
        close: () =>
          new Promise<void>((done) => {
            releaseHung();
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}

export { simulatedProviderIds };
