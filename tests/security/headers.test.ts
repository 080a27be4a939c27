/**
 * The security headers: pages get a Content-Security-Policy with a fresh nonce per request from
 * `proxy.ts` (scripts need the nonce or `'strict-dynamic'`; no `'unsafe-inline'` for scripts, no
 * `unsafe-eval` in production; violations reported), API answers a policy that allows nothing,
 * and every response no framing, no MIME sniffing and a strict referrer policy. The e2e suite
 * checks what a running server sends and that an injected inline script is blocked and reported.
 */
import { NextRequest } from "next/server";
import type { NextConfig } from "next";
import { afterEach, describe, expect, it, vi } from "vitest";
import { API_CONTENT_SECURITY_POLICY, pageContentSecurityPolicy } from "@/lib/security/csp";
import { config as proxyConfig, proxy } from "@/proxy";

async function loadConfig(nodeEnvironment: "production" | "development"): Promise<NextConfig> {
  vi.resetModules();
  vi.stubEnv("NODE_ENV", nodeEnvironment);
  const loaded = await import("@/next.config");
  return loaded.default;
}

/** `default-src 'self'; …` as a map from directive to its sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter((tokens) => tokens[0])
      .map(([name = "", ...sources]) => [name, sources]),
  );
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("page Content-Security-Policy", () => {
  it("production: scripts only with the nonce or loaded by a script that had it; no inline, no eval", () => {
    const csp = directives(pageContentSecurityPolicy("abc123", false));
    expect(csp.get("script-src")).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("connect-src")).toEqual(["'self'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("report-uri")).toEqual(["/api/csp-report"]);
    for (const [name, sources] of csp) {
      expect(sources, name).not.toContain("*");
      expect(
        sources.filter((source) => /^(https?:|data:)$/.test(source) && name !== "img-src"),
        name,
      ).toEqual([]);
    }
  });

  it("development: unsafe-eval only where React's refresh needs it, still no unsafe-inline for scripts", () => {
    const scripts = directives(pageContentSecurityPolicy("n", true)).get("script-src");
    expect(scripts).toContain("'unsafe-eval'");
    expect(scripts).not.toContain("'unsafe-inline'");
  });

  it("the proxy gives each request its own nonce, on the response and on the request Next.js renders", () => {
    const first = proxy(new NextRequest("http://127.0.0.1:3999/conversations"));
    const second = proxy(new NextRequest("http://127.0.0.1:3999/conversations"));
    const nonceOf = (policy: string | null) => /'nonce-([^']+)'/.exec(policy ?? "")?.[1];
    const nonce = nonceOf(first.headers.get("content-security-policy"));
    expect(nonce).toMatch(/^[A-Za-z0-9+/=]{22,}$/);
    expect(nonceOf(second.headers.get("content-security-policy"))).not.toBe(nonce);
    expect(first.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
    expect(nonceOf(first.headers.get("x-middleware-request-content-security-policy"))).toBe(nonce);
  });

  it("runs for pages, not for API answers or static files", () => {
    const source = proxyConfig.matcher[0]?.source ?? "";
    const matches = (path: string) => new RegExp(`^${source}$`).test(path);
    expect(matches("/conversations")).toBe(true);
    expect(matches("/sign-in")).toBe(true);
    expect(matches("/api/health")).toBe(false);
    expect(matches("/_next/static/chunks/x.js")).toBe(false);
  });
});

describe("headers on every response", () => {
  for (const nodeEnvironment of ["production", "development"] as const) {
    it(`${nodeEnvironment}: no framing, no sniffing, a strict referrer policy, no X-Powered-By; API answers allow nothing`, async () => {
      const config = await loadConfig(nodeEnvironment);
      const rules = (await config.headers?.()) ?? [];
      const every = new Map(
        (rules.find((rule) => rule.source === "/:path*")?.headers ?? []).map((header) => [
          header.key.toLowerCase(),
          header.value,
        ]),
      );
      expect(every.get("x-content-type-options")).toBe("nosniff");
      expect(every.get("x-frame-options")).toBe("DENY");
      expect(every.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
      expect(every.get("permissions-policy")).toMatch(/camera=\(\)/);
      expect(every.has("content-security-policy")).toBe(false);
      const api = rules.find((rule) => rule.source === "/api/:path*")?.headers ?? [];
      expect(api).toEqual([{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }]);
      expect(config.poweredByHeader).toBe(false);
    });
  }
});
