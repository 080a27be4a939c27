/**
 * Helpers shared by the conversation list specs (list, keyboard, bulk): navigation that waits for
 * the rows, filter popovers, connection ids looked up by name (ids differ per database), axe
 * checks, and direct moderation calls used to restore state when a test fails half-way.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect as baseExpect, type APIRequestContext, type Locator, type Page } from "@playwright/test";

/**
 * `expect` with room for a loaded machine: the specs also run against a shared development
 * server that compiles on demand. Against a production build every wait ends far sooner.
 */
export const expect = baseExpect.configure({ timeout: 30_000 });

export const rows = (page: Page): Locator => page.locator("tbody tr[data-row-key]");

/**
 * Waits until the table shows a settled page (no skeleton, not busy) or an empty state, and React
 * has hydrated the server-rendered page (before that, keys and clicks do nothing).
 */
export async function waitForList(page: Page): Promise<void> {
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible({ timeout: 90_000 });
  await expect(page.locator('[data-list-hydrated="true"]')).toHaveCount(1, { timeout: 90_000 });
  await expect(page.locator('[data-testid="skeleton-row"]')).toHaveCount(0, { timeout: 90_000 });
  await expect(page.locator("table[aria-busy='true']")).toHaveCount(0, { timeout: 90_000 });
  await expect(rows(page).first().or(page.locator("[data-slot='empty-state']"))).toBeVisible({
    timeout: 90_000,
  });
}

export async function gotoList(page: Page, search = ""): Promise<void> {
  await page.goto(`/conversations${search}`);
  await waitForList(page);
}

export async function rowKeys(page: Page): Promise<string[]> {
  return rows(page).evaluateAll((elements) =>
    elements.map((element) => element.getAttribute("data-row-key") ?? ""),
  );
}

export function rowByKey(page: Page, key: string): Locator {
  return page.locator(`tbody tr[data-row-key="${key}"]`);
}

/** The id of a connection, by its display name ("Zaia (demo)"). */
export async function connectionId(request: APIRequestContext, name: string): Promise<string> {
  const response = await request.get("/api/facets");
  expect(response.ok()).toBe(true);
  const facets = (await response.json()) as {
    connections: { connectionId: string; connectionName: string }[];
  };
  const found = facets.connections.find((connection) => connection.connectionName === name);
  if (!found) throw new Error(`No connection named ${name}`);
  return found.connectionId;
}

/** Opens a filter popover by its button name and ticks one option. */
export async function pickFilter(page: Page, filter: string, option: string | RegExp): Promise<void> {
  await page.getByRole("button", { name: new RegExp(`^${filter} filter`) }).click();
  const popover = page.getByRole("dialog", { name: `${filter} filter` });
  await expect(popover).toBeVisible();
  await popover.getByRole("checkbox", { name: option, exact: typeof option === "string" }).check();
  await page.keyboard.press("Escape");
  await expect(popover).toBeHidden();
}

/** Runs axe (WCAG 2.0/2.1 A and AA) and fails on any serious or critical violation. */
export async function expectNoSeriousAxeViolations(page: Page, include?: string): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]);
  if (include) builder = builder.include(include);
  const results = await builder.analyze();
  const serious = results.violations.filter(
    (violation) => violation.impact === "serious" || violation.impact === "critical",
  );
  expect(
    serious.map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
    ),
  ).toEqual([]);
}

/** Sets moderation flags directly through the API (to put a conversation back after a failure). */
export async function setFlags(
  request: APIRequestContext,
  key: string,
  change: { important?: boolean; archived?: boolean; trashed?: boolean; title?: string | null },
): Promise<void> {
  const index = key.indexOf("~");
  const url = `/api/conversations/${encodeURIComponent(key.slice(0, index))}/${encodeURIComponent(key.slice(index + 1))}`;
  const response = await request.patch(url, { data: change });
  expect(response.status(), await response.text()).toBeLessThan(300);
}

/** The list's query string (`?a=b`), for comparing URLs without caring about key order. */
export function searchParams(page: Page): URLSearchParams {
  return new URL(page.url()).searchParams;
}
