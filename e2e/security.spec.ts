/**
 * Security in the running app: the response headers a browser really gets, staff kept out of the
 * admin pages and API, cross-site writes refused by the real server, and provider content that
 * contains script (found by searching each provider for "alert") rendering as inert text in the
 * list and in the thread.
 */
import type { APIResponse, Locator, Page } from "@playwright/test";
import { z } from "zod";
import { zaiaHostileChatIds } from "../simulator/providers/zaia/data";
import { expect, forbidDialogs, test } from "./fixtures";
import { waitForList } from "./list-helpers";
import { connectionIds, openThread, type Provider } from "./thread-support";

test.describe.configure({ timeout: 180_000 });

/** The Playwright-started server is a production build; E2E_BASE_URL may point at a dev server. */
const againstProductionBuild = process.env.E2E_BASE_URL === undefined;

/** The script-src directive's sources. */
function scriptSources(csp: string): string[] {
  const directive = csp
    .split(";")
    .map((part) => part.trim())
    .find((part) => part.startsWith("script-src "));
  return directive?.split(/\s+/).slice(1) ?? [];
}

function expectSecurityHeaders(response: APIResponse): void {
  const headers = response.headers();
  const csp = headers["content-security-policy"] ?? "";
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("connect-src 'self'");
  // Scripts need this response's nonce (or a script that had it); never 'unsafe-inline'.
  expect(scriptSources(csp)).toEqual(
    expect.arrayContaining(["'strict-dynamic'", expect.stringMatching(/^'nonce-/)]),
  );
  expect(scriptSources(csp)).not.toContain("'unsafe-inline'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-powered-by"]).toBeUndefined();
  // Development needs unsafe-eval for React's refresh; a production build must not send it.
  if (againstProductionBuild) expect(csp).not.toContain("unsafe-eval");
}

test("the sign-in page carries the security headers, with a fresh nonce each time", async ({ request }) => {
  const response = await request.get("/sign-in");
  expect(response.status()).toBe(200);
  expectSecurityHeaders(response);
  const again = await request.get("/sign-in");
  expect(scriptSources(again.headers()["content-security-policy"] ?? "")).not.toEqual(
    scriptSources(response.headers()["content-security-policy"] ?? ""),
  );
});

test("an inline script injected into a page is blocked and reported, while Parley's own scripts run", async ({
  page,
}) => {
  // The page as served, with a script injected the way stored markup would be: parser-inserted, no nonce.
  await page.route("**/sign-in", async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(
      "</body>",
      "<script>window.__injected = true; document.title = 'pwned';</script></body>",
    );
    await route.fulfill({ response, body: html });
  });
  await page.addInitScript(() => {
    const record: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = record;
    document.addEventListener("securitypolicyviolation", (event) => record.push(event.effectiveDirective));
  });
  const report = page.waitForRequest(
    (request) => request.url().endsWith("/api/csp-report") && request.method() === "POST",
  );
  await page.goto("/sign-in");
  // The form's button is enabled by hydration, so Parley's nonce-carrying scripts ran.
  await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  expect(
    await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected),
  ).toBeUndefined();
  expect(await page.title()).not.toBe("pwned");
  const violations = await page.evaluate(
    () => (window as unknown as { __violations: string[] }).__violations,
  );
  // Only the injected script was refused: the theme script and Next.js' scripts carry the nonce.
  expect(violations).toEqual(["script-src-elem"]);
  const sent = await report;
  expect(sent.postData() ?? "").toContain("script-src");
});

test("the conversations page and the API carry the security headers", async ({ staffPage: page }) => {
  const pageResponse = await page.request.get("/conversations");
  expect(pageResponse.status()).toBe(200);
  expectSecurityHeaders(pageResponse);
  const apiResponse = await page.request.get("/api/conversations?limit=1");
  expect(apiResponse.status()).toBe(200);
  expect(apiResponse.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
  expect(apiResponse.headers()["x-content-type-options"]).toBe("nosniff");
  expect(apiResponse.headers()["cache-control"]).toContain("no-store");
});

test("staff are sent away from the admin pages and refused by the admin API", async ({ staffPage: page }) => {
  for (const path of ["/admin/connections", "/admin/users", "/admin/audit"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/conversations/);
    expect(new URL(page.url()).pathname.startsWith("/admin")).toBe(false);
  }
  for (const path of ["/api/connections", "/api/audit", "/api/audit/export"]) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: "forbidden" } });
  }
});

test("the real server refuses a cross-site write even with an admin's cookie", async ({
  adminPage: page,
}) => {
  const before = await page.request.get("/api/connections");
  const listed = z.object({ items: z.array(z.unknown()) });
  const count = listed.parse(await before.json()).items.length;
  const response = await page.request.post("/api/connections", {
    headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
    data: {
      provider: "zaia",
      name: "Planted",
      baseUrl: "https://api.example.com",
      apiKey: "planted-key-0000",
    },
  });
  expect(response.status()).toBe(403);
  const after = await page.request.get("/api/connections");
  expect(listed.parse(await after.json()).items).toHaveLength(count);
});

/** No element that can run script, and no link that is not a web or mail address. */
async function expectInert(region: Locator): Promise<void> {
  await expect(region.locator("script, iframe, object, embed, [onerror], [onload], [onclick]")).toHaveCount(
    0,
  );
  const unsafeLinks = await region
    .locator("a[href]")
    .evaluateAll((links) =>
      links
        .map((link) => link.getAttribute("href") ?? "")
        .filter((href) => !/^(https?:|mailto:|\/)/i.test(href.trim())),
    );
  expect(unsafeLinks).toEqual([]);
}

const searchAnswer = z.object({ items: z.array(z.object({ id: z.string() })) });

/** Conversations of one connection whose text mentions "alert" (the simulator's hostile strings). */
async function hostileConversations(page: Page, connectionId: string): Promise<string[]> {
  const search = new URLSearchParams({ connection: connectionId, q: "alert", view: "all", limit: "10" });
  const response = await page.request.get(`/api/conversations?${search.toString()}`);
  expect(response.ok()).toBe(true);
  return searchAnswer.parse(await response.json()).items.map((item) => item.id);
}

const providers: readonly Provider[] = ["sigmamind", "cozmox", "zaia", "chatling"];

/**
 * The thread to open: the first search hit, except on Zaia, whose search also matches the list's
 * last-message field; there the chat the simulator opens with `<script>` is used.
 */
function threadToOpen(provider: Provider, found: readonly string[]): string {
  return provider === "zaia" ? zaiaHostileChatIds.script : (found[0] ?? "");
}

for (const provider of providers) {
  test(`${provider}: conversations containing script render as text, in the list and the thread`, async ({
    staffPage: page,
  }) => {
    const record = forbidDialogs(page);
    // Neither the hostile text nor Parley's own scripts trip the CSP (zod's eval probe once did, on every page).
    await page.addInitScript(() => {
      const violations: string[] = [];
      (window as unknown as { __violations: string[] }).__violations = violations;
      document.addEventListener("securitypolicyviolation", (event) =>
        violations.push(`${event.effectiveDirective} ${event.blockedURI}`),
      );
    });
    const ids = await connectionIds(page);
    const found = await hostileConversations(page, ids[provider]);
    expect(found.length, `the simulator plants hostile text on ${provider}`).toBeGreaterThan(0);

    await page.goto(`/conversations?connection=${ids[provider]}&q=alert&view=all`);
    await waitForList(page);
    const table = page.locator("table");
    await expect(table).toContainText("alert");
    await expectInert(table);

    const messages = await openThread(page, ids[provider], threadToOpen(provider, found));
    await expect(page.getByRole("main")).toContainText("alert");
    await expectInert(messages);
    expect(record.dialogs).toEqual([]);
    // Violation events are dispatched as tasks: let any queued one arrive.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual(
      [],
    );
  });
}
