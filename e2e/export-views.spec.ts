/**
 * Export and saved views: the list's Export menu downloads what is filtered (a CSV with a BOM,
 * the header and rows linking back to Parley), and a view saved from the sidebar opens the same
 * list from its link and from the command palette, then is deleted again (confirmed).
 */
import { readFile } from "node:fs/promises";
import { test } from "./fixtures";
import { expect, expectNoSeriousAxeViolations, gotoList, waitForList } from "./list-helpers";

test("exports the filtered list as CSV from the Export menu", async ({ staffPage: page }) => {
  test.setTimeout(120_000);
  await gotoList(page, "?view=all&sort=oldest");
  await page.getByRole("button", { name: "Export", exact: true }).click();
  const [download] = await Promise.all([
    page.waitForEvent("download", { timeout: 90_000 }),
    page.getByRole("menuitem", { name: "Export as CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^parley-conversations-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile(await download.path(), "utf8");
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const [header, first] = csv.slice(1).split("\r\n");
  expect(header).toMatch(/^"connection","provider","conversation_id","title",.*"url"$/);
  expect(first).toMatch(/"http:\/\/127\.0\.0\.1:\d+\/conversations\/[^"]+"$/);
  await expect(
    page.locator("[data-sonner-toast]").filter({ hasText: /^Exported [\d,]+ conversations as CSV/ }),
  ).toBeVisible();
});

test("saves a view, opens it from the sidebar and the palette, and deletes it", async ({
  staffPage: page,
}) => {
  test.setTimeout(120_000);
  const name = `Oldest first ${Date.now().toString(36)}`;
  // The page size is not part of a view.
  await gotoList(page, "?view=important&sort=oldest&limit=50");
  await page.getByRole("button", { name: "Save the current list as a view" }).click();
  const dialog = page.getByRole("dialog", { name: "Save view" });
  await dialog.getByLabel("Name").fill(name);
  await expectNoSeriousAxeViolations(page, '[role="dialog"]');
  await dialog.getByRole("button", { name: "Save view" }).click();
  await expect(dialog).toBeHidden();

  const savedViews = page.getByRole("list", { name: "Saved views" });
  const inbox = page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: /^Inbox(\s*,\s*[\d,]+\+?)?$/ });
  const link = savedViews.getByRole("link", { name: new RegExp(name) });
  await expect(link).toHaveAttribute("href", "/conversations?view=important&sort=oldest");
  await expect(link).toContainText(/\d/);

  await inbox.click();
  await expect(page).toHaveURL(/\/conversations$/);
  await expect(link).not.toHaveAttribute("aria-current", "page");
  await link.click();
  await expect(page).toHaveURL(/\/conversations\?view=important&sort=oldest$/);
  await expect(link).toHaveAttribute("aria-current", "page");

  await inbox.click();
  await waitForList(page);
  await page.keyboard.press("Control+k");
  const palette = page.getByRole("dialog", { name: "Command palette" });
  await palette.getByRole("combobox").fill(name);
  await palette.getByRole("option", { name: new RegExp(`Open view ${name}`) }).click();
  await expect(page).toHaveURL(/\/conversations\?view=important&sort=oldest$/);

  await savedViews.getByRole("button", { name: `Actions for view ${name}` }).click();
  await page.getByRole("menuitem", { name: "Delete" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete view" }).click();
  await expect(link).toHaveCount(0);
});
