/**
 * Admin connections: add a Zaia connection (a wrong key first, refused by the provider in its own
 * words, then the right one), see its conversations, rename it, rotate its key and remove it.
 * Connections are unique per run and removed after each test (also when it fails midway).
 */
import AxeBuilder from "@axe-core/playwright";
import { request as apiRequest, type Page } from "@playwright/test";
import { simulatorKeys } from "../simulator/keys";
import { expect, simulatorUrl, storageStatePath, test } from "./fixtures";

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

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Names of connections this file creates: removed after each test, even one that failed midway. */
const createdNames = new Set<string>();

test.afterEach(async ({ baseURL }) => {
  if (createdNames.size === 0) return;
  const api = await apiRequest.newContext({ baseURL, storageState: storageStatePath("admin") });
  try {
    const response = await api.get("/api/connections");
    const { items } = (await response.json()) as { items: { id: string; name: string }[] };
    for (const connection of items.filter((candidate) => createdNames.has(candidate.name)))
      await api.delete(`/api/connections/${connection.id}`);
  } finally {
    createdNames.clear();
    await api.dispose();
  }
});

async function conversationCount(page: Page, connectionId: string): Promise<number> {
  const response = await page.request.get(`/api/conversations?connection=${connectionId}&limit=25`);
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { items: unknown[] };
  return body.items.length;
}

/**
 * The list comes from the index, so a new (or re-keyed) connection lists once it has synced: ask
 * for a sync now, as the Refresh control does, and wait for its rows.
 */
async function expectConversationsListed(page: Page, connectionId: string): Promise<void> {
  const origin = new URL(page.url()).origin;
  await page.request.post("/api/sync", { data: { connectionId }, headers: { origin } });
  await expect.poll(() => conversationCount(page, connectionId), { timeout: 60_000 }).toBeGreaterThan(0);
}

test("an admin adds a Zaia connection, renames it, rotates its key and removes it", async ({
  adminPage: page,
}) => {
  // A long flow (five dialogs, three provider round trips): give it room on a busy machine.
  test.setTimeout(120_000);
  const stamp = Date.now();
  const name = `E2E Zaia ${stamp}`;
  const renamed = `E2E Zaia renamed ${stamp}`;
  const zaiaUrl = `${simulatorUrl}/zaia`;
  createdNames.add(name);
  createdNames.add(renamed);

  await page.goto("/admin/connections");
  await expect(page.getByRole("heading", { level: 1, name: "Connections" })).toBeVisible();
  await expect(page.getByRole("table")).toBeVisible({ timeout: SERVER_MS });
  await expectNoSeriousAxeViolations(page);

  // Add: the provider fills its default URL; a wrong key is refused in the provider's words.
  await page.getByRole("button", { name: "Add connection" }).click();
  const dialog = page.getByRole("dialog", { name: "Add connection" });
  await dialog.getByLabel("Provider").click();
  await page.getByRole("option", { name: "Zaia" }).click();
  await expect(dialog.getByLabel("Base URL")).toHaveValue("https://api.endless.zaia.app");
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByLabel("Base URL").fill(zaiaUrl);
  await dialog.getByLabel("API key").fill("zaia_wrong_key_0000000000");
  await dialog.getByRole("button", { name: "Test key" }).click();
  await expect(dialog.getByRole("status")).toContainText("Zaia refused the API key (401)", {
    timeout: SERVER_MS,
  });
  await expectNoSeriousAxeViolations(page);

  // Save tests first and asks before saving a refused key.
  await dialog.getByRole("button", { name: "Save", exact: true }).click();
  await expect(dialog.getByRole("alert")).toContainText("The test failed.", { timeout: SERVER_MS });
  await dialog.getByRole("button", { name: "Keep editing" }).click();

  await dialog.getByLabel("API key").fill(simulatorKeys.zaia.primary);
  await dialog.getByRole("button", { name: "Test key" }).click();
  await expect(dialog.getByRole("status")).toContainText("Zaia accepted the API key.", {
    timeout: SERVER_MS,
  });
  await dialog.getByRole("button", { name: "Save", exact: true }).click();
  await expect(dialog).toBeHidden({ timeout: SERVER_MS });
  await expect(page.getByText(`Connection “${name}” added`)).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText(`…${simulatorKeys.zaia.primary.slice(-4)}`);
  await expect(row).toContainText(zaiaUrl);

  // The sidebar lists it (the layout refreshed); its link carries the new id.
  const sidebar = page.getByRole("navigation", { name: "Main" });
  const link = sidebar.getByRole("link", { name: new RegExp(escapeRegExp(name)) });
  await expect(link).toBeVisible();
  const href = await link.getAttribute("href");
  const connectionId = new URL(href ?? "", "http://parley.invalid").searchParams.get("connection");
  expect(connectionId).toBeTruthy();
  const id = connectionId ?? "";
  await expectConversationsListed(page, id);
  await page.goto(`/conversations?connection=${id}`);
  await expect(
    page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: new RegExp(escapeRegExp(name)) }),
  ).toHaveAttribute("aria-current", "page");

  // Rename.
  await page.goto("/admin/connections");
  await page.getByRole("button", { name: `Actions for ${name}` }).click();
  await page.getByRole("menuitem", { name: "Rename…" }).click();
  const renameDialog = page.getByRole("dialog", { name: `Rename “${name}”` });
  await renameDialog.getByLabel("Name").fill(renamed);
  await expectNoSeriousAxeViolations(page);
  await renameDialog.getByRole("button", { name: "Rename" }).click();
  await expect(renameDialog).toBeHidden({ timeout: SERVER_MS });
  await expect(page.getByText(`Renamed to “${renamed}”`)).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: renamed })).toBeVisible();
  await expect(page.getByRole("button", { name: `Actions for ${renamed}` })).toBeFocused();

  // Rotate the key: the new key is tested, saved, and the connection still lists.
  await page.getByRole("button", { name: `Actions for ${renamed}` }).click();
  await page.getByRole("menuitem", { name: "Rotate key…" }).click();
  const rotateDialog = page.getByRole("dialog", { name: `Rotate the key of “${renamed}”` });
  await rotateDialog.getByLabel("New API key").fill(simulatorKeys.zaia.secondary);
  await expectNoSeriousAxeViolations(page);
  await rotateDialog.getByRole("button", { name: "Rotate key" }).click();
  await expect(rotateDialog).toBeHidden({ timeout: SERVER_MS });
  await expect(page.getByText(`Key rotated for “${renamed}”`)).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: renamed })).toContainText(
    `…${simulatorKeys.zaia.secondary.slice(-4)}`,
  );
  await expectConversationsListed(page, id);

  // Remove: the confirmation says what goes and what stays.
  await page.getByRole("button", { name: `Actions for ${renamed}` }).click();
  await page.getByRole("menuitem", { name: "Remove…" }).click();
  const removeDialog = page.getByRole("alertdialog", { name: `Remove “${renamed}”?` });
  await expect(removeDialog).toContainText(
    "Its moderation overlay (important/archived/trash/titles kept in Parley) is deleted; audit rows are kept.",
  );
  await expectNoSeriousAxeViolations(page);
  await removeDialog.getByRole("button", { name: "Remove connection" }).click();
  await expect(removeDialog).toBeHidden({ timeout: SERVER_MS });
  await expect(page.getByText(`Connection “${renamed}” removed`)).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: renamed })).toHaveCount(0);
  await expect(sidebar.getByRole("link", { name: new RegExp(escapeRegExp(renamed)) })).toHaveCount(0);
});

test("a base URL change asks for the key again and tests it at the new address before saving", async ({
  adminPage: page,
}) => {
  test.setTimeout(90_000);
  const name = `E2E Zaia URL ${Date.now()}`;
  createdNames.add(name);
  const created = await page.request.post("/api/connections", {
    data: { provider: "zaia", name, baseUrl: `${simulatorUrl}/zaia`, apiKey: simulatorKeys.zaia.primary },
  });
  expect(created.status()).toBe(201);

  await page.goto("/admin/connections");
  await page.getByRole("button", { name: `Actions for ${name}` }).click();
  await page.getByRole("menuitem", { name: "Change base URL…" }).click();
  const dialog = page.getByRole("dialog", { name: `Change the base URL of “${name}”` });
  // The Chatling simulator does not know a Zaia key: the test fails and Save asks first.
  await dialog.getByLabel("Base URL").fill(`${simulatorUrl}/chatling`);
  await dialog.getByLabel("API key").fill(simulatorKeys.zaia.primary);
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog.getByRole("alert")).toContainText("The test failed.", { timeout: SERVER_MS });
  await expectNoSeriousAxeViolations(page);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden({ timeout: SERVER_MS });
  await expect(page.getByRole("row").filter({ hasText: name })).toContainText(`${simulatorUrl}/zaia`);
});
