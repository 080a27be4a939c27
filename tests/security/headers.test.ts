/**
 * The security headers `next.config.ts` puts on every response, read from the config itself under
 * both NODE_ENV values (the module is reloaded for each): a CSP without `unsafe-eval` in
 * production, no framing, no MIME sniffing, a strict referrer policy. The e2e suite checks the
 * headers a running server really sends.
 */
import type { NextConfig } from "next";
import { afterEach, describe, expect, it, vi } from "vitest";

async function loadConfig(nodeEnvironment: "production" | "development"): Promise<NextConfig> {
  vi.resetModules();
  vi.stubEnv("NODE_ENV", nodeEnvironment);
  const loaded = await import("@/next.config");
  return loaded.default;
}

async function headersFor(nodeEnvironment: "production" | "development"): Promise<Map<string, string>> {
  const config = await loadConfig(nodeEnvironment);
  const rules = (await config.headers?.()) ?? [];
  const everyPath = rules.filter((rule) => rule.source === "/:path*");
  expect(everyPath, "one rule covers every path").toHaveLength(1);
  return new Map((everyPath[0]?.headers ?? []).map((header) => [header.key.toLowerCase(), header.value]));
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

describe("security headers", () => {
  it("production: a CSP without unsafe-eval that only allows Parley's own origin", async () => {
    const headers = await headersFor("production");
    const csp = directives(headers.get("content-security-policy") ?? "");
    expect(csp.get("script-src")).toBeDefined();
    expect(csp.get("script-src")).not.toContain("'unsafe-eval'");
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("connect-src")).toEqual(["'self'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    for (const [name, sources] of csp) {
      expect(sources, name).not.toContain("*");
      expect(
        sources.filter((source) => /^(https?:|data:)$/.test(source) && name !== "img-src"),
        name,
      ).toEqual([]);
    }
  });

  it("development: unsafe-eval only where React's refresh needs it", async () => {
    const headers = await headersFor("development");
    const csp = directives(headers.get("content-security-policy") ?? "");
    expect(csp.get("script-src")).toContain("'unsafe-eval'");
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
  });

  for (const nodeEnvironment of ["production", "development"] as const) {
    it(`${nodeEnvironment}: no framing, no sniffing, a strict referrer policy, no X-Powered-By`, async () => {
      const headers = await headersFor(nodeEnvironment);
      expect(headers.get("x-content-type-options")).toBe("nosniff");
      expect(headers.get("x-frame-options")).toBe("DENY");
      expect(["no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"]).toContain(
        headers.get("referrer-policy"),
      );
      expect(headers.get("permissions-policy")).toMatch(/camera=\(\)/);
      expect((await loadConfig(nodeEnvironment)).poweredByHeader).toBe(false);
    });
  }
});
