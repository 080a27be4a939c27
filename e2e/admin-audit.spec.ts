/**
 * The audit log: what an admin just did is there (filtered by action through the page and
 * through the URL), the CSV export downloads with a header row, and the admin pages pass axe at
 * 768 px in dark mode. The user it creates is unique per run and removed at once (or after the
 * test, if it failed midway).
 */
import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { request as apiRequest, type Page } from "@playwright/test";
import { expect, storageStatePath, test } from "./fixtures";

/**
 * Waits on a server round trip (a page's first client-side fetch, a save, a provider test) get
 * longer than the default: a busy shared dev server can take a while.
 */
const SERVER_MS = 30_000;

async function expectNoSeriousAxeViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const serious = violations.filter(
    (violation) => violation.impact === "serious" || violation.impact === "critical",
  );
  expect(
    serious.map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
    ),
  ).toEqual([]);
}

/** Emails of users this file creates: removed after each test if a failure left them behind. */
const createdEmails = new Set<string>();

test.afterEach(async ({ baseURL }) => {
  if (createdEmails.size === 0) return;
  const api = await apiRequest.newContext({ baseURL, storageState: storageStatePath("admin") });
  try {
    const origin = new URL(baseURL ?? "http://127.0.0.1").origin;
    const response = await api.get("/api/auth/admin/list-users?limit=1000");
    const { users } = (await response.json()) as { users: { id: string; email: string }[] };
    for (const user of users.filter((candidate) => createdEmails.has(candidate.email)))
      await api.post("/api/auth/admin/remove-user", { data: { userId: user.id }, headers: { origin } });
  } finally {
    createdEmails.clear();
    await api.dispose();
  }
});

/** Creates and removes a staff user through the auth API: two audit rows that name its email. */
async function createAndRemoveUser(page: Page, email: string): Promise<void> {
  createdEmails.add(email);
  const headers = { origin: new URL(page.url()).origin };
  const created = await page.request.post("/api/auth/admin/create-user", {
    data: { email, name: "E2E Audit", password: "e2e-audit-password", role: "staff" },
    headers,
  });
  expect(created.status()).toBe(200);
  const { user } = (await created.json()) as { user: { id: string } };
  const removed = await page.request.post("/api/auth/admin/remove-user", {
    data: { userId: user.id },
    headers,
  });
  expect(removed.status()).toBe(200);
}

test("the audit log shows what was just done and exports it as CSV", async ({ adminPage: page }) => {
  test.setTimeout(120_000);
  const email = `e2e-audit-${Date.now()}@parley.local`;
  await page.goto("/admin/audit");
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  await createAndRemoveUser(page, email);

  // Filter by action through the page: the URL follows.
  await page.getByLabel("Action", { exact: true }).click();
  await page.getByRole("option", { name: "user.create" }).click();
  await expect(page).toHaveURL(/action=user\.create/);
  const created = page.getByRole("row").filter({ hasText: email });
  await expect(created).toHaveCount(1, { timeout: SERVER_MS });
  await expect(created).toContainText("user.create");
  await expect(created).toContainText("admin@parley.local");
  await expect(created).toContainText("Success");
  await expectNoSeriousAxeViolations(page);

  // A typed prefix ("Other…") matches both rows.
  await page.getByLabel("Action", { exact: true }).click();
  await page.getByRole("option", { name: "Other…" }).click();
  await page.getByLabel("Action name (end with * for a prefix)").fill("user.*");
  await expect(page).toHaveURL(/action=user\.\*/);
  await expect(page.getByRole("row").filter({ hasText: email })).toHaveCount(2);

  // The URL alone reproduces a view.
  await page.goto(`/admin/audit?action=user.remove&actor=admin%40parley.local`);
  const removed = page.getByRole("row").filter({ hasText: email });
  await expect(removed).toHaveCount(1, { timeout: SERVER_MS });
  await expect(removed).toContainText("user.remove");
  await expect(page.getByLabel("Actor (email contains)")).toHaveValue("admin@parley.local");

  // Export the same filters.
  const exportLink = page.getByRole("link", { name: "Export CSV" });
  await expect(exportLink).toHaveAttribute("href", /\/api\/audit\/export\?.*action=user\.remove/);
  const [download] = await Promise.all([page.waitForEvent("download"), exportLink.click()]);
  expect(download.suggestedFilename()).toMatch(/^parley-audit-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile(await download.path(), "utf8");
  const [header, ...lines] = csv.trim().split(/\r?\n/);
  expect((header ?? "").split(",").map((cell) => cell.replace(/^"|"$/g, ""))).toEqual([
    "time",
    "actor",
    "action",
    "connection",
    "conversation",
    "target",
    "outcome",
    "error",
    "before",
    "after",
  ]);
  expect(lines.some((line) => line.includes(email) && line.includes("user.remove"))).toBe(true);
});

test("the admin pages pass axe at 768 px in dark mode", async ({ adminPage: page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 768, height: 800 });
  await page.emulateMedia({ colorScheme: "dark" });
  for (const [path, heading] of [
    ["/admin/connections", "Connections"],
    ["/admin/users", "Users"],
    ["/admin/audit", "Audit log"],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expect(
      page
        .getByRole("table")
        .or(page.getByRole("heading", { name: /No entries|Nothing recorded|No connections/ })),
    ).toBeVisible({ timeout: SERVER_MS });
    await expect(page.locator("html")).toHaveClass(/dark/);
    await expectNoSeriousAxeViolations(page);
  }
});
