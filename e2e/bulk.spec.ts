/**
 * Bulk actions on selected rows: archive with progress and a batch Undo, move to trash behind a
 * confirmation that states the count, and a batch where one conversation fails and is listed.
 * Works on Cozmox rows 10 to 18 of the inbox, which no other spec touches, and puts them back
 * (through the API if a step fails half-way).
 */
import type { Page, Route } from "@playwright/test";
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

function toast(page: Page, text: string | RegExp) {
  return page.locator("[data-sonner-toast]").filter({ hasText: text }).first();
}

/** Slows every moderation request a little, so the progress of a batch can be seen. */
async function slowModeration(page: Page, onPatch?: (route: Route) => Promise<boolean>): Promise<void> {
  await page.route("**/api/conversations/**", async (route) => {
    if (route.request().method() !== "PATCH") return route.continue();
    if (onPatch && (await onPatch(route))) return;
    await new Promise((resolve) => setTimeout(resolve, 400));
    await route.continue();
  });
}

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

test("bulk archive shows its progress, then Undo restores the batch", async ({ staffPage: page }) => {
  await gotoCozmox(page);
  await slowModeration(page);
  const keys = await selectRows(page, 9, 3);
  let restored = false;
  try {
    await page.getByRole("region", { name: "Bulk actions" }).getByRole("button", { name: "Archive" }).click();
    await expect(page.getByRole("status").filter({ hasText: /Archiving [1-3] of 3…/ })).toBeVisible();
    const summary = toast(page, "Archived 3 conversations");
    await expect(summary).toBeVisible({ timeout: 20_000 });
    for (const key of keys) await expect(rowByKey(page, key)).toHaveCount(0);
    await summary.getByRole("button", { name: "Undo" }).click();
    await expect(toast(page, "Undone: archived 3 conversations")).toBeVisible({ timeout: 20_000 });
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
    const summary = toast(page, "Moved to trash 3 conversations");
    await expect(summary).toBeVisible({ timeout: 20_000 });
    for (const key of keys) await expect(rowByKey(page, key)).toHaveCount(0);
    await summary.getByRole("button", { name: "Undo" }).click();
    for (const key of keys) await expect(rowByKey(page, key)).toHaveCount(1, { timeout: 20_000 });
    restored = true;
  } finally {
    if (!restored) for (const key of keys) await setFlags(page.request, key, { trashed: false });
  }
});

test("a failure in a batch is listed by conversation while the rest succeed", async ({ staffPage: page }) => {
  await gotoCozmox(page);
  const failing = (await rows(page).nth(16).getAttribute("data-row-key")) ?? "";
  const failingId = failing.slice(failing.indexOf("~") + 1);
  const failingName = await rows(page).nth(16).getByRole("link").first().innerText();
  await slowModeration(page, async (route) => {
    if (!decodeURIComponent(route.request().url()).includes(failingId)) return false;
    await route.fulfill({
      status: 503,
      contentType: "application/json",
      body: JSON.stringify({
        error: { code: "provider_unavailable", message: "The provider did not answer." },
      }),
    });
    return true;
  });
  const original = new Map<string, boolean>();
  for (let index = 15; index < 18; index += 1) {
    const row = rows(page).nth(index);
    const pressed = await row.getByRole("button", { name: /^Important/ }).getAttribute("aria-pressed");
    original.set((await row.getAttribute("data-row-key")) ?? "", pressed === "true");
  }
  await selectRows(page, 15, 3);
  let restored = false;
  try {
    await page
      .getByRole("region", { name: "Bulk actions" })
      .getByRole("button", { name: "Mark important" })
      .click();
    const failures = page.getByRole("alert").filter({ hasText: "could not be marked important" });
    await expect(failures).toBeVisible({ timeout: 20_000 });
    await expect(failures.getByRole("listitem")).toHaveText([failingName]);
    const succeeded = [...original.entries()].filter(
      ([key, important]) => key !== failing && !important,
    ).length;
    const summary = toast(
      page,
      `Marked important ${succeeded} ${succeeded === 1 ? "conversation" : "conversations"}`,
    );
    await expect(summary).toBeVisible();
    await expect(summary).toContainText(`Failed: ${failingName}`);
    await expect(rowByKey(page, failing).getByRole("button", { name: /^Important/ })).toHaveAttribute(
      "aria-pressed",
      String(original.get(failing) ?? false),
    );
    await summary.getByRole("button", { name: "Undo" }).click();
    for (const [key, important] of original) {
      await expect(rowByKey(page, key).getByRole("button", { name: /^Important/ })).toHaveAttribute(
        "aria-pressed",
        String(important),
        {
          timeout: 20_000,
        },
      );
    }
    await failures.getByRole("button", { name: "Dismiss the list of failures" }).click();
    await expect(failures).toBeHidden();
    restored = true;
  } finally {
    // Undo updates the rows at once and its requests may still be waiting in the handler: let them
    // finish, or unrouting would hand them on while the handler still holds them.
    await page.unrouteAll({ behavior: "wait" });
    if (!restored) for (const [key, important] of original) await setFlags(page.request, key, { important });
  }
});
