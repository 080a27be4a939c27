/**
 * The provider simulator's HTTP server: each provider under its own prefix (`/sigmamind`,
 * `/cozmox`, `/zaia`, `/chatling`) with the provider's real paths below it, plus `/__admin/*`
 * for fault injection and resets. Binds to loopback only.
 */
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { faultSettingsSchema, FaultState, type FaultSettings } from "./faults";
import { json, matchPath, type SimRequest, type SimResponse } from "./http";
import { simulatedProviderIds, type SimulatedProvider, type SimulatedProviderId } from "./provider";

const MAX_BODY_BYTES = 1_000_000;

export interface SimulatorOptions {
  host?: string;
  port: number;
  providers: readonly SimulatedProvider[];
}

export interface RunningSimulator {
  url: string;
  port: number;
  close(): Promise<void>;
}

interface ProviderRuntime {
  provider: SimulatedProvider;
  faults: FaultState;
  requests: number;
  /** Per-key request starts in the current minute window, for documented rate limits. */
  windows: Map<string, { startedAt: number; count: number }>;
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

export function startSimulator(options: SimulatorOptions): Promise<RunningSimulator> {
  const host = options.host ?? "127.0.0.1";
  const runtimes = new Map<SimulatedProviderId, ProviderRuntime>();
  for (const provider of options.providers)
    runtimes.set(provider.id, { provider, faults: new FaultState(), requests: 0, windows: new Map() });
  const sockets = new Set<Socket>();
  const hung = new Set<ServerResponse>();

  const releaseHung = () => {
    for (const response of hung) response.destroy();
    hung.clear();
  };

  async function handleAdmin(
    method: string,
    path: string,
    body: unknown,
    invalidJson: boolean,
  ): Promise<SimResponse> {
    if (method === "GET" && path === "/health") return json(200, { ok: true });
    if (method === "GET" && path === "/faults")
      return json(
        200,
        Object.fromEntries([...runtimes].map(([id, runtime]) => [id, runtime.faults.current])),
      );
    if (method === "DELETE" && path === "/faults") {
      for (const runtime of runtimes.values()) runtime.faults.clear();
      releaseHung();
      return json(200, { ok: true });
    }
    const faultMatch = matchPath("/faults/:provider", path);
    if (faultMatch && (method === "PUT" || method === "POST")) {
      const runtime = runtimes.get(faultMatch.provider as SimulatedProviderId);
      if (!runtime) return json(404, { error: `unknown provider ${faultMatch.provider}` });
      if (invalidJson) return json(400, { error: "body is not valid JSON" });
      const parsed = faultSettingsSchema.safeParse(body ?? {});
      if (!parsed.success)
        return json(400, {
          error: parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`),
        });
      runtime.faults.set(parsed.data as FaultSettings);
      if (!parsed.data.hang) releaseHung();
      return json(200, { provider: runtime.provider.id, faults: runtime.faults.current });
    }
    if (method === "POST" && path === "/reset") {
      for (const runtime of runtimes.values()) {
        runtime.provider.reset();
        runtime.faults.clear();
        runtime.windows.clear();
      }
      releaseHung();
      return json(200, { ok: true });
    }
    if (method === "GET" && path === "/stats")
      return json(
        200,
        Object.fromEntries(
          [...runtimes].map(([id, runtime]) => [
            id,
            { requests: runtime.requests, ...runtime.provider.stats() },
          ]),
        ),
      );
    return json(404, { error: "unknown admin endpoint" });
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", `http://${host}`);
    const method = (request.method ?? "GET").toUpperCase();
    const { body, invalidJson, tooLarge } = await readBody(request);
    if (tooLarge) return send(response, json(413, { error: "body too large" }));

    if (url.pathname.startsWith("/__admin/"))
      return send(
        response,
        await handleAdmin(method, url.pathname.slice("/__admin".length), body, invalidJson),
      );

    const [, prefix = "", ...rest] = url.pathname.split("/");
    const runtime = runtimes.get(prefix as SimulatedProviderId);
    if (!runtime) return send(response, json(404, { error: `no simulated provider at /${prefix}` }));
    const { provider, faults } = runtime;
    runtime.requests += 1;
    const path = "/" + rest.join("/");

    const settings = faults.current;
    if (settings.latencyMs > 0) await sleep(settings.latencyMs);
    const decision = faults.decide(request.method ?? "GET");
    if (decision.kind === "hang") {
      hung.add(response);
      response.on("close", () => hung.delete(response));
      return;
    }

    const simRequest: SimRequest = {
      method,
      path,
      params: {},
      query: url.searchParams,
      headers: request.headers,
      body,
      invalidJson,
    };
    if (!provider.isAuthorized(simRequest)) return send(response, provider.unauthorized());

    if (decision.kind === "rate_limited") {
      const limited =
        provider.rateLimit?.response(decision.retryAfterSeconds) ??
        provider.errorResponse(429, "Too many requests");
      return send(response, {
        ...limited,
        headers: { ...limited.headers, "retry-after": String(decision.retryAfterSeconds) },
      });
    }
    if (decision.kind === "error")
      return send(response, provider.errorResponse(503, "Service temporarily unavailable"));
    if (decision.kind === "malformed")
      return send(response, { status: 200, rawText: '{"data": [{"id": "trunc' });

    if (provider.rateLimit) {
      const key = String(request.headers.authorization ?? request.headers["x-api-key"] ?? "");
      const now = Date.now();
      const window = runtime.windows.get(key);
      if (!window || now - window.startedAt >= 60_000) runtime.windows.set(key, { startedAt: now, count: 1 });
      else if (window.count >= provider.rateLimit.perMinute) {
        const retryAfterSeconds = Math.max(1, Math.ceil((window.startedAt + 60_000 - now) / 1000));
        const limited = provider.rateLimit.response(retryAfterSeconds);
        return send(response, {
          ...limited,
          headers: { ...limited.headers, "retry-after": String(retryAfterSeconds) },
        });
      } else window.count += 1;
    }

    if (invalidJson) return send(response, provider.errorResponse(400, "Request body is not valid JSON"));

    let methodMismatch = false;
    for (const route of provider.routes) {
      const params = matchPath(route.pattern, path);
      if (!params) continue;
      if (route.method !== method) {
        methodMismatch = true;
        continue;
      }
      try {
        return send(response, await route.handler({ ...simRequest, params }));
      } catch (error) {
        console.error(`[simulator] ${provider.id} ${method} ${path} crashed:`, error);
        return send(response, provider.errorResponse(500, "Internal server error"));
      }
    }
    if (methodMismatch) return send(response, provider.errorResponse(405, "Method not allowed"));
    return send(response, provider.errorResponse(404, "Not found"));
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
