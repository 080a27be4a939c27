/**
 * Parley on a phone (390 × 844): the sidebar is hidden, so the header's Menu opens it in a sheet;
 * the list, a thread (with find-in-thread and its ▲/▼ buttons clear of each other) and the admin
 * pages fit the width and pass axe.
 */
import type { Locator, Page } from "@playwright/test";
import { test } from "./fixtures";
import { expect, expectNoSeriousAxeViolations, waitForList } from "./list-helpers";
import { connectionIds, conversationAt, openThread } from "./thread-support";

test.use({ viewport: { width: 390, height: 844 } });
// Several pages with axe each, on a machine shared with other builds.
test.setTimeout(180_000);

/** Nothing on the page is wider than the screen (tables scroll inside their own box). */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

async function openMenu(page: Page): Promise<Locator> {
  await page.getByRole("button", { name: "Menu" }).click();
  const menu = page.getByRole("dialog", { name: "Menu" });
  await expect(menu).toBeVisible();
  return menu;
}

function overlaps(a: { x: number; y: number; width: number; height: number }, b: typeof a): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

test("the Menu opens the sidebar in a sheet and every view is reachable", async ({ staffPage: page }) => {
  await page.goto("/conversations");
  await waitForList(page);
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expectNoSidewaysScroll(page);

  for (const view of ["Important", "Archived", "Trash", "All"]) {
    const menu = await openMenu(page);
    // The view's name, then its count ("Important, 12").
    await menu.getByRole("link", { name: new RegExp(`^${view}(\\s*,\\s*[\\d,]+\\+?)?$`) }).click();
    await expect(menu).toBeHidden();
    await expect(page.getByRole("heading", { level: 1, name: view })).toBeVisible();
  }
  const menu = await openMenu(page);
  await expect(menu.getByRole("link", { name: /Zaia \(demo\)/ })).toBeVisible();
  await expect(menu.getByRole("link", { name: "Audit log" })).toHaveCount(0);
  await expectNoSeriousAxeViolations(page);
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();
  await expect(page.getByRole("button", { name: "Menu" })).toBeFocused();
});

test("a thread fits, and find-in-thread keeps ▲ and ▼ clear of the field", async ({ staffPage: page }) => {
  const ids = await connectionIds(page);
  const target = await conversationAt(page, ids.zaia, 0);
  await openThread(page, ids.zaia, target.id);
  const field = page.getByRole("searchbox", { name: "Find in thread" });
  await field.fill("the");
  const previous = page.getByRole("button", { name: "Previous match" });
  const next = page.getByRole("button", { name: "Next match" });
  await expect(previous).toBeInViewport();
  await expect(next).toBeInViewport();
  const boxes = await Promise.all(
    [field, previous, next, page.getByRole("button", { name: "Jump to first" })].map((item) =>
      item.boundingBox(),
    ),
  );
  const [fieldBox, previousBox, nextBox, jumpBox] = boxes;
  if (!fieldBox || !previousBox || !nextBox || !jumpBox) throw new Error("a find control is not laid out");
  expect(overlaps(fieldBox, previousBox)).toBe(false);
  expect(overlaps(previousBox, nextBox)).toBe(false);
  expect(overlaps(jumpBox, previousBox) || overlaps(jumpBox, nextBox)).toBe(false);
  expect(nextBox.x + nextBox.width).toBeLessThanOrEqual(390);
  await previous.click();
  await expect(page.getByRole("status").filter({ hasText: /^Match \d+ of \d+/ })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectNoSeriousAxeViolations(page);
});

test("the admin pages are reachable from the Menu and usable at 390 px", async ({ adminPage: page }) => {
  await page.goto("/conversations");
  await waitForList(page);
  for (const [link, heading] of [
    ["Connections", "Connections"],
    ["Users", "Users"],
    ["Audit log", "Audit log"],
  ] as const) {
    const menu = await openMenu(page);
    await menu.getByRole("link", { name: link, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible({ timeout: 30_000 });
    await expectNoSidewaysScroll(page);
    await expectNoSeriousAxeViolations(page);
  }
  // A row's actions, at the far end of a table that scrolls sideways inside its box.
  await page.goto("/admin/connections");
  const actions = page.getByRole("button", { name: /^Actions for Zaia \(demo\)/ });
  await actions.click();
  await expect(page.getByRole("menu")).toBeVisible();
  await page.keyboard.press("Escape");
});
