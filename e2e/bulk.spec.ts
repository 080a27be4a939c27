/**
 * Bulk actions run as server jobs: archive the picked rows with ONE progress toast that becomes
 * the summary ("3 archived") with Undo (a job too); "Select all N matching" offers the query's
 * every row; moving to trash asks first, stating the count. Works on Cozmox rows 9 to 14 of the
 * inbox, which no other spec touches, and puts them back (through the API if a step fails).
 */
import type { Page } from "@playwright/test";
import { test } from "./fixtures";
import {
  connectionId,
  expect,
  expectNoSeriousAxeViolations,
  gotoList,
  rowByKey,
  rows,
  setFlags,
} from "./list-helpers";

test.describe.configure({ timeout: 240_000 });

const toasts = (page: Page) => page.locator("[data-sonner-toast]");
const toast = (page: Page, text: string | RegExp) => toasts(page).filter({ hasText: text }).first();

async function selectRows(page: Page, from: number, count: number): Promise<string[]> {
  const keys: string[] = [];
  for (let index = from; index < from + count; index += 1) {
    const row = rows(page).nth(index);
    keys.push((await row.getAttribute("data-row-key")) ?? "");
    await row.getByRole("checkbox").click();
  }
  await expect(page.getByRole("region", { name: "Bulk actions" })).toContainText(`${count} selected`);
  return keys;
}

async function gotoCozmox(page: Page): Promise<void> {
  const cozmox = await connectionId(page.request, "Cozmox (demo)");
  await gotoList(page, `?connection=${cozmox}`);
}

test("bulk archive runs on the server: one toast with the summary, Undo as a job", async ({
  staffPage: page,
}) => {
  await gotoCozmox(page);
  const bar = page.getByRole("region", { name: "Bulk actions" });
  // The whole page picked: the bar offers every row the query matches.
  await page.getByRole("checkbox", { name: "Select all conversations on this page" }).click();
  await bar.getByRole("button", { name: /^Select all [\d,]+\+? matching$/ }).click();
  await expect(bar).toContainText(/All [\d,]+\+? matching selected/);
  await bar.getByRole("button", { name: "Clear selection" }).click();

  const keys = await selectRows(page, 9, 3);
  let restored = false;
  try {
    await bar.getByRole("button", { name: "Archive" }).click();
    const summary = toast(page, "3 archived");
    await expect(summary).toBeVisible({ timeout: 30_000 });
    await expect(toasts(page)).toHaveCount(1);
    for (const key of keys) await expect(rowByKey(page, key)).toHaveCount(0);
    await summary.getByRole("button", { name: "Undo" }).click();
    await expect(toast(page, "Undone: 3 archived")).toBeVisible({ timeout: 30_000 });
    for (const key of keys) await expect(rowByKey(page, key)).toHaveCount(1, { timeout: 20_000 });
    restored = true;
  } finally {
    if (!restored) for (const key of keys) await setFlags(page.request, key, { archived: false });
  }
});

test("bulk trash asks for confirmation with the count, and can be undone", async ({ staffPage: page }) => {
  await gotoCozmox(page);
  const keys = await selectRows(page, 12, 3);
  let restored = false;
  try {
    const bar = page.getByRole("region", { name: "Bulk actions" });
    await bar.getByRole("button", { name: "Move to trash" }).click();
    const confirm = page.getByRole("alertdialog", { name: "Move 3 conversations to trash?" });
    await expect(confirm).toBeVisible();
    await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
    await expectNoSeriousAxeViolations(page);
    await confirm.getByRole("button", { name: "Cancel" }).click();
    await expect(confirm).toBeHidden();
    for (const key of keys) await expect(rowByKey(page, key)).toHaveCount(1);
    await expect(bar).toContainText("3 selected");

    await bar.getByRole("button", { name: "Move to trash" }).click();
    await confirm.getByRole("button", { name: "Move to trash" }).click();
    const summary = toast(page, "3 moved to trash");
    await expect(summary).toBeVisible({ timeout: 30_000 });
    for (const key of keys) await expect(rowByKey(page, key)).toHaveCount(0);
    await summary.getByRole("button", { name: "Undo" }).click();
    for (const key of keys) await expect(rowByKey(page, key)).toHaveCount(1, { timeout: 20_000 });
    restored = true;
  } finally {
    if (!restored) for (const key of keys) await setFlags(page.request, key, { trashed: false });
  }
});
